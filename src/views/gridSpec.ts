// Frames -> all-metrics grid: small multiples of every headline metric against L0, one legend, each panel marked
// with its better direction, lines per sweep; a panel without data says so and how many SAEs have the metric.
import { SWEEP_COLUMNS } from '../analysis/sweeps.ts';
import { HEADLINE_METRICS, metricById, type MetricDef } from '../catalog/metrics.ts';
import { num, str, type Frame } from '../data/frame.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { baselineOverlay } from './baselines.ts';
import { COLOR_COLUMN_LABELS, escapeHtml } from './encodings.ts';
import { groupRows, saeRows } from './groups.ts';
import { userRingTrace } from './highlight.ts';
import { HOVER_COLUMNS, hoverTexts } from './hover.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';
import { linePath } from './scatterSpec.ts';

export interface GridPanel {
  metric: string;
  /** Plot 1 − value so that up is better (the paper's absorption panels). */
  flip: boolean;
}

/** The headline metrics except L0 (the X of every panel); lower-is-better ones flipped as in the paper. */
export const GRID_PANELS: readonly GridPanel[] = HEADLINE_METRICS.filter((id) => id !== 'l0')
  .map((metric) => ({ metric, flip: metricById(metric)!.direction === 'lower' }));

const COLUMNS = 3;

export interface GridLayout {
  /** The panels to draw, by metric (default: all). */
  panels?: readonly string[];
  columns?: number;
  /** Print: short panel titles ("Loss recovered ↑"), broken into lines of at most this many characters. */
  titleChars?: number;
}

/** Words in lines of at most `chars` characters, joined by Plotly's <br>. */
export function wrapTitle(text: string, chars: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('<br>');
}

export function gridColumns(s: ViewState): string[] {
  return [...HOVER_COLUMNS, ...SWEEP_COLUMNS, 'is_baseline', groupColumn(s), ...GRID_PANELS.map((p) => p.metric)];
}

export function panelLabel(p: GridPanel, def: MetricDef): string {
  return p.flip ? `1 − ${def.label.toLowerCase()}` : def.label;
}

export function panelTitle(p: GridPanel, def: MetricDef): string {
  const better = p.flip || def.direction !== 'lower' ? '↑ (higher is better)' : '↓ (lower is better)';
  return `${panelLabel(p, def)} ${better}`;
}

export interface GridPanelResult {
  metric: string;
  label: string;
  title: string;
  plotted: number;
}

export interface GridSpec extends Figure {
  panels: GridPanelResult[];
}

const axisId = (i: number) => (i === 0 ? '' : String(i + 1));

/** [x domain, y domain] of panel i of n in a grid `columns` wide, row 0 at the top; gaps leave room for the
 * tick labels on the left, the title above and the ticks below each panel. */
function panelDomains(i: number, n: number, columns: number): [[number, number], [number, number]] {
  const rows = Math.ceil(n / columns);
  const col = i % columns;
  const row = Math.floor(i / columns);
  const w = 1 / columns;
  const h = 1 / rows;
  return [[col * w + 0.2 * w, (col + 1) * w - 0.04 * w], [1 - (row + 1) * h + 0.16 * h, 1 - row * h - 0.16 * h]];
}

/** Rows of panels × columns: the paper export's aspect for a grid of n panels. */
export function gridAspect(n: number, columns: number): number {
  return (Math.ceil(n / columns) / columns) * 0.95;
}

export function gridSpec(rows: Frame, baselines: Frame, s: ViewState, gridLayout: GridLayout = {}): GridSpec {
  const columns = gridLayout.columns ?? COLUMNS;
  const drawn = gridLayout.panels ? GRID_PANELS.filter((p) => gridLayout.panels!.includes(p.metric)) : GRID_PANELS;
  const l0Def = metricById('l0')!;
  const l0 = num(rows, 'l0');
  const ids = str(rows, 'sae_id');
  const points = saeRows(rows, (i) => l0[i]! > 0);
  const groups = groupRows(rows, groupColumn(s), points);
  const traces: PlotTrace[] = [];
  const annotations: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {};
  const inLegend = new Set<string>();
  const panels = drawn.map((panel, i) => {
    const def = metricById(panel.metric)!;
    const raw = num(rows, panel.metric);
    const value = (r: number) => (panel.flip ? 1 - raw[r]! : raw[r]!);
    const id = axisId(i);
    let plotted = 0;
    for (const g of groups) {
      const withValue = g.rows.filter((r) => !Number.isNaN(raw[r]!));
      if (!withValue.length) continue;
      plotted += withValue.length;
      const path = s.lines ? linePath(rows, withValue, { x: 'l0', y: panel.metric }) : withValue;
      const hover = hoverTexts(rows, withValue, [l0Def, def]);
      const texts = new Map(withValue.map((r, k) => [r, hover[k]!]));
      traces.push({
        type: 'scatter', mode: s.lines ? 'lines+markers' : 'markers', name: escapeHtml(g.label), legendgroup: g.key,
        showlegend: !inLegend.has(g.key), xaxis: `x${id}`, yaxis: `y${id}`, connectgaps: false,
        x: path.map((r) => (r === null ? null : l0[r]!)), y: path.map((r) => (r === null ? null : value(r))),
        customdata: path.map((r) => (r === null ? '' : ids[r] ?? '')), text: path.map((r) => (r === null ? '' : texts.get(r)!)),
        hovertemplate: '%{text}<extra></extra>',
        marker: { symbol: g.symbol, color: g.color, size: 7 }, line: { color: g.color, width: 1.5 },
      });
      inLegend.add(g.key);
    }
    const ring = userRingTrace(rows, points.filter((r) => !Number.isNaN(raw[r]!)), 'l0', panel.metric, value);
    if (ring) traces.push({ ...ring, xaxis: `x${id}`, yaxis: `y${id}`, showlegend: !inLegend.has('yours') });
    if (ring) inLegend.add('yours');
    const sel = points.find((r) => ids[r] === s.sel && !Number.isNaN(raw[r]!));
    if (sel !== undefined) {
      traces.push({
        type: 'scatter', mode: 'markers', name: 'Selected', showlegend: false, xaxis: `x${id}`, yaxis: `y${id}`,
        x: [l0[sel]!], y: [value(sel)], customdata: [ids[sel] ?? ''], hoverinfo: 'skip',
        marker: { symbol: 'circle-open', size: 16, color: '#000000', line: { width: 2 } },
      });
    }
    if (s.baselines) {
      const overlay = baselineOverlay(baselines, 'l0', panel.metric, {
        xaxis: `x${id}`, yaxis: `y${id}`, yValue: (v) => (panel.flip ? 1 - v : v), showLegend: !inLegend.has('PCA baseline'),
      });
      if (overlay.traces.length) inLegend.add('PCA baseline');
      traces.push(...overlay.traces);
    }
    const title = panelTitle(panel, def);
    const printed = gridLayout.titleChars ? wrapTitle(`${panelLabel(panel, def)} ${title.includes('↓') ? '↓' : '↑'}`, gridLayout.titleChars) : null;
    annotations.push({
      xref: `x${id} domain`, yref: `y${id} domain`, x: 0.5, y: 1.02, xanchor: 'center', yanchor: 'bottom', showarrow: false,
      text: printed ? printed.split('<br>').map((l) => `<b>${escapeHtml(l)}</b>`).join('<br>') : `<b>${escapeHtml(title)}</b>`, font: { size: 12 },
    });
    if (plotted === 0) {
      annotations.push({
        xref: `x${id} domain`, yref: `y${id} domain`, x: 0.5, y: 0.5, showarrow: false, font: { size: 11, color: '#666666' },
        text: escapeHtml('No data for these filters'),
      });
    }
    // An empty trace keeps a panel's axes drawn when it has no data.
    traces.push({ type: 'scatter', mode: 'markers', x: [], y: [], xaxis: `x${id}`, yaxis: `y${id}`, showlegend: false, hoverinfo: 'skip' });
    const [xDomain, yDomain] = panelDomains(i, drawn.length, columns);
    layout[`xaxis${id}`] = {
      type: 'log', domain: xDomain, anchor: `y${id}`, zeroline: false,
      // The X title under the lowest panel of each column.
      title: { text: i + columns >= drawn.length ? 'L0 (control)' : '' },
    };
    layout[`yaxis${id}`] = { domain: yDomain, anchor: `x${id}`, zeroline: false };
    return { metric: panel.metric, label: panelLabel(panel, def), title, plotted };
  });
  Object.assign(layout, {
    legend: { title: { text: escapeHtml(COLOR_COLUMN_LABELS[groupColumn(s)] ?? groupColumn(s)) }, orientation: 'h', y: -0.08 },
    hovermode: 'closest', margin: { l: 50, r: 20, t: 30, b: 40 }, annotations,
    uirevision: 'grid',
  });
  return { traces, layout, panels };
}
