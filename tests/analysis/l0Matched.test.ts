import { describe, expect, it } from 'vitest';
import { valueAtL0 } from '../../src/analysis/l0Matched.ts';
import { DEFAULT_STATE } from '../../src/state/viewState.ts';
import { l0MatchedTable } from '../../src/views/l0MatchedSpec.ts';

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

describe('matched-L0 table', () => {
  const row = (id: string, architecture: string, l0: number, ce: number, absorption: number) =>
    ({ sae_id: id, architecture, l0, ce_loss_score: ce, absorption_fraction: absorption, is_baseline: false });
  const rows = [row('a', 'topk', 20, 0.9, 0.3), row('b', 'topk', 200, 0.99, 0.1), row('c', 'gated', 50, 0.95, 0.05), row('d', 'gated', 100, 0.97, 0.2)];

  it('marks the best group per column by the metric direction, only where X is L0', () => {
    const t = l0MatchedTable(rows, DEFAULT_STATE)!;
    expect(t.groups.map((g) => g.label)).toEqual(['Gated', 'TopK']);
    expect(t.groups[0]!.values).toEqual([null, 0.95, 0.97, null]);
    // TopK at 50: 0.9 + log10(50/20)·0.09 ≈ 0.936 < Gated's 0.95; at 100: ≈ 0.963 < 0.97.
    expect(t.groups[1]!.values[1]).toBeCloseTo(0.9 + Math.log10(2.5) * 0.09, 12);
    expect(t.best).toEqual([1, 0, 0, 1]);
    const absorption = l0MatchedTable(rows, { ...DEFAULT_STATE, y: 'absorption_fraction' })!;
    expect(absorption.best[1]).toBe(0); // lower is better: Gated's 0.05 at L0 50
    expect(l0MatchedTable(rows, { ...DEFAULT_STATE, x: 'ce_loss_score', y: 'l0' })).toBeNull();
  });
});
