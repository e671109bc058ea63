/**
 * L0-matched values (docs/DESIGN.md §2): a group's metric at a given L0, read off the line through its points
 * sorted by L0, interpolated linearly in log L0. Never extrapolated: outside the group's L0 range the value is
 * missing, because unequal L0 ranges are exactly what biases architecture comparisons.
 */
import { isFiniteNumber } from './util';

export interface L0Point {
  l0: number;
  y: number;
}

/** Points with the same L0 are averaged; non-finite or non-positive L0 and non-finite y are ignored. */
function sortedLine(points: readonly L0Point[]): L0Point[] {
  const byL0 = new Map<number, { sum: number; n: number }>();
  for (const p of points) {
    if (!isFiniteNumber(p.l0) || !isFiniteNumber(p.y) || p.l0 <= 0) continue;
    const acc = byL0.get(p.l0);
    if (acc) { acc.sum += p.y; acc.n += 1; } else byL0.set(p.l0, { sum: p.y, n: 1 });
  }
  return [...byL0].map(([l0, a]) => ({ l0, y: a.sum / a.n })).sort((a, b) => a.l0 - b.l0);
}

export function valueAtL0(points: readonly L0Point[], target: number): number | null {
  const line = sortedLine(points);
  if (!(target > 0) || line.length === 0) return null;
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    if (p.l0 === target) return p.y;
    const q = line[i + 1];
    if (q && p.l0 < target && target < q.l0) {
      const t = (Math.log(target) - Math.log(p.l0)) / (Math.log(q.l0) - Math.log(p.l0));
      return p.y + t * (q.y - p.y);
    }
  }
  return null;
}
