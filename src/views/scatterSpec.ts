// Frames -> Plotly scatter spec. Pure; every point carries its sae_id in customdata so clicks resolve by id,
// never by trace position. With "lines", each sweep gets its own line (never one line across models or widths).
import { axisById, directionArrow, directionHint, metricById, type MetricDef } from '../catalog/metrics.ts';
import { num, str, takeRows, type Frame } from '../data/frame.ts';
import { sweepKeys, SWEEP_COLUMNS } from '../analysis/sweeps.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { baselineOverlay } from './baselines.ts';
import { facetLayout, facetPanels, onPanel } from './facets.ts';
import { userRingTrace } from './highlight.ts';
import { COLOR_COLUMN_LABELS, escapeHtml, formatValue } from './encodings.ts';
import { groupRows, saeRows } from './groups.ts';
import { HOVER_COLUMNS, hoverTexts } from './hover.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';

/** SVG below this many points (crisp, vector export); WebGL above. */
export const WEBGL_THRESHOLD = 2000;

export interface ScatterSpec extends Figure {
  plotted: number;
  /** Filtered SAEs that cannot be drawn (missing X/Y, or not positive on a log axis). */
  notPlotted: number;
  /** Baselines drawn as references. */
  baselines: string[];
  /** Distinct sweeps among the plotted SAEs, and how many groups span more than one. */
  sweeps: number;
}

export interface UserPointInput {
  id: string;
  label: string;
  metrics: Record<string, number>;
}

export interface XyInput {
  rows: Frame;
  baselines: Frame;
  userPoints?: readonly UserPointInput[];
}

/** The columns the scatter and Pareto views ask for. */
export function xyColumns(s: ViewState): string[] {
  const color = metricById(s.color) ? [s.color] : [];
  return [...HOVER_COLUMNS, ...SWEEP_COLUMNS, 'is_baseline', s.x, s.y, groupColumn(s), ...color, ...(s.facet ? [s.facet] : [])];
}

export function axisTitle(def: MetricDef): string {
  const arrow = directionArrow(def);
  return `${def.label}${arrow ? ` ${arrow}` : ''} (${directionHint(def.direction, def.target)})`;
}

/** Rows with a drawable X and Y (finite, and positive on a log axis); baselines are drawn separately. */
export function drawableRows(f: Frame, s: ViewState): number[] {
  const x = num(f, s.x);
  const y = num(f, s.y);
  return saeRows(f, (i) => Number.isFinite(x[i]!) && Number.isFinite(y[i]!) && (!s.logx || x[i]! > 0) && (!s.logy || y[i]! > 0));
}

/** Axes, legend and hover settings shared by the scatter and Pareto views. */
/** A zoom range in data units as Plotly wants it (log axes take log10 of the ends). */
export function plotlyRange(range: [number, number] | null, log: boolean): Record<string, unknown> {
  if (!range) return { autorange: true };
  if (log && !(range[0] > 0)) return { autorange: true };
  return { range: log ? range.map(Math.log10) : [...range], autorange: false };
}

export function xyLayout(s: ViewState, xDef: MetricDef, yDef: MetricDef): Record<string, unknown> {
  const colorMetric = metricById(s.color);
  return {
    xaxis: { title: { text: escapeHtml(axisTitle(xDef)) }, type: s.logx ? 'log' : 'linear', zeroline: false, ...plotlyRange(s.xr, s.logx) },
    yaxis: { title: { text: escapeHtml(axisTitle(yDef)) }, type: s.logy ? 'log' : 'linear', zeroline: false, ...plotlyRange(s.yr, s.logy) },
    legend: { title: { text: colorMetric ? 'Shape: architecture' : escapeHtml(COLOR_COLUMN_LABELS[s.color] ?? s.color) } },
    hovermode: 'closest',
    margin: { l: 70, r: 20, t: 20, b: 60 },
    uirevision: `${s.view}|${s.x}|${s.y}|${s.logx}|${s.logy}|${s.xr}|${s.yr}`,
  };
}

/** Row order for lines: by sweep, then X, then Y, then id; a null point separates sweeps so no line joins them. */
export function linePath(f: Frame, rows: readonly number[], s: Pick<ViewState, 'x' | 'y'>): (number | null)[] {
  const sweep = sweepKeys(f);
  const x = num(f, s.x);
  const y = num(f, s.y);
  const id = str(f, 'sae_id');
  const sorted = [...rows].sort((a, b) => (sweep[a]! < sweep[b]! ? -1 : sweep[a]! > sweep[b]! ? 1 : 0) || x[a]! - x[b]! || y[a]! - y[b]! || ((id[a] ?? '') < (id[b] ?? '') ? -1 : 1));
  const out: (number | null)[] = [];
  sorted.forEach((i, k) => {
    if (k > 0 && sweep[sorted[k - 1]!] !== sweep[i]) out.push(null);
    out.push(i);
  });
  return out;
}

/** A ring around the selected SAE. */
export function selectedTrace(x: number, y: number, id: string, text: string, axes: { xaxis?: string; yaxis?: string } = {}): PlotTrace {
  return {
    type: 'scatter', mode: 'markers', name: 'Selected', ...axes,
    x: [x], y: [y], customdata: [id], text: [text], hovertemplate: '%{text}<extra></extra>',
    marker: { symbol: 'circle-open', size: 20, color: '#000000', line: { width: 3 } },
    showlegend: false,
  };
}

export function userPointsTrace(points: readonly UserPointInput[], xDef: MetricDef, yDef: MetricDef, type: string): PlotTrace | null {
  const mine = points.filter((p) => Number.isFinite(p.metrics[xDef.id]) && Number.isFinite(p.metrics[yDef.id]));
  if (!mine.length) return null;
  return {
    type, mode: 'markers', name: 'Your SAEs (re-scored here; not in shared URLs)',
    x: mine.map((p) => p.metrics[xDef.id]!), y: mine.map((p) => p.metrics[yDef.id]!),
    customdata: mine.map((p) => p.id),
    text: mine.map((p) => `<b>${escapeHtml(p.label)}</b><br>${escapeHtml(xDef.label)}: ${escapeHtml(formatValue(p.metrics[xDef.id]))}<br>${escapeHtml(yDef.label)}: ${escapeHtml(formatValue(p.metrics[yDef.id]))}<br>re-scored in this page`),
    hovertemplate: '%{text}<extra></extra>',
    marker: { symbol: 'diamond-open', size: 14, color: '#000000', line: { width: 2 } },
    showlegend: true,
  };
}

/** Baseline rows that belong in a panel (same model or layer when the panels split by one). */
export function panelBaselines(baselines: Frame, s: ViewState, panelKey: string): Frame {
  if (s.facet !== 'model' && s.facet !== 'layer') return baselines;
  const values = s.facet === 'model' ? str(baselines, 'model') : Array.from(num(baselines, 'layer'), String);
  return takeRows(baselines, values.flatMap((v, i) => (v === panelKey ? [i] : [])));
}

function groupTraces(f: Frame, rows: readonly number[], s: ViewState, xDef: MetricDef, yDef: MetricDef, type: string): PlotTrace[] {
  const colorMetric = metricById(s.color);
  const xs = num(f, s.x);
  const ys = num(f, s.y);
  const ids = str(f, 'sae_id');
  const colors = colorMetric ? num(f, colorMetric.id) : null;
  return groupRows(f, groupColumn(s), rows).map((g) => {
    const path = s.lines ? linePath(f, g.rows, s) : g.rows;
    const pick = <T,>(get: (i: number) => T, gap: T) => path.map((i) => (i === null ? gap : get(i)));
    const texts = hoverTexts(f, g.rows, [xDef, yDef]);
    const textOf = new Map(g.rows.map((i, k) => [i, texts[k]!]));
    const marker: Record<string, unknown> = { symbol: g.symbol, size: 9, line: { width: 0.5, color: '#ffffff' } };
    if (colors) {
      marker.color = pick((i) => (Number.isNaN(colors[i]!) ? null : colors[i]!), null);
      marker.coloraxis = 'coloraxis';
    } else marker.color = g.color;
    return {
      type, mode: s.lines ? 'lines+markers' : 'markers', name: escapeHtml(g.label), legendgroup: g.key,
      x: pick((i) => xs[i]!, null), y: pick((i) => ys[i]!, null),
      customdata: pick((i) => ids[i] ?? '', ''), text: pick((i) => textOf.get(i)!, ''),
      hovertemplate: '%{text}<extra></extra>', marker, connectgaps: false,
      ...(s.lines ? { line: { color: colors ? '#999999' : g.color, width: 1.5 } } : {}),
      showlegend: true,
    };
  });
}

export function scatterSpec(input: XyInput, s: ViewState): ScatterSpec {
  const xDef = axisById(s.x);
  const yDef = axisById(s.y);
  if (!xDef || !yDef) throw new Error('unknown axis metric');
  const f = input.rows;
  const drawable = drawableRows(f, s);
  const type = drawable.length > WEBGL_THRESHOLD ? 'scattergl' : 'scatter';
  const ids = str(f, 'sae_id');
  const panels = facetPanels(f, s.facet, drawable);
  const shown = new Set<string>();
  const traces: PlotTrace[] = [];
  const drawn = new Set<string>();
  for (const panel of panels) {
    const own = groupTraces(f, panel.rows, s, xDef, yDef, type);
    const ring = userRingTrace(f, panel.rows, s.x, s.y);
    if (ring) own.push(ring);
    const sel = panel.rows.find((i) => ids[i] === s.sel);
    if (sel !== undefined) own.push(selectedTrace(num(f, s.x)[sel]!, num(f, s.y)[sel]!, ids[sel]!, hoverTexts(f, [sel], [xDef, yDef])[0]!));
    if (panel === panels[0]) {
      const mine = userPointsTrace(input.userPoints ?? [], xDef, yDef, type);
      if (mine) own.push(mine);
    }
    if (s.baselines) {
      const overlay = baselineOverlay(panelBaselines(input.baselines, s, panel.key), s.x, s.y);
      overlay.drawn.forEach((d) => drawn.add(d));
      own.push(...overlay.traces);
    }
    traces.push(...onPanel(own, panel, shown));
  }
  const base = xyLayout(s, xDef, yDef);
  const layout: Record<string, unknown> = { ...base, ...facetLayout(panels, base.xaxis as Record<string, unknown>, base.yaxis as Record<string, unknown>) };
  const colorMetric = metricById(s.color);
  if (colorMetric) {
    // The colour bar takes the right side; the shape legend goes below the plot so the two never overlap.
    layout.coloraxis = { colorscale: 'Viridis', colorbar: { title: { text: escapeHtml(colorMetric.label), side: 'right' }, thickness: 14 } };
    layout.legend = { ...(layout.legend as object), orientation: 'h', x: 0, xanchor: 'left', y: -0.18, yanchor: 'top' };
  }
  const sweep = sweepKeys(f);
  return {
    traces, layout, plotted: drawable.length, notPlotted: saeRows(f).length - drawable.length, baselines: [...drawn],
    sweeps: new Set(drawable.map((i) => sweep[i])).size,
  };
}
