/**
 * Window-averaged scaling curves (the paper's width-scaling figure: metric vs dictionary width, each point
 * the mean over the SAEs whose L0 lies in a window). Points are per (group, curve, x); a curve is one model
 * and layer unless the caller pools them. SAEs whose L0 lies within EDGE_MARGIN of a window edge are reported:
 * whether they count would then hinge on measurement noise.
 */
import { compareStrings, isFiniteNumber } from './util';

export interface ScalingRow {
  id: string;
  group: string;
  /** The curve the row belongs to (e.g. "gemma-2-2b L12"); '' when curves are pooled. */
  curve: string;
  x: number;
  l0: number | null;
  value: number | null;
}

export interface ScalingPoint {
  group: string;
  curve: string;
  x: number;
  mean: number;
  min: number;
  max: number;
  /** Rows in the aggregate (always >= 1). */
  n: number;
  ids: string[];
}

export interface NearEdge {
  id: string;
  l0: number;
  edge: number;
}

export interface ScalingResult {
  points: ScalingPoint[];
  /** The window as applied (a reversed one is swapped). */
  window: [number, number];
  reversed: boolean;
  nearEdge: NearEdge[];
}

/** Relative distance to a window edge under which an SAE's membership is called fragile. */
export const EDGE_MARGIN = 0.03;

export function aggregateScaling(rows: readonly ScalingRow[], l0Window: readonly [number, number], margin = EDGE_MARGIN): ScalingResult {
  const reversed = l0Window[0] > l0Window[1];
  const lo = Math.min(l0Window[0], l0Window[1]);
  const hi = Math.max(l0Window[0], l0Window[1]);
  const cells = new Map<string, { group: string; curve: string; x: number; values: number[]; ids: string[] }>();
  const nearEdge: NearEdge[] = [];
  for (const r of rows) {
    if (!isFiniteNumber(r.l0) || !isFiniteNumber(r.value) || !isFiniteNumber(r.x)) continue;
    for (const edge of [lo, hi]) {
      if (edge !== 0 && Math.abs(r.l0 - edge) / Math.abs(edge) <= margin) nearEdge.push({ id: r.id, l0: r.l0, edge });
    }
    if (!(r.l0 >= lo && r.l0 <= hi)) continue;
    const x = r.x + 0; // -0 and 0 are one cell
    const key = JSON.stringify([r.group, r.curve, x]);
    const cell = cells.get(key) ?? { group: r.group, curve: r.curve, x, values: [], ids: [] };
    cell.values.push(r.value);
    cell.ids.push(r.id);
    cells.set(key, cell);
  }
  const points = [...cells.values()].map((c) => ({
    group: c.group, curve: c.curve, x: c.x, n: c.values.length, ids: c.ids,
    mean: c.values.reduce((a, v) => a + v, 0) / c.values.length, min: Math.min(...c.values), max: Math.max(...c.values),
  }));
  points.sort((a, b) => compareStrings(a.group, b.group) || compareStrings(a.curve, b.curve) || a.x - b.x);
  return { points, window: [lo, hi], reversed, nearEdge };
}

/** Per curve and x, the groups whose n differs from the others' (the comparison is then uneven). */
export function unevenCounts(points: readonly ScalingPoint[]): { curve: string; x: number; counts: { group: string; n: number }[] }[] {
  const at = new Map<string, ScalingPoint[]>();
  for (const p of points) {
    const key = JSON.stringify([p.curve, p.x]);
    at.set(key, [...(at.get(key) ?? []), p]);
  }
  return [...at.values()]
    .filter((ps) => new Set(ps.map((p) => p.n)).size > 1)
    .map((ps) => ({ curve: ps[0]!.curve, x: ps[0]!.x, counts: ps.map((p) => ({ group: p.group, n: p.n })) }));
}
