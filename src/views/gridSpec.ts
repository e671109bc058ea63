// Rows -> all-metrics grid: small multiples of every headline metric against L0, one legend, each panel marked
// with its better direction; a panel without data says so and how many SAEs have the metric at all.
import { metricById, type MetricDef } from '../catalog/metrics.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { baselineOverlay } from './baselines.ts';
import { COLOR_COLUMN_LABELS, escapeHtml } from './encodings.ts';
import { groupRows, isBaseline, num, type SaeRow } from './groups.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';
import { hoverText } from './scatterSpec.ts';

export interface GridPanel {
  metric: string;
  /** Plot 1 − value so that up is better (the paper's absorption panels). */
  flip?: boolean;
}

export const GRID_PANELS: readonly GridPanel[] = [
  { metric: 'ce_loss_score' }, { metric: 'explained_variance' }, { metric: 'absorption_fraction', flip: true },
  { metric: 'autointerp_score' }, { metric: 'scr_top20' }, { metric: 'tpp_top20' },
  { metric: 'sparse_probing_sae_top1' }, { metric: 'unlearning_score' }, { metric: 'ravel_disentanglement' },
];

const COLUMNS = 3;

export function panelLabel(p: GridPanel, def: MetricDef): string {
  return p.flip ? `1 − ${def.label.toLowerCase()}` : def.label;
}

export function panelTitle(p: GridPanel, def: MetricDef): string {
  const better = p.flip || def.direction !== 'lower' ? '↑ (higher is better)' : '↓ (lower is better)';
  return `${panelLabel(p, def)} ${better}`;
}

export interface GridSpec extends Figure {
  panels: { metric: string; label: string; title: string; plotted: number; total: number }[];
}

const axisId = (i: number) => (i === 0 ? '' : String(i + 1));

/** [x domain, y domain] of panel i in a COLUMNS-wide grid, row 0 at the top. */
function panelDomains(i: number): [[number, number], [number, number]] {
  const rows = Math.ceil(GRID_PANELS.length / COLUMNS);
  const col = i % COLUMNS;
  const row = Math.floor(i / COLUMNS);
  const w = 1 / COLUMNS;
  const h = 1 / rows;
  return [[col * w + 0.04, (col + 1) * w - 0.02], [1 - (row + 1) * h + 0.05, 1 - row * h - 0.06]];
}

export function gridSpec(rows: SaeRow[], s: ViewState, baselines: readonly SaeRow[], metricTotals: Record<string, number>): GridSpec {
  const l0Def = metricById('l0')!;
  const points = rows.filter((r) => !isBaseline(r) && (num(r.l0) ?? 0) > 0);
  const groups = groupRows(points, groupColumn(s));
  const traces: PlotTrace[] = [];
  const annotations: Record<string, unknown>[] = [];
  const shapes: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {};
  const inLegend = new Set<string>();
  const panels = GRID_PANELS.map((panel, i) => {
    const def = metricById(panel.metric)!;
    const value = (r: SaeRow) => {
      const v = num(r[panel.metric]);
      return v === null ? null : panel.flip ? 1 - v : v;
    };
    const id = axisId(i);
    let plotted = 0;
    for (const g of groups) {
      const withValue = g.rows.filter((r) => value(r) !== null).sort((a, b) => num(a.l0)! - num(b.l0)!);
      if (!withValue.length) continue;
      plotted += withValue.length;
      traces.push({
        type: 'scatter', mode: s.lines ? 'lines+markers' : 'markers', name: escapeHtml(g.label), legendgroup: g.key,
        showlegend: !inLegend.has(g.key), xaxis: `x${id}`, yaxis: `y${id}`,
        x: withValue.map((r) => num(r.l0)), y: withValue.map(value), customdata: withValue.map((r) => String(r.sae_id)),
        text: withValue.map((r) => hoverText(r, l0Def, def)), hovertemplate: '%{text}<extra></extra>',
        marker: { symbol: g.symbol, color: g.color, size: 7 }, line: { color: g.color, width: 1.5 },
      });
      inLegend.add(g.key);
    }
    const selected = points.find((r) => r.sae_id === s.sel && value(r) !== null);
    if (selected) {
      traces.push({
        type: 'scatter', mode: 'markers', name: 'Selected', showlegend: false, xaxis: `x${id}`, yaxis: `y${id}`,
        x: [num(selected.l0)], y: [value(selected)], customdata: [String(selected.sae_id)], hoverinfo: 'skip',
        marker: { symbol: 'circle-open', size: 16, color: '#000000', line: { width: 2 } },
      });
    }
    if (s.baselines) {
      const overlay = baselineOverlay(baselines, 'l0', panel.metric, { xaxis: `x${id}`, yaxis: `y${id}`, yValue: value });
      shapes.push(...overlay.shapes);
    }
    const title = panelTitle(panel, def);
    annotations.push({
      xref: `x${id} domain`, yref: `y${id} domain`, x: 0.5, y: 1.02, xanchor: 'center', yanchor: 'bottom', showarrow: false,
      text: `<b>${escapeHtml(title)}</b>`, font: { size: 12 },
    });
    const total = metricTotals[panel.metric] ?? 0;
    if (plotted === 0) {
      annotations.push({
        xref: `x${id} domain`, yref: `y${id} domain`, x: 0.5, y: 0.5, showarrow: false, font: { size: 11, color: '#666666' },
        text: escapeHtml(`No data for these filters`) + `<br>${escapeHtml(`(${total} SAEs have ${def.label} in the whole dataset)`)}`,
      });
    }
    // An empty trace keeps a panel's axes drawn when it has no data.
    traces.push({ type: 'scatter', mode: 'markers', x: [], y: [], xaxis: `x${id}`, yaxis: `y${id}`, showlegend: false, hoverinfo: 'skip' });
    const [xDomain, yDomain] = panelDomains(i);
    layout[`xaxis${id}`] = {
      type: 'log', domain: xDomain, anchor: `y${id}`, zeroline: false,
      title: { text: i >= GRID_PANELS.length - COLUMNS ? 'L0 (control)' : '' },
    };
    layout[`yaxis${id}`] = { domain: yDomain, anchor: `x${id}`, zeroline: false };
    return { metric: panel.metric, label: panelLabel(panel, def), title, plotted, total };
  });
  if (s.baselines && shapes.length) {
    traces.push({ type: 'scatter', mode: 'lines', name: 'PCA baseline', x: [null], y: [null], line: { color: '#7F7F7F', dash: 'dash' }, hoverinfo: 'skip' });
  }
  Object.assign(layout, {
    legend: { title: { text: escapeHtml(COLOR_COLUMN_LABELS[groupColumn(s)] ?? groupColumn(s)) }, orientation: 'h', y: -0.08 },
    hovermode: 'closest', margin: { l: 50, r: 20, t: 30, b: 40 }, annotations, shapes,
    uirevision: 'grid',
  });
  return { traces, layout, panels };
}
