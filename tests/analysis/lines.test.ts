import { describe, expect, it } from 'vitest';
import { linesPerGroup } from '../../src/analysis/lines';

describe('linesPerGroup', () => {
  it('sorts each group by x, then y, then id; drops missing values; groups sorted', () => {
    const out = linesPerGroup([
      { id: 't3', group: 'topk', x: 320, y: 0.95 },
      { id: 'r1', group: 'relu', x: 50, y: 0.8 },
      { id: 't1', group: 'topk', x: 20, y: 0.8 },
      { id: 't2b', group: 'topk', x: 80, y: 0.9 },
      { id: 't2a', group: 'topk', x: 80, y: 0.9 }, // full tie → by id
      { id: 't2c', group: 'topk', x: 80, y: 0.85 }, // x tie → by y
      { id: 'tn', group: 'topk', x: null, y: 0.9 },
      { id: 'tnan', group: 'topk', x: 40, y: Number.NaN },
      { id: 'r0', group: 'relu', x: 25, y: 0.7 },
    ]);
    expect(out.map((g) => g.group)).toEqual(['relu', 'topk']);
    expect(out[0]?.points.map((p) => p.id)).toEqual(['r0', 'r1']);
    expect(out[1]?.points.map((p) => p.id)).toEqual(['t1', 't2c', 't2a', 't2b', 't3']);
    expect(out[1]?.dropped).toEqual(['tn', 'tnan']);
    expect(out[0]?.dropped).toEqual([]);
    expect(out[1]?.points[0]).toEqual({ id: 't1', x: 20, y: 0.8 });
  });

  it('keeps a group whose points were all dropped, with an empty line', () => {
    expect(linesPerGroup([{ id: 'a', group: 'g', x: null, y: null }])).toEqual([
      { group: 'g', points: [], dropped: ['a'] },
    ]);
  });

  it('is total on empty input and deterministic under input permutation', () => {
    expect(linesPerGroup([])).toEqual([]);
    const pts = [
      { id: 'b', group: 'g', x: 1, y: 1 },
      { id: 'a', group: 'g', x: 1, y: 1 },
      { id: 'c', group: 'h', x: 0, y: 2 },
    ];
    expect(linesPerGroup([...pts].reverse())).toEqual(linesPerGroup(pts));
  });
});
