/**
 * Window-averaged scaling curves (FEATURES.md H2: metric vs dictionary width, each point the mean
 * over SAEs with L0 in [40, 200]).
 */
import { compareStrings, isFiniteNumber } from './util';

export interface ScalingRow {
  group: string;
  /** e.g. dictionary width or training tokens */
  x: number;
  l0: number | null;
  value: number | null;
}

export interface ScalingPoint {
  group: string;
  x: number;
  mean: number;
  min: number;
  max: number;
  /** number of rows that entered the aggregate (always >= 1) */
  n: number;
}

/**
 * Aggregates rows per (group, x) over rows with l0 inside `l0Window` (inclusive at both ends) and a
 * finite value. Rows with a null / non-finite l0, value or x are skipped. (group, x) cells with no
 * qualifying row are omitted (no NaN points). A reversed window [hi, lo] is treated as [lo, hi];
 * a window with a NaN bound matches nothing. Output is sorted by group (code-unit order), then x.
 */
export function aggregateScaling(
  rows: readonly ScalingRow[],
  l0Window: readonly [number, number],
): ScalingPoint[] {
  const lo = Math.min(l0Window[0], l0Window[1]);
  const hi = Math.max(l0Window[0], l0Window[1]);
  const cells = new Map<string, Map<number, { sum: number; min: number; max: number; n: number }>>();
  for (const r of rows) {
    if (!isFiniteNumber(r.l0) || !isFiniteNumber(r.value) || !isFiniteNumber(r.x)) continue;
    if (!(r.l0 >= lo && r.l0 <= hi)) continue;
    let byX = cells.get(r.group);
    if (byX === undefined) {
      byX = new Map();
      cells.set(r.group, byX);
    }
    const x = r.x + 0; // -0 and 0 are one cell
    const acc = byX.get(x);
    if (acc === undefined) byX.set(x, { sum: r.value, min: r.value, max: r.value, n: 1 });
    else {
      acc.sum += r.value;
      acc.min = Math.min(acc.min, r.value);
      acc.max = Math.max(acc.max, r.value);
      acc.n += 1;
    }
  }
  const out: ScalingPoint[] = [];
  for (const group of [...cells.keys()].sort(compareStrings)) {
    const byX = cells.get(group);
    if (byX === undefined) continue;
    for (const x of [...byX.keys()].sort((a, b) => a - b)) {
      const acc = byX.get(x);
      if (acc === undefined) continue;
      out.push({ group, x, mean: acc.sum / acc.n, min: acc.min, max: acc.max, n: acc.n });
    }
  }
  return out;
}
