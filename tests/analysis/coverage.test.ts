import { describe, expect, it } from 'vitest';
import { completeRows, coverageMatrix, isCompleteRow } from '../../src/analysis/coverage';

const evals = [
  { id: 'core', column: 'ce_loss_score' },
  { id: 'absorption', column: 'absorption_fraction' },
  { id: 'ravel', column: 'ravel_disentanglement' },
];

describe('coverageMatrix', () => {
  const rows: Record<string, unknown>[] = [
    { model: 'pythia-160m', ce_loss_score: 0.9, absorption_fraction: 0.1, ravel_disentanglement: null },
    { model: 'pythia-160m', ce_loss_score: 0.8, absorption_fraction: Number.NaN },
    { model: 'gemma-2-2b', ce_loss_score: 0, absorption_fraction: undefined, ravel_disentanglement: 0.5 },
    { model: 'gemma-2-2b', ce_loss_score: 0.7, ravel_disentanglement: 'n/a' }, // strings count as present
    { model: 'gemma-2-2b', ce_loss_score: null },
  ];

  it('counts present values per (key, eval), dense with zeros, keys sorted', () => {
    const m = coverageMatrix(rows, (r) => String(r['model']), evals);
    expect(m.keys).toEqual(['gemma-2-2b', 'pythia-160m']);
    expect(m.evalIds).toEqual(['core', 'absorption', 'ravel']);
    expect(m.cells).toEqual([
      { key: 'gemma-2-2b', evalId: 'core', count: 2, total: 3 }, // 0 counts, null does not
      { key: 'gemma-2-2b', evalId: 'absorption', count: 0, total: 3 },
      { key: 'gemma-2-2b', evalId: 'ravel', count: 2, total: 3 },
      { key: 'pythia-160m', evalId: 'core', count: 2, total: 2 },
      { key: 'pythia-160m', evalId: 'absorption', count: 1, total: 2 }, // NaN is missing
      { key: 'pythia-160m', evalId: 'ravel', count: 0, total: 2 },
    ]);
  });

  it('is total on empty inputs', () => {
    expect(coverageMatrix([], () => 'k', evals)).toEqual({
      keys: [],
      evalIds: ['core', 'absorption', 'ravel'],
      cells: [],
    });
    expect(coverageMatrix(rows, () => 'all', [])).toEqual({ keys: ['all'], evalIds: [], cells: [] });
  });

  it('supports a typed row and a single bucket key', () => {
    interface Row extends Record<string, unknown> {
      id: string;
      v: number | null;
    }
    const typed: Row[] = [
      { id: 'a', v: 1 },
      { id: 'b', v: null },
    ];
    const m = coverageMatrix(typed, () => 'all', [{ id: 'v', column: 'v' }]);
    expect(m.cells).toEqual([{ key: 'all', evalId: 'v', count: 1, total: 2 }]);
  });
});

describe('completeRows', () => {
  it('keeps rows present in every listed column, in order', () => {
    const rows = [
      { id: 1, a: 1, b: 2 },
      { id: 2, a: null, b: 2 },
      { id: 3, a: 0, b: Number.NaN },
      { id: 4, a: 0, b: 0 },
    ];
    expect(completeRows(rows, ['a', 'b']).map((r) => r.id)).toEqual([1, 4]);
    expect(completeRows(rows, []).length).toBe(4);
    expect(completeRows([], ['a'])).toEqual([]);
    expect(isCompleteRow({ a: 1 }, ['a', 'missing'])).toBe(false);
  });
});
