// Rows -> Pareto view: per group (the colour column, architecture by default) the direction-aware frontier as
// a step line, dominated points faded (or hidden), and hover naming the frontier points that dominate a point.
import { paretoFrontier, type ParetoResult } from '../analysis/frontier.ts';
import { axisById } from '../catalog/metrics.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { baselineOverlay, EMPTY_OVERLAY } from './baselines.ts';
import { COLOR_COLUMN_LABELS, escapeHtml } from './encodings.ts';
import { groupRows, isBaseline, num, type RowGroup, type SaeRow } from './groups.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';
import { drawableRows, hoverText, selectedTrace, xyLayout } from './scatterSpec.ts';

export interface GroupFrontierResult {
  group: RowGroup;
  result: ParetoResult;
}

export interface ParetoSpec extends Figure {
  frontierPoints: number;
  dominatedPoints: number;
  subtitle: string;
  /** Who holds the frontier of all groups pooled: group label and its points on it, most first. */
  pooled: { label: string; count: number }[];
}

const MAX_NAMED = 4;
const pd = (d: string) => (d === 'target' ? 'higher' : d) as 'higher' | 'lower' | 'control';

/** One frontier per group over the drawable (non-baseline) rows. */
export function frontiers(rows: readonly SaeRow[], s: ViewState): GroupFrontierResult[] {
  const xDef = axisById(s.x);
  const yDef = axisById(s.y);
  if (!xDef || !yDef) throw new Error('unknown axis metric');
  return groupRows(drawableRows(rows, s), groupColumn(s)).map((group) => ({
    group,
    result: paretoFrontier(group.rows.map((r) => ({ id: String(r.sae_id), x: num(r[s.x]), y: num(r[s.y]) })), pd(xDef.direction), pd(yDef.direction)),
  }));
}

function dominatorsLine(ids: string[]): string {
  const named = ids.slice(0, MAX_NAMED).join(', ');
  return `Dominated by (frontier): ${named}${ids.length > MAX_NAMED ? ` and ${ids.length - MAX_NAMED} more` : ''}`;
}

export function paretoSpec(rows: SaeRow[], s: ViewState, baselines: readonly SaeRow[] = []): ParetoSpec {
  const xDef = axisById(s.x)!;
  const yDef = axisById(s.y)!;
  const results = frontiers(rows, s);
  const traces: PlotTrace[] = [];
  let frontierPoints = 0;
  let dominatedPoints = 0;
  for (const { group, result } of results) {
    const byId = new Map(group.rows.map((r) => [String(r.sae_id), r]));
    const on = result.points.filter((p) => p.onFrontier);
    const off = result.points.filter((p) => !p.onFrontier && !p.excluded);
    frontierPoints += on.length;
    dominatedPoints += off.length;
    const markerTrace = (points: typeof on, dominated: boolean): PlotTrace => ({
      type: 'scatter', mode: 'markers', legendgroup: group.key,
      name: escapeHtml(dominated ? `${group.label} (dominated)` : group.label), showlegend: !dominated,
      x: points.map((p) => p.x), y: points.map((p) => p.y), customdata: points.map((p) => p.id),
      text: points.map((p) => hoverText(byId.get(p.id)!, xDef, yDef, dominated ? [dominatorsLine(p.dominatedByFrontier)] : ['On the frontier'])),
      hovertemplate: '%{text}<extra></extra>',
      marker: { symbol: group.symbol, color: group.color, size: dominated ? 7 : 10, opacity: dominated ? 0.25 : 1, line: { width: 0.5, color: '#ffffff' } },
    });
    traces.push({
      type: 'scatter', mode: 'lines', legendgroup: group.key, name: escapeHtml(`${group.label} frontier`), showlegend: false,
      x: result.frontier.map((p) => p.x), y: result.frontier.map((p) => p.y), hoverinfo: 'skip',
      line: { shape: result.lineShape, color: group.color, width: 2 },
    });
    traces.push(markerTrace(on, false));
    if (!s.fonly && off.length) traces.push(markerTrace(off, true));
  }
  const selected = drawableRows(rows, s).find((r) => r.sae_id === s.sel);
  if (selected) traces.push(selectedTrace(selected, s, hoverText(selected, xDef, yDef)));
  const overlay = s.baselines ? baselineOverlay(baselines, s.x, s.y) : EMPTY_OVERLAY;
  traces.push(...overlay.traces);
  const corner = results[0]?.result.corner.subtitle ?? paretoFrontier([], pd(xDef.direction), pd(yDef.direction)).corner.subtitle;
  const groupLabel = COLOR_COLUMN_LABELS[groupColumn(s)] ?? groupColumn(s);
  const subtitle = `${corner[0]!.toUpperCase()}${corner.slice(1)}; one frontier per ${groupLabel.toLowerCase()}`;
  const layout = {
    ...xyLayout(s, xDef, yDef),
    title: { text: `Pareto frontier: ${escapeHtml(yDef.label)} vs ${escapeHtml(xDef.label)}<br><sub>${escapeHtml(subtitle)}</sub>`, x: 0.02 },
    margin: { l: 70, r: 20, t: 60, b: 60 },
    shapes: overlay.shapes,
    annotations: overlay.annotations,
  };
  return { traces, layout, frontierPoints, dominatedPoints, subtitle, pooled: pooledFrontier(results, s) };
}

function pooledFrontier(results: readonly GroupFrontierResult[], s: ViewState): { label: string; count: number }[] {
  const labelOf = new Map<string, string>();
  const points = results.flatMap(({ group }) => group.rows.map((r) => {
    labelOf.set(String(r.sae_id), group.label);
    return { id: String(r.sae_id), x: num(r[s.x]), y: num(r[s.y]) };
  }));
  const counts = new Map<string, number>();
  for (const p of paretoFrontier(points, pd(axisById(s.x)!.direction), pd(axisById(s.y)!.direction)).frontier) {
    const label = labelOf.get(p.id)!;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
}

/** The view's CSV rows: every filtered SAE (baselines aside) with on_frontier and frontier_group; with
 * "frontier only", just the frontier. */
export function paretoExportRows(rows: readonly SaeRow[], s: ViewState): SaeRow[] {
  const status = new Map<string, { on: boolean; group: string }>();
  for (const { group, result } of frontiers(rows, s)) {
    for (const p of result.points) status.set(p.id, { on: p.onFrontier, group: group.key });
  }
  const column = groupColumn(s);
  return rows
    .filter((r) => !isBaseline(r))
    .map((r) => {
      const st = status.get(String(r.sae_id));
      return { ...r, on_frontier: st?.on ?? false, frontier_group: st?.group ?? String(r[column] ?? '') };
    })
    .filter((r) => !s.fonly || r.on_frontier);
}
