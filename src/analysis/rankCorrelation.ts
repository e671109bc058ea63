/**
 * Spearman rank correlation, partial Spearman and the metric-agreement matrix (docs/DESIGN.md §3).
 *
 * Conventions:
 * - Missing = anything that is not a finite number (null, undefined, NaN, ±Infinity). bigint cells
 *   (DuckDB BIGINT) are converted with Number() in agreementMatrix.
 * - Pairwise-complete: each correlation uses only the rows complete in the variables involved
 *   (x,y for Spearman; x,y,z for partial). `n` is that count.
 * - Ties get average ranks; rho is then Pearson's r on the ranks (not the 1 - 6Σd²/… shortcut,
 *   which is wrong with ties).
 * - rho is null when n < 3 (Spearman) or n < 4 (partial: with 3 points one degree of freedom is
 *   left and the result is always ±1 or undefined), when a variable is constant on the complete
 *   rows, or when z is perfectly rank-correlated with x or y (partial undefined).
 * - Results are clamped to [-1, 1] against rounding.
 */
import { toFiniteNumber } from './util';

export const MIN_N_SPEARMAN = 3;
export const MIN_N_PARTIAL = 4;

export type MaybeNumber = number | null | undefined;

export interface Correlation {
  rho: number | null;
  n: number;
}

export interface AgreementCell extends Correlation {
  a: string;
  b: string;
}

export interface AgreementOptions {
  /** Metric id to partial out (e.g. 'l0'); the cells become partial Spearman correlations. */
  controlFor?: string;
  /**
   * 'log' applies Math.log to the control first; non-positive values become missing. Note that
   * ranks are invariant under a monotone transform, so for Spearman 'log' changes the result only
   * by dropping rows whose control is <= 0.
   */
  transformControl?: 'log' | 'none';
}

function clamp(r: number): number {
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

function finite(v: MaybeNumber): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Ranks 1..n, ties share the average of the ranks they span. Input must be finite. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.v === order[start]?.v) end++;
    const avg = (start + end) / 2 + 1; // mean of ranks start+1 .. end+1
    for (let k = start; k <= end; k++) {
      const o = order[k];
      if (o !== undefined) ranks[o.i] = avg;
    }
    start = end + 1;
  }
  return ranks;
}

/** Pearson's r of two equally long finite arrays; null if n < 2 or either is constant. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = Math.min(x.length, y.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] ?? 0;
    my += y[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return clamp(sxy / Math.sqrt(sxx * syy));
}

/** Indices (up to the shortest array) where every array holds a finite number. */
function completeIndices(cols: readonly (readonly MaybeNumber[])[]): number[] {
  const len = cols.length === 0 ? 0 : Math.min(...cols.map((c) => c.length));
  const out: number[] = [];
  for (let i = 0; i < len; i++) if (cols.every((c) => finite(c[i]))) out.push(i);
  return out;
}

function pick(col: readonly MaybeNumber[], idx: readonly number[]): number[] {
  return idx.map((i) => col[i] as number);
}

/** Spearman's rho on the pairs complete in x and y (arrays are aligned by index). */
export function spearman(x: readonly MaybeNumber[], y: readonly MaybeNumber[]): Correlation {
  const idx = completeIndices([x, y]);
  const n = idx.length;
  if (n < MIN_N_SPEARMAN) return { rho: null, n };
  return { rho: pearson(averageRanks(pick(x, idx)), averageRanks(pick(y, idx))), n };
}

/**
 * Partial Spearman r_xy.z = (r_xy - r_xz r_yz) / sqrt((1 - r_xz²)(1 - r_yz²)), all three rank
 * correlations computed on the same triples complete in x, y and z.
 */
export function partialSpearman(
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
  z: readonly MaybeNumber[],
): Correlation {
  const idx = completeIndices([x, y, z]);
  const n = idx.length;
  if (n < MIN_N_PARTIAL) return { rho: null, n };
  const rx = averageRanks(pick(x, idx));
  const ry = averageRanks(pick(y, idx));
  const rz = averageRanks(pick(z, idx));
  const rxy = pearson(rx, ry);
  const rxz = pearson(rx, rz);
  const ryz = pearson(ry, rz);
  if (rxy === null || rxz === null || ryz === null) return { rho: null, n };
  const denom = (1 - rxz * rxz) * (1 - ryz * ryz);
  if (!(denom > 1e-12)) return { rho: null, n };
  return { rho: clamp((rxy - rxz * ryz) / Math.sqrt(denom)), n };
}

/**
 * Approximate 95 % interval for a (partial) Spearman rho: Fisher's z with the Fieller–Hartley–Pearson
 * variance 1.06 / (n − 3 − k), k the number of controlled variables. null when n − 3 − k < 1.
 */
export function spearmanInterval(rho: number | null, n: number, controls = 0): [number, number] | null {
  const dof = n - 3 - controls;
  if (rho === null || dof < 1) return null;
  if (Math.abs(rho) >= 1) return [rho, rho];
  const z = Math.atanh(rho);
  const half = 1.959963984540054 * Math.sqrt(1.06 / dof);
  return [Math.tanh(z - half), Math.tanh(z + half)];
}

/**
 * Metric-agreement matrix over columns (one array per metric id, aligned by SAE).
 * Returns metricIds.length² cells in row-major order (a = metricIds[i], b = metricIds[j]); the
 * matrix is symmetric by construction. Diagonal cells are computed like any other (rho = 1 when
 * defined; null with controlFor === a, because z then explains x completely).
 */
export function agreementMatrix(
  columns: Readonly<Record<string, ArrayLike<unknown>>>,
  metricIds: readonly string[],
  options: AgreementOptions = {},
): AgreementCell[] {
  const column = (id: string): (number | null)[] => Array.from(columns[id] ?? [], toFiniteNumber);
  const cols = metricIds.map(column);
  let z: (number | null)[] | null = null;
  if (options.controlFor !== undefined) {
    z = column(options.controlFor);
    if (options.transformControl === 'log') z = z.map((v) => (v !== null && v > 0 ? Math.log(v) : null));
  }
  const k = metricIds.length;
  const cache = new Map<string, Correlation>();
  const cells: AgreementCell[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      const key = `${lo},${hi}`;
      let c = cache.get(key);
      if (c === undefined) {
        const x = cols[lo] ?? [];
        const y = cols[hi] ?? [];
        c = z === null ? spearman(x, y) : partialSpearman(x, y, z);
        cache.set(key, c);
      }
      cells.push({ a: metricIds[i] ?? '', b: metricIds[j] ?? '', rho: c.rho, n: c.n });
    }
  }
  return cells;
}
