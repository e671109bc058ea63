// Rows -> Plotly scatter spec. Pure; every point carries its sae_id in customdata so clicks resolve by
// id, never by trace position.
import { metricById, provenanceColumn, directionHint, type MetricDef } from '../catalog/metrics.ts';
import { BUNDLED_PROVENANCE } from '../catalog/columns.ts';
import type { ViewState } from '../state/viewState.ts';
import {
  COLOR_COLUMN_LABELS, architectureStyle, categoryColor, categoryLabel, categorySymbol, escapeHtml, formatValue,
} from './encodings.ts';

export type SaeRow = Record<string, unknown>;

/** SVG below this many points (crisp, vector export, no WebGL needed); WebGL above. */
export const WEBGL_THRESHOLD = 2000;

export interface ScatterTrace {
  type: 'scatter' | 'scattergl';
  mode: 'markers';
  name: string;
  x: number[];
  y: number[];
  customdata: string[];
  text: string[];
  hovertemplate: string;
  marker: Record<string, unknown>;
  showlegend: boolean;
}

export interface ScatterSpec {
  traces: ScatterTrace[];
  layout: Record<string, unknown>;
  plotted: number;
  /** Filtered SAEs that cannot be drawn (missing X/Y, or not positive on a log axis). */
  notPlotted: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function provenanceOf(row: SaeRow, def: MetricDef): string {
  const col = provenanceColumn(def.eval);
  return col ? String(row[col] ?? 'unknown') : BUNDLED_PROVENANCE;
}

export function axisTitle(def: MetricDef): string {
  const arrow = def.direction === 'higher' ? ' ↑' : def.direction === 'lower' ? ' ↓' : '';
  return `${def.label}${arrow} (${directionHint(def.direction)})`;
}

function hoverText(row: SaeRow, xDef: MetricDef, yDef: MetricDef): string {
  const line = (label: string, v: unknown) => `${escapeHtml(label)}: ${escapeHtml(formatValue(v))}`;
  const lines = [
    `<b>${escapeHtml(String(row.sae_id))}</b>`,
    line('Architecture', categoryLabel('architecture', row.architecture)),
    line('Width', categoryLabel('dict_size', row.dict_size)),
    line('L0', row.l0),
    `${line(xDef.label, row[xDef.id])} (${escapeHtml(provenanceOf(row, xDef))})`,
    `${line(yDef.label, row[yDef.id])} (${escapeHtml(provenanceOf(row, yDef))})`,
  ];
  return lines.join('<br>');
}

interface Group {
  key: string;
  rows: SaeRow[];
}

function groupBy(rows: SaeRow[], column: string): Group[] {
  const map = new Map<string, SaeRow[]>();
  for (const r of rows) {
    const key = String(r[column] ?? '');
    map.set(key, [...(map.get(key) ?? []), r]);
  }
  return [...map.entries()]
    .sort(([a], [b]) => (column === 'dict_size' || column === 'layer' ? Number(a) - Number(b) : a.localeCompare(b)))
    .map(([key, groupRows]) => ({ key, rows: groupRows }));
}

export interface UserPointInput {
  id: string;
  label: string;
  metrics: Record<string, number>;
}

export function scatterSpec(rows: SaeRow[], s: ViewState, userPoints: readonly UserPointInput[] = []): ScatterSpec {
  const xDef = metricById(s.x);
  const yDef = metricById(s.y);
  if (!xDef || !yDef) throw new Error('unknown axis metric');
  const drawable = rows.filter((r) => {
    const x = num(r[s.x]);
    const y = num(r[s.y]);
    return x !== null && y !== null && (!s.logx || x > 0) && (!s.logy || y > 0);
  });
  const type = drawable.length > WEBGL_THRESHOLD ? 'scattergl' : 'scatter';
  const colorMetric = metricById(s.color);
  const shapeColumn = colorMetric ? 'architecture' : s.color;
  const traces = groupBy(drawable, shapeColumn).map((g, i): ScatterTrace => {
    const style = shapeColumn === 'architecture'
      ? architectureStyle(g.key, i)
      : { color: categoryColor(i), symbol: categorySymbol(i) };
    const marker: Record<string, unknown> = { symbol: style.symbol, size: 9, line: { width: 0.5, color: '#ffffff' } };
    if (colorMetric) {
      marker.color = g.rows.map((r) => num(r[colorMetric.id]) ?? Number.NaN);
      marker.coloraxis = 'coloraxis';
    } else marker.color = style.color;
    return {
      type,
      mode: 'markers',
      name: escapeHtml(categoryLabel(shapeColumn, g.rows[0]?.[shapeColumn])),
      x: g.rows.map((r) => num(r[s.x]) ?? 0),
      y: g.rows.map((r) => num(r[s.y]) ?? 0),
      customdata: g.rows.map((r) => String(r.sae_id)),
      text: g.rows.map((r) => hoverText(r, xDef, yDef)),
      hovertemplate: '%{text}<extra></extra>',
      marker,
      showlegend: true,
    };
  });
  const selected = drawable.find((r) => r.sae_id === s.sel);
  if (selected) {
    traces.push({
      type, mode: 'markers', name: 'Selected',
      x: [num(selected[s.x]) ?? 0], y: [num(selected[s.y]) ?? 0],
      customdata: [String(selected.sae_id)], text: [hoverText(selected, xDef, yDef)],
      hovertemplate: '%{text}<extra></extra>',
      marker: { symbol: 'circle-open', size: 20, color: '#000000', line: { width: 3 } },
      showlegend: false,
    });
  }
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
  const layout: Record<string, unknown> = {
    xaxis: { title: { text: escapeHtml(axisTitle(xDef)) }, type: s.logx ? 'log' : 'linear', zeroline: false },
    yaxis: { title: { text: escapeHtml(axisTitle(yDef)) }, type: s.logy ? 'log' : 'linear', zeroline: false },
    legend: { title: { text: colorMetric ? 'Shape: architecture' : escapeHtml(COLOR_COLUMN_LABELS[s.color] ?? s.color) } },
    hovermode: 'closest',
    margin: { l: 70, r: 20, t: 20, b: 60 },
    uirevision: `${s.x}|${s.y}|${s.logx}|${s.logy}`,
  };
  if (colorMetric) {
    layout.coloraxis = { colorscale: 'Viridis', colorbar: { title: { text: escapeHtml(colorMetric.label) } } };
  }
  return { traces, layout, plotted: drawable.length, notPlotted: rows.length - drawable.length };
}
