// Frames -> scaling view: a metric against width (or training tokens, or layer) per group, each point the mean
// over the SAEs of one sweep whose L0 lies in the window, min–max band, n per point. One curve per model and
// layer unless the state pools them, and then the caption says so.
import { aggregateScaling, unevenCounts, type ScalingResult } from '../analysis/scaling.ts';
import { SWEEP_COLUMNS } from '../analysis/sweeps.ts';
import { axisById } from '../catalog/metrics.ts';
import type { DimensionKey } from '../catalog/columns.ts';
import { num, str, type Frame } from '../data/frame.ts';
import { groupColumn, type ScalingAxis, type ViewState } from '../state/viewState.ts';
import { baselineOverlay, EMPTY_OVERLAY } from './baselines.ts';
import { COLOR_COLUMN_LABELS, categoryLabel, countOf, escapeHtml, formatValue } from './encodings.ts';
import { groupRows, saeRows } from './groups.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';
import { axisTitle } from './scatterSpec.ts';

export const SCALING_AXIS_LABELS: Record<ScalingAxis, string> = {
  dict_size: 'Width (dictionary size, log₂ scale)',
  training_tokens: 'Training tokens (log scale)',
  layer: 'Layer',
};

/** The filter of the scaled axis does not apply: the view's point is to vary it. */
export const SCALING_AXIS_DIMENSION: Record<ScalingAxis, DimensionKey> = { dict_size: 'width', training_tokens: 'tokens', layer: 'layer' };

const DASHES = ['solid', 'dash', 'dot', 'dashdot', 'longdash', 'longdashdot'];

/** #rrggbb -> rgba(r, g, b, alpha), so overlapping bands stay readable. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export interface ScalingSpec extends Figure {
  result: ScalingResult;
  /** Distinct X values among the aggregated points (a curve needs two). */
  distinctX: number;
  groupColumn: string;
  curves: string[];
  uneven: ReturnType<typeof unevenCounts>;
}

/** Groups by the colour column, or by architecture when that would be the scaling axis itself. */
export function scalingGroupColumn(s: ViewState): string {
  const g = groupColumn(s);
  return g === s.scale ? 'architecture' : g;
}

export function scalingColumns(s: ViewState): string[] {
  return ['sae_id', 'l0', 'is_baseline', s.y, s.scale, scalingGroupColumn(s), ...SWEEP_COLUMNS];
}

const CURVE_COLUMNS = ['model', 'layer', 'dict_size', 'release', 'training_tokens'] as const;

/** A curve is one model, layer (and width, release, training length) apart from the scaled axis and the group
 * column; labelled by what varies among the rows. Pooled: one curve. */
function curveKeys(f: Frame, s: ViewState, rows: readonly number[]): string[] {
  if (s.pool) return new Array<string>(f.length).fill('');
  const cols = CURVE_COLUMNS.filter((c) => c !== s.scale && c !== scalingGroupColumn(s)).map((c) => {
    const numeric = c !== 'model' && c !== 'release';
    const values = numeric ? num(f, c) : str(f, c);
    const label = (i: number) => {
      const v = values[i];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '';
      return c === 'layer' ? `L${v}` : categoryLabel(c, v);
    };
    return { varies: new Set(rows.map(label)).size > 1 || c === 'model' || c === 'layer', label };
  });
  return Array.from({ length: f.length }, (_, i) => cols.filter((c) => c.varies).map((c) => c.label(i)).filter(Boolean).join(' '));
}

export function scalingResult(f: Frame, s: ViewState): ScalingResult {
  const column = scalingGroupColumn(s);
  const numericGroup = column === 'dict_size' || column === 'layer' || column === 'training_tokens';
  const g = numericGroup ? num(f, column) : str(f, column);
  const x = num(f, s.scale);
  const l0 = num(f, 'l0');
  const y = num(f, s.y);
  const ids = str(f, 'sae_id');
  const saes = saeRows(f);
  const curves = curveKeys(f, s, saes);
  const rows = saes.map((i) => ({
    id: ids[i] ?? '', group: String(g[i] ?? ''), curve: curves[i]!, x: x[i]!,
    l0: Number.isNaN(l0[i]!) ? null : l0[i]!, value: Number.isNaN(y[i]!) ? null : y[i]!,
  }));
  return aggregateScaling(rows, [s.wmin, s.wmax]);
}

export function scalingSpec(rows: Frame, baselines: Frame, s: ViewState): ScalingSpec {
  const yDef = axisById(s.y);
  if (!yDef) throw new Error('unknown metric');
  const column = scalingGroupColumn(s);
  const result = scalingResult(rows, s);
  const points = result.points;
  const styles = new Map(groupRows(rows, column, saeRows(rows)).map((g) => [g.key, g]));
  const curves = [...new Set(points.map((p) => p.curve))].sort();
  const traces: PlotTrace[] = [];
  const [lo, hi] = result.window;
  for (const [key, style] of styles) {
    curves.forEach((curve, c) => {
      const pts = points.filter((p) => p.group === key && p.curve === curve);
      if (!pts.length) return;
      const label = escapeHtml(curves.length > 1 ? `${style.label} · ${curve}` : style.label);
      const legendgroup = `${key}|${curve}`;
      traces.push({
        type: 'scatter', mode: 'lines', name: `${label} min–max`, legendgroup, showlegend: false, hoverinfo: 'skip',
        x: [...pts.map((p) => p.x), ...[...pts].reverse().map((p) => p.x)],
        y: [...pts.map((p) => p.max), ...[...pts].reverse().map((p) => p.min)],
        fill: 'toself', fillcolor: withAlpha(style.color, 0.08), line: { width: 0, color: style.color },
      });
      traces.push({
        type: 'scatter', mode: 'lines+markers+text', name: label, legendgroup,
        x: pts.map((p) => p.x), y: pts.map((p) => p.mean),
        // n on the plot (and in exported figures); the full numbers in the hover.
        text: pts.map((p) => `n=${p.n}`), textposition: 'top center', textfont: { size: 9, color: style.color },
        hovertext: pts.map((p) => [
          `<b>${label}</b>`, `${escapeHtml(axisById(s.scale)!.label)}: ${escapeHtml(categoryLabel(s.scale, p.x))}`,
          `mean ${escapeHtml(yDef.label)}: ${escapeHtml(formatValue(p.mean))}`, `range: ${escapeHtml(formatValue(p.min))} – ${escapeHtml(formatValue(p.max))}`,
          `n = ${countOf(p.n)} with L0 in [${lo}, ${hi}]: ${escapeHtml(p.ids.slice(0, 6).join(', '))}${p.ids.length > 6 ? ' …' : ''}`,
        ].join('<br>')),
        hovertemplate: '%{hovertext}<extra></extra>',
        marker: { symbol: style.symbol, color: style.color, size: 9 }, line: { color: style.color, width: 2, dash: DASHES[c % DASHES.length] },
      });
    });
  }
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const overlay = s.baselines && s.scale !== 'dict_size' ? baselineOverlay(baselines, s.scale, s.y) : EMPTY_OVERLAY;
  traces.push(...overlay.traces);
  const layout = {
    xaxis: {
      title: { text: SCALING_AXIS_LABELS[s.scale] }, type: s.scale === 'layer' ? 'linear' : 'log',
      tickvals: xs, ticktext: xs.map((x) => escapeHtml(categoryLabel(s.scale, x))), zeroline: false,
    },
    yaxis: { title: { text: escapeHtml(`${axisTitle(yDef)}, mean over L0 ∈ [${lo}, ${hi}]`) }, zeroline: false },
    legend: { title: { text: escapeHtml(COLOR_COLUMN_LABELS[column] ?? column) } },
    hovermode: 'closest',
    margin: { l: 70, r: 20, t: 20, b: 60 },
  };
  return { traces, layout, result, distinctX: xs.length, groupColumn: column, curves, uneven: unevenCounts(points) };
}

export const SCALING_EXPORT_COLUMNS = ['metric', 'scale_axis', 'group_column', 'group', 'curve', 'x', 'mean', 'min', 'max', 'n', 'l0_min', 'l0_max', 'sae_ids'];

export function scalingExportRows(spec: ScalingSpec, s: ViewState): Record<string, unknown>[] {
  const [lo, hi] = spec.result.window;
  return spec.result.points.map((p) => ({
    metric: s.y, scale_axis: s.scale, group_column: spec.groupColumn, group: p.group, curve: p.curve || 'pooled', x: p.x,
    mean: p.mean, min: p.min, max: p.max, n: p.n, l0_min: lo, l0_max: hi, sae_ids: p.ids.join(' '),
  }));
}
