// Rows -> "Y at matched L0" table: each group's Y interpolated in log L0 at a few sparsities, best per column
// marked by the metric's direction. Shown under the scatter and Pareto views when X is L0.
import { valueAtL0 } from '../analysis/l0Matched.ts';
import { axisById } from '../catalog/metrics.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { groupRows, isBaseline, num, type SaeRow } from './groups.ts';

// 25 rather than 20: the suite's sparsest SAEs measure L0 ≈ 20–23, and the table never extrapolates.
export const MATCHED_L0 = [25, 50, 100, 200] as const;

export interface L0MatchedTable {
  targets: readonly number[];
  groups: { key: string; label: string; color: string; values: (number | null)[] }[];
  /** Per column, the group index with the best value (null when no group has one). */
  best: (number | null)[];
}

export function l0MatchedTable(rows: readonly SaeRow[], s: ViewState): L0MatchedTable | null {
  const yDef = axisById(s.y);
  if (s.x !== 'l0' || !yDef || yDef.direction === 'control') return null;
  const groups = groupRows(rows.filter((r) => !isBaseline(r)), groupColumn(s)).map((g) => {
    const points = g.rows.map((r) => ({ l0: num(r.l0) ?? Number.NaN, y: num(r[s.y]) ?? Number.NaN }));
    return { key: g.key, label: g.label, color: g.color, values: MATCHED_L0.map((t) => valueAtL0(points, t)) };
  }).filter((g) => g.values.some((v) => v !== null));
  const sign = yDef.direction === 'lower' ? -1 : 1;
  const best = MATCHED_L0.map((_, j) => {
    let bestIndex: number | null = null;
    groups.forEach((g, i) => {
      const v = g.values[j];
      if (v === null || v === undefined) return;
      const current = bestIndex === null ? null : groups[bestIndex]!.values[j]!;
      if (current === null || sign * v > sign * current) bestIndex = i;
    });
    return bestIndex;
  });
  return { targets: MATCHED_L0, groups, best };
}
