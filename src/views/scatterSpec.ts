// Rows -> Plotly scatter spec. Pure; every point carries its sae_id in customdata so clicks resolve by
// id, never by trace position.
import { axisById, metricById, directionArrow, directionHint, type MetricDef } from '../catalog/metrics.ts';
import { provenanceColumnOf } from '../catalog/columns.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { baselineOverlay, EMPTY_OVERLAY } from './baselines.ts';
import { COLOR_COLUMN_LABELS, categoryLabel, escapeHtml, formatValue } from './encodings.ts';
import { groupRows, isBaseline, num, type SaeRow } from './groups.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';

export type { SaeRow } from './groups.ts';

/** SVG below this many points (crisp, vector export, no WebGL needed); WebGL above. */
export const WEBGL_THRESHOLD = 2000;

export interface ScatterTrace extends PlotTrace {
  type: 'scatter' | 'scattergl';
  mode: 'markers' | 'lines+markers';
  name: string;
  x: number[];
  y: number[];
  customdata: string[];
  text: string[];
  hovertemplate: string;
  marker: Record<string, unknown>;
  line?: Record<string, unknown>;
  showlegend: boolean;
}

export interface ScatterSpec extends Figure {
  plotted: number;
  /** Filtered SAEs that cannot be drawn (missing X/Y, or not positive on a log axis). */
  notPlotted: number;
  /** Baselines drawn as references. */
  baselines: string[];
}

export function provenanceOf(row: SaeRow, def: MetricDef): string {
  if (def.eval === 'config') return 'SAE configuration';
  return String(row[provenanceColumnOf(def.id)] ?? 'unknown');
}

export function axisTitle(def: MetricDef): string {
  const arrow = directionArrow(def);
  return `${def.label}${arrow ? ` ${arrow}` : ''} (${directionHint(def.direction, def.target)})`;
}

export function hoverText(row: SaeRow, xDef: MetricDef, yDef: MetricDef, extra: string[] = []): string {
  const line = (label: string, v: unknown) => `${escapeHtml(label)}: ${escapeHtml(formatValue(v))}`;
  const lines = [
    `<b>${escapeHtml(String(row.sae_id))}</b>`,
    line('Architecture', categoryLabel('architecture', row.architecture)),
    line('Width', categoryLabel('dict_size', row.dict_size)),
    line('L0', row.l0),
    `${line(xDef.label, row[xDef.id])} (${escapeHtml(provenanceOf(row, xDef))})`,
    `${line(yDef.label, row[yDef.id])} (${escapeHtml(provenanceOf(row, yDef))})`,
    ...extra.map(escapeHtml),
  ];
  return lines.join('<br>');
}

/** Rows with a drawable X and Y (finite, and positive on a log axis); baselines are drawn separately. */
export function drawableRows(rows: readonly SaeRow[], s: ViewState): SaeRow[] {
  return rows.filter((r) => {
    if (isBaseline(r)) return false;
    const x = num(r[s.x]);
    const y = num(r[s.y]);
    return x !== null && y !== null && (!s.logx || x > 0) && (!s.logy || y > 0);
  });
}

const byXThenY = (xId: string, yId: string) => (a: SaeRow, b: SaeRow): number =>
  (num(a[xId]) ?? 0) - (num(b[xId]) ?? 0) || (num(a[yId]) ?? 0) - (num(b[yId]) ?? 0) || String(a.sae_id).localeCompare(String(b.sae_id));

/** Axes, legend and hover settings shared by the scatter and Pareto views. */
export function xyLayout(s: ViewState, xDef: MetricDef, yDef: MetricDef): Record<string, unknown> {
  const colorMetric = metricById(s.color);
  return {
    xaxis: { title: { text: escapeHtml(axisTitle(xDef)) }, type: s.logx ? 'log' : 'linear', zeroline: false },
    yaxis: { title: { text: escapeHtml(axisTitle(yDef)) }, type: s.logy ? 'log' : 'linear', zeroline: false },
    legend: { title: { text: colorMetric ? 'Shape: architecture' : escapeHtml(COLOR_COLUMN_LABELS[s.color] ?? s.color) } },
    hovermode: 'closest',
    margin: { l: 70, r: 20, t: 20, b: 60 },
    uirevision: `${s.view}|${s.x}|${s.y}|${s.logx}|${s.logy}`,
  };
}

export interface UserPointInput {
  id: string;
  label: string;
  metrics: Record<string, number>;
}

export function scatterSpec(
  rows: SaeRow[], s: ViewState, userPoints: readonly UserPointInput[] = [], baselines: readonly SaeRow[] = [],
): ScatterSpec {
  const xDef = axisById(s.x);
  const yDef = axisById(s.y);
  if (!xDef || !yDef) throw new Error('unknown axis metric');
  const drawable = drawableRows(rows, s);
  const type = drawable.length > WEBGL_THRESHOLD ? 'scattergl' : 'scatter';
  const colorMetric = metricById(s.color);
  const traces: PlotTrace[] = groupRows(drawable, groupColumn(s)).map((g): ScatterTrace => {
    const marker: Record<string, unknown> = { symbol: g.symbol, size: 9, line: { width: 0.5, color: '#ffffff' } };
    const groupRowsSorted = s.lines ? [...g.rows].sort(byXThenY(s.x, s.y)) : g.rows;
    if (colorMetric) {
      marker.color = groupRowsSorted.map((r) => num(r[colorMetric.id]) ?? Number.NaN);
      marker.coloraxis = 'coloraxis';
    } else marker.color = g.color;
    return {
      type,
      mode: s.lines ? 'lines+markers' : 'markers',
      name: escapeHtml(g.label),
      x: groupRowsSorted.map((r) => num(r[s.x]) ?? 0),
      y: groupRowsSorted.map((r) => num(r[s.y]) ?? 0),
      customdata: groupRowsSorted.map((r) => String(r.sae_id)),
      text: groupRowsSorted.map((r) => hoverText(r, xDef, yDef)),
      hovertemplate: '%{text}<extra></extra>',
      marker,
      ...(s.lines ? { line: { color: colorMetric ? '#999999' : g.color, width: 1.5 } } : {}),
      showlegend: true,
    };
  });
  const selected = drawable.find((r) => r.sae_id === s.sel);
  if (selected) traces.push(selectedTrace(selected, s, hoverText(selected, xDef, yDef)));
  const mine = userPoints.filter((p) => num(p.metrics[s.x]) !== null && num(p.metrics[s.y]) !== null);
  if (mine.length) {
    traces.push({
      type, mode: 'markers', name: 'Your SAEs (re-scored here; not in shared URLs)',
      x: mine.map((p) => p.metrics[s.x]!), y: mine.map((p) => p.metrics[s.y]!),
      customdata: mine.map((p) => p.id),
      text: mine.map((p) => `<b>${escapeHtml(p.label)}</b><br>${escapeHtml(xDef.label)}: ${escapeHtml(formatValue(p.metrics[s.x]))}<br>${escapeHtml(yDef.label)}: ${escapeHtml(formatValue(p.metrics[s.y]))}<br>re-scored in this page`),
      hovertemplate: '%{text}<extra></extra>',
      marker: { symbol: 'diamond-open', size: 14, color: '#000000', line: { width: 2 } },
      showlegend: true,
    });
  }
  const overlay = s.baselines ? baselineOverlay(baselines, s.x, s.y) : EMPTY_OVERLAY;
  traces.push(...overlay.traces);
  const layout = { ...xyLayout(s, xDef, yDef), shapes: overlay.shapes, annotations: overlay.annotations };
  if (colorMetric) {
    Object.assign(layout, { coloraxis: { colorscale: 'Viridis', colorbar: { title: { text: escapeHtml(colorMetric.label) } } } });
  }
  return { traces, layout, plotted: drawable.length, notPlotted: rows.filter((r) => !isBaseline(r)).length - drawable.length, baselines: overlay.drawn };
}

/** A ring around the selected SAE. */
export function selectedTrace(row: SaeRow, s: ViewState, text: string): PlotTrace {
  return {
    type: 'scatter', mode: 'markers', name: 'Selected',
    x: [num(row[s.x]) ?? 0], y: [num(row[s.y]) ?? 0],
    customdata: [String(row.sae_id)], text: [text],
    hovertemplate: '%{text}<extra></extra>',
    marker: { symbol: 'circle-open', size: 20, color: '#000000', line: { width: 3 } },
    showlegend: false,
  };
}
