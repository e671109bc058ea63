/**
 * 2-D Pareto frontier with dominance, for the trade-off views (docs/DESIGN.md §1).
 *
 * Definitions (exact float comparison, no tolerance):
 * - After orienting both axes so that "bigger is better", point a DOMINATES point b iff
 *   a is at least as good as b on both axes and strictly better on at least one.
 * - A valid point is ON THE FRONTIER iff no valid point dominates it. Exact duplicates do not
 *   dominate each other, so duplicates of a frontier point are all on the frontier.
 * - A point whose x or y is null / NaN / ±Infinity is EXCLUDED: onFrontier=false, excluded=true,
 *   it never dominates and is never dominated (dominatedBy is empty).
 */
import { compareStrings, isFiniteNumber } from './util';

export type ParetoDirection = 'higher' | 'lower';
/** Metric direction as stored in the catalog; 'control' (L0) is lower-is-better for Pareto. */
export type MetricDirection = ParetoDirection | 'control';

export interface FrontierInput {
  id: string;
  x: number | null;
  y: number | null;
}

export interface FrontierPointResult {
  id: string;
  x: number | null;
  y: number | null;
  onFrontier: boolean;
  /** x or y missing / non-finite; such points take no part in dominance. */
  excluded: boolean;
  /** Ids of ALL valid points that dominate this one, in input order. Empty iff not dominated. */
  dominatedBy: string[];
  /** The subset of dominatedBy that lies on the frontier (never empty for a dominated point). */
  dominatedByFrontier: string[];
}

export interface XY { x: number; y: number }

export type LineShape = 'hv' | 'vh';
export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface BetterCorner {
  corner: Corner;
  /** e.g. "better: up and left" */
  label: string;
  /** ann-benchmarks style, e.g. "up and to the left is better" */
  subtitle: string;
}

export interface ParetoResult {
  /** One entry per input point, in input order. */
  points: FrontierPointResult[];
  /** Frontier points sorted by x ascending (ties: by y ascending, then id). */
  frontier: { id: string; x: number; y: number }[];
  /** Plotly `line.shape` that draws `frontier` as the staircase bounding the dominated region. */
  lineShape: LineShape;
  /** The same staircase with its corner vertices inserted, for a plain ('linear') polyline. */
  stepPolyline: XY[];
  corner: BetterCorner;
}

/** Maps a catalog direction to a Pareto direction ('control' → 'lower'). */
export function paretoDirection(d: MetricDirection): ParetoDirection {
  return d === 'higher' ? 'higher' : 'lower';
}

/** Which corner of an x/y plot is better, plus human-readable strings. */
export function betterCorner(dirX: MetricDirection, dirY: MetricDirection): BetterCorner {
  const right = paretoDirection(dirX) === 'higher';
  const up = paretoDirection(dirY) === 'higher';
  const v = up ? 'up' : 'down';
  const h = right ? 'right' : 'left';
  return {
    corner: `${up ? 'top' : 'bottom'}-${h}` as Corner,
    label: `better: ${v} and ${h}`,
    subtitle: `${v} and to the ${h} is better`,
  };
}

/**
 * Step-line shape: the boundary of the region dominated by the frontier, traversed by increasing x.
 * With x higher-is-better the next point (larger x) covers the gap, so drop vertically first ('vh');
 * with x lower-is-better the current point covers the gap, so go horizontally first ('hv').
 * The y direction does not matter.
 */
export function frontierLineShape(dirX: MetricDirection): LineShape {
  return paretoDirection(dirX) === 'higher' ? 'vh' : 'hv';
}

/** Expands ordered frontier vertices into an explicit staircase polyline. */
export function stepPolyline(frontier: readonly XY[], shape: LineShape): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < frontier.length; i++) {
    const p = frontier[i];
    if (p === undefined) continue;
    const prev = i > 0 ? frontier[i - 1] : undefined;
    if (prev !== undefined && prev.x !== p.x && prev.y !== p.y) {
      out.push(shape === 'hv' ? { x: p.x, y: prev.y } : { x: prev.x, y: p.y });
    }
    if (prev !== undefined && prev.x === p.x && prev.y === p.y) continue; // duplicate vertex
    out.push({ x: p.x, y: p.y });
  }
  return out;
}

interface Valid {
  index: number;
  id: string;
  x: number;
  y: number;
  /** oriented so that bigger is better */
  ox: number;
  oy: number;
}

function dominates(a: Valid, b: Valid): boolean {
  return a.ox >= b.ox && a.oy >= b.oy && (a.ox > b.ox || a.oy > b.oy);
}

/** Pareto frontier of one point set. O(n²) in the number of valid points; total on empty input. */
export function paretoFrontier(
  points: readonly FrontierInput[],
  dirX: MetricDirection,
  dirY: MetricDirection,
): ParetoResult {
  const sx = paretoDirection(dirX) === 'higher' ? 1 : -1;
  const sy = paretoDirection(dirY) === 'higher' ? 1 : -1;
  const valid: Valid[] = [];
  points.forEach((p, index) => {
    if (isFiniteNumber(p.x) && isFiniteNumber(p.y)) {
      // `+ 0` normalises -0 to 0 in the returned frontier.
      valid.push({ index, id: p.id, x: p.x + 0, y: p.y + 0, ox: sx * p.x + 0, oy: sy * p.y + 0 });
    }
  });

  const dominators = new Map<number, Valid[]>();
  for (const b of valid) {
    const by: Valid[] = [];
    for (const a of valid) if (dominates(a, b)) by.push(a);
    dominators.set(b.index, by);
  }
  const onFrontier = new Set<number>();
  for (const v of valid) if ((dominators.get(v.index) ?? []).length === 0) onFrontier.add(v.index);

  const results: FrontierPointResult[] = points.map((p, index) => {
    const by = dominators.get(index);
    return {
      id: p.id,
      x: p.x,
      y: p.y,
      onFrontier: onFrontier.has(index),
      excluded: by === undefined,
      dominatedBy: (by ?? []).map((a) => a.id),
      dominatedByFrontier: (by ?? []).filter((a) => onFrontier.has(a.index)).map((a) => a.id),
    };
  });

  const frontier = valid
    .filter((v) => onFrontier.has(v.index))
    .sort((a, b) => a.x - b.x || a.y - b.y || compareStrings(a.id, b.id) || a.index - b.index)
    .map((v) => ({ id: v.id, x: v.x, y: v.y }));
  const lineShape = frontierLineShape(dirX);

  return {
    points: results,
    frontier,
    lineShape,
    stepPolyline: stepPolyline(frontier, lineShape),
    corner: betterCorner(dirX, dirY),
  };
}
