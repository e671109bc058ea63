// Hover text of one SAE: id, where it sits (architecture, model, layer, width), L0, and the plotted values
// with their provenance. Everything from the data is escaped (Plotly renders a subset of HTML).
import { provenanceColumnOf } from '../catalog/columns.ts';
import type { MetricDef } from '../catalog/metrics.ts';
import { num, str, type Frame } from '../data/frame.ts';
import { categoryLabel, escapeHtml, formatValue } from './encodings.ts';

/** Columns every hover needs besides the plotted ones. */
export const HOVER_COLUMNS = ['sae_id', 'architecture', 'model', 'layer', 'dict_size', 'l0', 'is_user'] as const;

export function provenanceText(f: Frame, def: MetricDef, i: number): string {
  if (def.eval === 'config') return 'SAE configuration';
  return str(f, provenanceColumnOf(def.id))[i] ?? 'unknown';
}

/** One hover string per listed row; `values` maps a row to the plotted value when it is not the raw column. */
export function hoverTexts(f: Frame, rows: readonly number[], axes: readonly MetricDef[], extra?: (i: number) => string[]): string[] {
  const id = str(f, 'sae_id');
  const arch = str(f, 'architecture');
  const model = str(f, 'model');
  const layer = num(f, 'layer');
  const width = num(f, 'dict_size');
  const l0 = num(f, 'l0');
  const mine = num(f, 'is_user');
  const axisCols = axes.map((d) => ({ d, values: num(f, d.id) }));
  const showL0 = !axes.some((d) => d.id === 'l0');
  return rows.map((i) => {
    const where = [categoryLabel('architecture', arch[i]), model[i] ?? '', Number.isNaN(layer[i]!) ? '' : `L${layer[i]}`, categoryLabel('dict_size', Number.isNaN(width[i]!) ? null : width[i])]
      .filter((p) => p && p !== '(none)');
    const lines = [`<b>${escapeHtml(id[i] ?? '')}</b>`, escapeHtml(where.join(' · '))];
    if (showL0) lines.push(`L0: ${escapeHtml(formatValue(Number.isNaN(l0[i]!) ? null : l0[i]))}`);
    for (const { d, values } of axisCols) {
      const v = values[i]!;
      lines.push(`${escapeHtml(d.label)}: ${escapeHtml(formatValue(Number.isNaN(v) ? null : v))} (${escapeHtml(provenanceText(f, d, i))})`);
    }
    if (mine[i] === 1) lines.push('<b>Yours</b> (added in this browser)');
    for (const e of extra?.(i) ?? []) lines.push(escapeHtml(e));
    return lines.join('<br>');
  });
}
