// Small multiples: one panel per value of a column, in one figure with shared axes and one legend.
import { num, str, type Frame } from '../data/frame.ts';
import type { FacetColumn } from '../state/viewState.ts';
import { categoryLabel, escapeHtml } from './encodings.ts';
import type { PlotTrace } from './plotTypes.ts';

export interface FacetPanel {
  /** '' for the single panel of an unfaceted plot. */
  key: string;
  label: string;
  rows: number[];
  xaxis: string;
  yaxis: string;
}

const NUMERIC = new Set(['dict_size', 'layer']);
/** Panels per row before wrapping. */
export const FACET_COLUMNS_PER_ROW = 3;

export function facetPanels(f: Frame, column: FacetColumn, rows: readonly number[]): FacetPanel[] {
  if (!column) return [{ key: '', label: '', rows: [...rows], xaxis: 'x', yaxis: 'y' }];
  const values = NUMERIC.has(column) ? num(f, column) : str(f, column);
  const by = new Map<string, number[]>();
  for (const i of rows) {
    const v = values[i];
    const key = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v);
    by.set(key, [...(by.get(key) ?? []), i]);
  }
  const keys = [...by.keys()].sort((a, b) => (NUMERIC.has(column) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key, k) => ({
    key,
    label: categoryLabel(column, NUMERIC.has(column) ? Number(key) : key),
    rows: by.get(key)!,
    xaxis: k === 0 ? 'x' : `x${k + 1}`,
    yaxis: k === 0 ? 'y' : `y${k + 1}`,
  }));
}

/** Puts traces on a panel's axes; a legend entry shows once per legend group across panels. */
export function onPanel(traces: readonly PlotTrace[], panel: FacetPanel, shown: Set<string>): PlotTrace[] {
  return traces.map((t) => {
    const group = String(t.legendgroup ?? t.name ?? '');
    const showlegend = t.showlegend !== false && !shown.has(group);
    if (showlegend) shown.add(group);
    return { ...t, xaxis: panel.xaxis, yaxis: panel.yaxis, showlegend };
  });
}

/** Axis domains, shared ranges and panel titles; the base axes carry titles and scale types. */
export function facetLayout(panels: readonly FacetPanel[], xaxis: Record<string, unknown>, yaxis: Record<string, unknown>): Record<string, unknown> {
  if (panels.length <= 1) return { xaxis, yaxis };
  const cols = Math.min(FACET_COLUMNS_PER_ROW, panels.length);
  const rows = Math.ceil(panels.length / cols);
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  const gap = 0.06;
  panels.forEach((p, k) => {
    const col = k % cols;
    const row = Math.floor(k / cols);
    const w = (1 - gap * (cols - 1)) / cols;
    const h = (1 - 0.1 * (rows - 1)) / rows;
    const x0 = col * (w + gap);
    const y1 = 1 - row * (h + 0.1);
    const suffix = k === 0 ? '' : String(k + 1);
    const bottom = row === rows - 1 || k + cols >= panels.length;
    layout[`xaxis${suffix}`] = {
      ...xaxis, domain: [x0, x0 + w], anchor: `y${suffix}`, ...(k > 0 ? { matches: 'x' } : {}),
      title: bottom ? xaxis.title : { text: '' },
    };
    layout[`yaxis${suffix}`] = {
      ...yaxis, domain: [y1 - h, y1 - 0.04], anchor: `x${suffix}`, ...(k > 0 ? { matches: 'y' } : {}),
      title: col === 0 ? yaxis.title : { text: '' },
    };
    annotations.push({
      xref: `x${suffix} domain`, yref: `y${suffix} domain`, x: 0.5, y: 1.02, xanchor: 'center', yanchor: 'bottom',
      showarrow: false, text: `<b>${escapeHtml(p.label)}</b>`, font: { size: 12 },
    });
  });
  return { ...layout, annotations };
}
