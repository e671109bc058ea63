// Frames -> "Y at matched L0" table: each sweep's Y interpolated in log L0 at a few sparsities (never
// extrapolated); a group spanning several sweeps shows the mean over its sweeps with their count. The best
// value per column is marked only where every group averages over the same models, layers and widths.
import { valueAtL0 } from '../analysis/l0Matched.ts';
import { indexBy, sweepKeys } from '../analysis/sweeps.ts';
import { axisById, orientedValue } from '../catalog/metrics.ts';
import { num, type Frame } from '../data/frame.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { groupRows, saeRows } from './groups.ts';

// 25 rather than 20: the suite's sparsest SAEs measure L0 ≈ 19–23, and the table never extrapolates.
export const MATCHED_L0 = [25, 50, 100, 200] as const;

export interface MatchedCell {
  /** Mean over the sweeps that reach this L0; null when none does. */
  value: number | null;
  /** Sweeps that reach this L0, of the group's sweeps. */
  sweeps: number;
  of: number;
  /** The contexts (sweep without the group column) averaged over, for comparability. */
  contexts: string;
}

export interface L0MatchedTable {
  targets: readonly number[];
  groups: { key: string; label: string; color: string; symbol: string; cells: MatchedCell[] }[];
  /** Per column, the group index with the best value, where the column compares like with like. */
  best: (number | null)[];
  /** Columns where groups average over different sweeps (no best marked). */
  mixed: boolean[];
  /** Some group spans more than one sweep (cells are means over sweeps). */
  pooled: boolean;
}

export function l0MatchedTable(f: Frame, s: ViewState): L0MatchedTable | null {
  const yDef = axisById(s.y);
  if (s.x !== 'l0' || !yDef || yDef.direction === 'control') return null;
  const l0 = num(f, 'l0');
  const y = num(f, s.y);
  const sweep = sweepKeys(f);
  const gcol = groupColumn(s);
  const context = sweepKeys(f, gcol === 'architecture' ? ['architecture'] : []);
  const groups = groupRows(f, gcol, saeRows(f)).map((g) => {
    const sweeps = [...indexBy(sweep, g.rows).values()];
    const cells = MATCHED_L0.map((t): MatchedCell => {
      const hits: { v: number; ctx: string }[] = [];
      for (const members of sweeps) {
        const v = valueAtL0(members.map((i) => ({ l0: l0[i]!, y: y[i]! })), t);
        if (v !== null) hits.push({ v, ctx: context[members[0]!]! });
      }
      return {
        value: hits.length ? hits.reduce((a, h) => a + h.v, 0) / hits.length : null,
        sweeps: hits.length, of: sweeps.length, contexts: hits.map((h) => h.ctx).sort().join('\n'),
      };
    });
    return { key: g.key, label: g.label, color: g.color, symbol: g.symbol, cells };
  }).filter((g) => g.cells.some((c) => c.value !== null));
  const mixed = MATCHED_L0.map((_, j) => new Set(groups.map((g) => g.cells[j]!).filter((c) => c.value !== null).map((c) => c.contexts)).size > 1);
  const best = MATCHED_L0.map((_, j) => {
    if (mixed[j]) return null;
    let bestIndex: number | null = null;
    groups.forEach((g, i) => {
      const v = g.cells[j]!.value;
      if (v === null) return;
      const cur = bestIndex === null ? null : groups[bestIndex]!.cells[j]!.value!;
      if (cur === null || orientedValue(yDef, v) > orientedValue(yDef, cur)) bestIndex = i;
    });
    return bestIndex;
  });
  return { targets: MATCHED_L0, groups, best, mixed, pooled: groups.some((g) => g.cells.some((c) => c.of > 1)) };
}
