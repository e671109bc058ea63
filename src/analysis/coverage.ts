/**
 * Completeness / coverage matrix (FEATURES.md §6.14): which row groups (e.g. releases, models,
 * architectures) have values for which evals.
 */
import { compareStrings, isPresent } from './util';

export interface CoverageEval {
  id: string;
  /** column of the wide row that holds the eval's value */
  column: string;
}

export interface CoverageCell {
  key: string;
  evalId: string;
  /** rows with this key whose eval column is present (not null / undefined / NaN) */
  count: number;
  /** all rows with this key */
  total: number;
}

export interface CoverageMatrix {
  /** distinct rowKey values, code-unit sorted */
  keys: string[];
  /** eval ids in the order given */
  evalIds: string[];
  /** dense: keys.length × evalIds.length cells, row-major (key outer, eval inner); zeros included */
  cells: CoverageCell[];
}

export function coverageMatrix<R extends Record<string, unknown>>(
  rows: readonly R[],
  rowKey: (r: R) => string,
  evals: readonly CoverageEval[],
): CoverageMatrix {
  const totals = new Map<string, number>();
  const counts = new Map<string, number[]>();
  for (const r of rows) {
    const key = rowKey(r);
    totals.set(key, (totals.get(key) ?? 0) + 1);
    let c = counts.get(key);
    if (c === undefined) {
      c = evals.map(() => 0);
      counts.set(key, c);
    }
    evals.forEach((e, j) => {
      if (c !== undefined && isPresent(r[e.column])) c[j] = (c[j] ?? 0) + 1;
    });
  }
  const keys = [...totals.keys()].sort(compareStrings);
  const cells: CoverageCell[] = [];
  for (const key of keys) {
    const c = counts.get(key) ?? [];
    const total = totals.get(key) ?? 0;
    evals.forEach((e, j) => cells.push({ key, evalId: e.id, count: c[j] ?? 0, total }));
  }
  return { keys, evalIds: evals.map((e) => e.id), cells };
}

/** True iff every listed column of the row is present ("complete rows only" toggle). */
export function isCompleteRow(row: Record<string, unknown>, columns: readonly string[]): boolean {
  return columns.every((c) => isPresent(row[c]));
}

/** Rows complete in all listed columns, in input order. */
export function completeRows<R extends Record<string, unknown>>(rows: readonly R[], columns: readonly string[]): R[] {
  return rows.filter((r) => isCompleteRow(r, columns));
}
