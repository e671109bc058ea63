// Rows -> scaling view: a metric against width (or training tokens, or layer) per group, each point the mean
// over the SAEs whose L0 lies in the window, with the min-max range as a band and n per point.
import { aggregateScaling, type ScalingPoint } from '../analysis/scaling.ts';
import { axisById } from '../catalog/metrics.ts';
import { groupColumn, type ScalingAxis, type ViewState } from '../state/viewState.ts';
import { baselineOverlay, EMPTY_OVERLAY } from './baselines.ts';
import { COLOR_COLUMN_LABELS, categoryLabel, escapeHtml, formatValue } from './encodings.ts';
import { groupRows, isBaseline, num, type SaeRow } from './groups.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';
import { axisTitle } from './scatterSpec.ts';

export const SCALING_AXIS_LABELS: Record<ScalingAxis, string> = {
  dict_size: 'Width (dictionary size, log₂ scale)',
  training_tokens: 'Training tokens (log scale)',
  layer: 'Layer',
};

/** #rrggbb -> rgba(r, g, b, alpha), so overlapping bands stay readable. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export interface ScalingSpec extends Figure {
  points: ScalingPoint[];
  /** Distinct X values among the aggregated points (a curve needs two). */
  distinctX: number;
  groupColumn: string;
}

/** Groups by the colour column, or by architecture when that would be the scaling axis itself. */
export function scalingGroupColumn(s: ViewState): string {
  const g = groupColumn(s);
  return g === s.scale ? 'architecture' : g;
}

export function scalingPoints(rows: readonly SaeRow[], s: ViewState): ScalingPoint[] {
  const column = scalingGroupColumn(s);
  const input = rows.filter((r) => !isBaseline(r)).map((r) => ({
    group: String(r[column] ?? ''), x: num(r[s.scale]) ?? Number.NaN, l0: num(r.l0), value: num(r[s.y]),
  }));
  return aggregateScaling(input, [s.wmin, s.wmax]);
}

export function scalingSpec(rows: SaeRow[], s: ViewState, baselines: readonly SaeRow[] = []): ScalingSpec {
  const yDef = axisById(s.y);
  if (!yDef) throw new Error('unknown metric');
  const column = scalingGroupColumn(s);
  const points = scalingPoints(rows, s);
  const styles = new Map(groupRows(rows.filter((r) => !isBaseline(r)), column).map((g) => [g.key, g]));
  const traces: PlotTrace[] = [];
  for (const [key, style] of styles) {
    const pts = points.filter((p) => p.group === key);
    if (!pts.length) continue;
    const label = escapeHtml(style.label);
    traces.push({
      type: 'scatter', mode: 'lines', name: `${label} min–max`, legendgroup: key, showlegend: false, hoverinfo: 'skip',
      x: [...pts.map((p) => p.x), ...[...pts].reverse().map((p) => p.x)],
      y: [...pts.map((p) => p.max), ...[...pts].reverse().map((p) => p.min)],
      fill: 'toself', fillcolor: withAlpha(style.color, 0.08), line: { width: 0, color: style.color },
    });
    traces.push({
      type: 'scatter', mode: 'lines+markers+text', name: label, legendgroup: key,
      x: pts.map((p) => p.x), y: pts.map((p) => p.mean),
      // n on the plot (and in exported figures); the full numbers in the hover.
      text: pts.map((p) => `n=${p.n}`), textposition: 'top center', textfont: { size: 9, color: style.color },
      hovertext: pts.map((p) => [
        `<b>${label}</b>`, `${escapeHtml(axisById(s.scale)!.label)}: ${escapeHtml(categoryLabel(s.scale, p.x))}`,
        `mean ${escapeHtml(yDef.label)}: ${escapeHtml(formatValue(p.mean))}`, `range: ${escapeHtml(formatValue(p.min))} – ${escapeHtml(formatValue(p.max))}`,
        `n = ${p.n} SAEs with L0 in [${s.wmin}, ${s.wmax}]`,
      ].join('<br>')),
      hovertemplate: '%{hovertext}<extra></extra>',
      marker: { symbol: style.symbol, color: style.color, size: 9 }, line: { color: style.color, width: 2 },
    });
  }
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const overlay = s.baselines ? baselineOverlay(baselines, null, s.y) : EMPTY_OVERLAY;
  const layout = {
    xaxis: {
      title: { text: SCALING_AXIS_LABELS[s.scale] }, type: s.scale === 'layer' ? 'linear' : 'log',
      tickvals: xs, ticktext: xs.map((x) => escapeHtml(categoryLabel(s.scale, x))), zeroline: false,
    },
    yaxis: { title: { text: escapeHtml(`${axisTitle(yDef)}, mean over L0 ∈ [${s.wmin}, ${s.wmax}]`) }, zeroline: false },
    legend: { title: { text: escapeHtml(COLOR_COLUMN_LABELS[column] ?? column) } },
    hovermode: 'closest',
    margin: { l: 70, r: 20, t: 20, b: 60 },
    shapes: overlay.shapes,
    annotations: overlay.annotations,
  };
  return { traces, layout, points, distinctX: xs.length, groupColumn: column };
}

export const SCALING_EXPORT_COLUMNS = ['metric', 'scale_axis', 'group_column', 'group', 'x', 'mean', 'min', 'max', 'n', 'l0_min', 'l0_max'];

export function scalingExportRows(rows: readonly SaeRow[], s: ViewState): SaeRow[] {
  const column = scalingGroupColumn(s);
  return scalingPoints(rows, s).map((p) => ({
    metric: s.y, scale_axis: s.scale, group_column: column, group: p.group, x: p.x,
    mean: p.mean, min: p.min, max: p.max, n: p.n, l0_min: s.wmin, l0_max: s.wmax,
  }));
}
