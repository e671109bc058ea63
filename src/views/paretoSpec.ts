// Frames -> Pareto view: per sweep the direction-aware frontier as a step line (one colour per group), dominated
// points faded (or hidden), hover naming the frontier points that dominate a point, and who holds the
// frontier when all groups of one model, layer and width are pooled.
import { paretoFrontier, type MetricDirection, type ParetoResult } from '../analysis/frontier.ts';
import { indexBy, sweepKeys } from '../analysis/sweeps.ts';
import { axisById, type MetricDef } from '../catalog/metrics.ts';
import { num, str, type Frame } from '../data/frame.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { baselineOverlay } from './baselines.ts';
import { facetLayout, facetPanels, onPanel } from './facets.ts';
import { userRingTrace } from './highlight.ts';
import { categoryLabel, COLOR_COLUMN_LABELS, escapeHtml } from './encodings.ts';
import { groupRows, saeRows, type RowGroup } from './groups.ts';
import { hoverTexts } from './hover.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';
import { drawableRows, panelBaselines, selectedTrace, userPointsTrace, xyLayout, type XyInput } from './scatterSpec.ts';

export interface SweepFrontier {
  group: RowGroup;
  sweep: string;
  rows: number[];
  result: ParetoResult;
}

export interface ParetoSpec extends Figure {
  frontierPoints: number;
  dominatedPoints: number;
  subtitle: string;
  /** Per context (model, layer, width…), who holds the frontier of all groups pooled, most points first. */
  pooled: { context: string; holders: { label: string; count: number }[] }[];
  /** Set when the frontier is undefined (a metric best at a target with values on both sides of it). */
  problem: string | null;
  sweeps: number;
}

const MAX_NAMED = 4;

/** A catalog direction as a Pareto direction; a metric best at a target is oriented by which side of the
 * target its values lie on, and has no frontier when they lie on both. */
export function frontierDirection(def: MetricDef, values: Float64Array, rows: readonly number[]): MetricDirection | null {
  if (def.direction !== 'target') return def.direction;
  const t = def.target ?? 1;
  const vs = rows.map((i) => values[i]!);
  if (vs.every((v) => v <= t)) return 'higher';
  if (vs.every((v) => v >= t)) return 'lower';
  return null;
}

/** The context of a sweep for pooling: its key without the group column (architecture by default). */
function contextKeys(f: Frame, s: ViewState): string[] {
  const g = groupColumn(s);
  return sweepKeys(f, g === 'architecture' || g === 'model' || g === 'release' || g === 'layer' || g === 'dict_size' || g === 'training_tokens' ? [g] : []);
}

export function sweepFrontiers(f: Frame, s: ViewState, dirX: MetricDirection, dirY: MetricDirection, rows = drawableRows(f, s)): SweepFrontier[] {
  const ids = str(f, 'sae_id');
  const x = num(f, s.x);
  const y = num(f, s.y);
  const sweep = sweepKeys(f);
  return groupRows(f, groupColumn(s), rows).flatMap((group) =>
    [...indexBy(sweep, group.rows)].map(([key, members]) => ({
      group, sweep: key, rows: members,
      result: paretoFrontier(members.map((i) => ({ id: ids[i] ?? '', x: x[i]!, y: y[i]! })), dirX, dirY),
    })));
}

/** One group's frontier lines (sweeps separated by a gap) and its on/off-frontier markers, appended to `out`. */
function groupTraces(f: Frame, list: readonly SweepFrontier[], s: ViewState, xDef: MetricDef, yDef: MetricDef, out: PlotTrace[]): { on: number; off: number } {
  const group = list[0]!.group;
  const line: { x: number | null; y: number | null }[] = [];
  const on: { id: string; x: number; y: number; row: number }[] = [];
  const off: { id: string; x: number; y: number; row: number; by: string[] }[] = [];
  for (const r of list) {
    if (line.length) line.push({ x: null, y: null });
    line.push(...r.result.stepPolyline);
    r.result.points.forEach((p, k) => {
      if (p.excluded) return;
      if (p.onFrontier) on.push({ id: p.id, x: p.x!, y: p.y!, row: r.rows[k]! });
      else off.push({ id: p.id, x: p.x!, y: p.y!, row: r.rows[k]!, by: p.dominatedByFrontier });
    });
  }
  out.push({
    type: 'scatter', mode: 'lines', legendgroup: group.key, name: escapeHtml(`${group.label} frontier`), showlegend: false,
    x: line.map((p) => p.x), y: line.map((p) => p.y), hoverinfo: 'skip', connectgaps: false, line: { color: group.color, width: 2 },
  });
  const markers = (points: typeof on, dominated: boolean, extra: (k: number) => string[]): PlotTrace => {
    const extraOf = new Map(points.map((p, k) => [p.row, extra(k)]));
    const texts = hoverTexts(f, points.map((p) => p.row), [xDef, yDef], (i) => extraOf.get(i) ?? []);
    return {
      type: 'scatter', mode: 'markers', legendgroup: dominated ? `${group.key} (dominated)` : group.key,
      name: escapeHtml(dominated ? `${group.label} (dominated)` : group.label), showlegend: !dominated,
      x: points.map((p) => p.x), y: points.map((p) => p.y), customdata: points.map((p) => p.id), text: texts,
      hovertemplate: '%{text}<extra></extra>',
      marker: { symbol: group.symbol, color: group.color, size: dominated ? 7 : 10, opacity: dominated ? 0.25 : 1, line: { width: 0.5, color: '#ffffff' } },
    };
  };
  out.push(markers(on, false, () => ['On the frontier of its sweep']));
  if (!s.fonly && off.length) out.push(markers(off, true, (k) => [dominatorsLine(off[k]?.by ?? [])]));
  return { on: on.length, off: off.length };
}

function dominatorsLine(ids: string[]): string {
  const named = ids.slice(0, MAX_NAMED).join(', ');
  return `Dominated by (frontier of its sweep): ${named}${ids.length > MAX_NAMED ? ` and ${ids.length - MAX_NAMED} more` : ''}`;
}

export function paretoSpec(input: XyInput, s: ViewState): ParetoSpec {
  const xDef = axisById(s.x)!;
  const yDef = axisById(s.y)!;
  const f = input.rows;
  const drawable = drawableRows(f, s);
  const dirX = frontierDirection(xDef, num(f, s.x), drawable);
  const dirY = frontierDirection(yDef, num(f, s.y), drawable);
  const layout: Record<string, unknown> = { ...xyLayout(s, xDef, yDef), margin: { l: 70, r: 20, t: 20, b: 60 } };
  if (!dirX || !dirY) {
    const def = dirX ? yDef : xDef;
    const problem = `${def.label} is best at ${def.target ?? 1} and the SAEs here lie on both sides of it, so "better" has no single direction and there is no Pareto frontier. Pick another metric or use the scatter view.`;
    return { traces: [], layout, frontierPoints: 0, dominatedPoints: 0, subtitle: '', pooled: [], problem, sweeps: 0 };
  }
  const traces: PlotTrace[] = [];
  let frontierPoints = 0;
  let dominatedPoints = 0;
  let sweeps = 0;
  const ids = str(f, 'sae_id');
  const shown = new Set<string>();
  const panels = facetPanels(f, s.facet, drawable);
  for (const panel of panels) {
    const results = sweepFrontiers(f, s, dirX, dirY, panel.rows);
    sweeps += results.length;
    const own: PlotTrace[] = [];
    const byGroup = new Map<string, SweepFrontier[]>();
    for (const r of results) byGroup.set(r.group.key, [...(byGroup.get(r.group.key) ?? []), r]);
    for (const list of byGroup.values()) {
      const counts = groupTraces(f, list, s, xDef, yDef, own);
      frontierPoints += counts.on;
      dominatedPoints += counts.off;
    }
    const ring = userRingTrace(f, panel.rows, s.x, s.y);
    if (ring) own.push(ring);
    const sel = panel.rows.find((i) => ids[i] === s.sel);
    if (sel !== undefined) own.push(selectedTrace(num(f, s.x)[sel]!, num(f, s.y)[sel]!, ids[sel]!, hoverTexts(f, [sel], [xDef, yDef])[0]!));
    if (panel === panels[0]) {
      const mine = userPointsTrace(input.userPoints ?? [], xDef, yDef, 'scatter');
      if (mine) own.push(mine);
    }
    if (s.baselines) own.push(...baselineOverlay(panelBaselines(input.baselines, s, panel.key), s.x, s.y).traces);
    traces.push(...onPanel(own, panel, shown));
  }
  const corner = paretoFrontier([], dirX, dirY).corner.subtitle;
  const groupLabel = COLOR_COLUMN_LABELS[groupColumn(s)] ?? groupColumn(s);
  const subtitle = `${corner[0]!.toUpperCase()}${corner.slice(1)}; one frontier per sweep (${groupLabel.toLowerCase()}, model, layer and width)`;
  Object.assign(layout, facetLayout(panels, layout.xaxis as Record<string, unknown>, layout.yaxis as Record<string, unknown>));
  return {
    traces, layout, frontierPoints, dominatedPoints, subtitle, pooled: pooledFrontiers(f, s, drawable, dirX, dirY),
    problem: null, sweeps,
  };
}

/** Per context, the frontier of every group pooled, and how many of its points each group holds. */
function pooledFrontiers(f: Frame, s: ViewState, rows: readonly number[], dirX: MetricDirection, dirY: MetricDirection): ParetoSpec['pooled'] {
  const x = num(f, s.x);
  const y = num(f, s.y);
  const groups = groupRows(f, groupColumn(s), rows);
  const labelOf = new Map<number, string>();
  for (const g of groups) for (const i of g.rows) labelOf.set(i, g.label);
  const contexts = contextKeys(f, s);
  const ctxLabel = contextLabels(f);
  return [...indexBy(contexts, rows)].map(([, members]) => {
    const result = paretoFrontier(members.map((i) => ({ id: String(i), x: x[i]!, y: y[i]! })), dirX, dirY);
    const counts = new Map<string, number>();
    for (const p of result.frontier) {
      const label = labelOf.get(Number(p.id))!;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return {
      context: ctxLabel(members[0]!),
      holders: [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1)),
    };
  });
}

/** "gemma-2-2b L12 65k" for a row. */
export function contextLabels(f: Frame): (i: number) => string {
  const model = str(f, 'model');
  const layer = num(f, 'layer');
  const width = num(f, 'dict_size');
  return (i) => [model[i] ?? '?', `L${layer[i]}`, Number.isNaN(width[i]!) ? '' : categoryLabel('dict_size', width[i])].filter(Boolean).join(' ');
}

export const PARETO_EXPORT_EXTRA = ['on_frontier', 'frontier_group', 'frontier_sweep'];

/** Per row of the frame: on its sweep's frontier, its group and sweep (for the CSV). */
export function paretoStatus(input: XyInput, s: ViewState): Map<number, { on: boolean; group: string; sweep: string }> {
  const f = input.rows;
  const xDef = axisById(s.x)!;
  const yDef = axisById(s.y)!;
  const drawable = drawableRows(f, s);
  const dirX = frontierDirection(xDef, num(f, s.x), drawable);
  const dirY = frontierDirection(yDef, num(f, s.y), drawable);
  const out = new Map<number, { on: boolean; group: string; sweep: string }>();
  if (!dirX || !dirY) return out;
  for (const r of sweepFrontiers(f, s, dirX, dirY)) {
    r.result.points.forEach((p, k) => out.set(r.rows[k]!, { on: p.onFrontier, group: r.group.key, sweep: r.sweep }));
  }
  for (const i of saeRows(f)) if (!out.has(i)) out.set(i, { on: false, group: '', sweep: '' });
  return out;
}
