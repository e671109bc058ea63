import { describe, expect, it } from 'vitest';
import { valueAtL0 } from '../../src/analysis/l0Matched.ts';
import { DEFAULT_STATE } from '../../src/state/viewState.ts';
import { l0MatchedTable } from '../../src/views/l0MatchedSpec.ts';
import { frame, sae } from '../helpers/frames.ts';

describe('value at a matched L0', () => {
  const line = [{ l0: 10, y: 0.5 }, { l0: 1000, y: 0.9 }, { l0: 100, y: 0.7 }];

  it('interpolates linearly in log L0 between the bracketing points', () => {
    expect(valueAtL0(line, 100)).toBe(0.7); // a point itself
    expect(valueAtL0(line, Math.sqrt(10 * 100))).toBeCloseTo(0.6, 12); // halfway in log between 10 and 100
    expect(valueAtL0(line, 200)).toBeCloseTo(0.7 + (Math.log(2) / Math.log(10)) * 0.2, 12);
  });

  it('never extrapolates and ignores unusable points', () => {
    expect(valueAtL0(line, 5)).toBeNull();
    expect(valueAtL0(line, 2000)).toBeNull();
    expect(valueAtL0([], 50)).toBeNull();
    expect(valueAtL0([{ l0: 0, y: 1 }, { l0: Number.NaN, y: 1 }, { l0: 50, y: Number.NaN }], 50)).toBeNull();
    expect(valueAtL0(line, 0)).toBeNull();
  });

  it('averages points that share an L0', () => {
    expect(valueAtL0([{ l0: 50, y: 0.2 }, { l0: 50, y: 0.4 }], 50)).toBeCloseTo(0.3, 12);
  });
});

describe('matched-L0 table, per sweep', () => {
  const rows = frame([
    sae('a', 'topk', 20, 0.9, { absorption_fraction: 0.3 }), sae('b', 'topk', 200, 0.99, { absorption_fraction: 0.1 }),
    sae('c', 'gated', 50, 0.95, { absorption_fraction: 0.05 }), sae('d', 'gated', 100, 0.97, { absorption_fraction: 0.2 }),
  ]);

  it('marks the best group per column by the metric direction, only where X is L0', () => {
    const t = l0MatchedTable(rows, DEFAULT_STATE)!;
    expect(t.groups.map((g) => g.label)).toEqual(['Gated', 'TopK']);
    expect(t.groups[0]!.cells.map((c) => c.value)).toEqual([null, 0.95, 0.97, null]);
    // TopK at 50: 0.9 + log10(50/20)·0.09 ≈ 0.936 < Gated's 0.95; at 100: ≈ 0.963 < 0.97.
    expect(t.groups[1]!.cells[1]!.value).toBeCloseTo(0.9 + Math.log10(2.5) * 0.09, 12);
    expect(t.best).toEqual([1, 0, 0, 1]);
    expect(t.pooled).toBe(false);
    const absorption = l0MatchedTable(rows, { ...DEFAULT_STATE, y: 'absorption_fraction' })!;
    expect(absorption.best[1]).toBe(0); // lower is better: Gated's 0.05 at L0 50
    expect(l0MatchedTable(rows, { ...DEFAULT_STATE, x: 'ce_loss_score', y: 'l0' })).toBeNull();
  });

  it('never interpolates between two sweeps of one group', () => {
    // TopK's L0 = 20 point is at 4k and its L0 = 190 point at 65k: no sweep of TopK reaches L0 = 50.
    const t = l0MatchedTable(frame([sae('a', 'topk', 20, 0.9), sae('b', 'topk', 190, 0.99, { dict_size: 65536 })]), DEFAULT_STATE)!;
    expect(t.groups).toEqual([]); // a group with no value at any target L0 is left out
  });

  it('averages a group over its sweeps, counts them, and marks no best where groups cover different sweeps', () => {
    const data = frame([
      sae('a', 'topk', 20, 0.9), sae('b', 'topk', 40, 0.94), sae('p1', 'topk', 20, 0.8, { model: 'p' }), sae('p2', 'topk', 40, 0.84, { model: 'p' }),
      sae('g1', 'gated', 20, 0.85), sae('g2', 'gated', 40, 0.99),
    ]);
    const t = l0MatchedTable(data, { ...DEFAULT_STATE, model: [] })!;
    const topk = t.groups.find((g) => g.key === 'topk')!;
    const at = (l0: number) => 0.9 + (Math.log(l0 / 20) / Math.log(2)) * 0.04;
    expect(topk.cells[0]!.value).toBeCloseTo((at(25) + at(25) - 0.1) / 2, 12);
    expect(topk.cells[0]).toMatchObject({ sweeps: 2, of: 2 });
    expect(t.pooled).toBe(true);
    // TopK averages models m and p, Gated only m: not comparable, so no bold cell.
    expect(t.mixed[0]).toBe(true);
    expect(t.best[0]).toBeNull();
  });
});
