import { describe, expect, it } from 'vitest';
import { aggregateScaling, type ScalingRow } from '../../src/analysis/scaling';

describe('aggregateScaling', () => {
  const rows: ScalingRow[] = [
    { group: 'topk', x: 16384, l0: 40, value: 0.5 }, // window edge: included
    { group: 'topk', x: 16384, l0: 200, value: 0.7 }, // window edge: included
    { group: 'topk', x: 16384, l0: 80, value: 0.6 },
    { group: 'topk', x: 16384, l0: 20, value: 0.1 }, // below window
    { group: 'topk', x: 16384, l0: 200.0001, value: 0.9 }, // just above window
    { group: 'topk', x: 4096, l0: 100, value: 0.2 },
    { group: 'topk', x: 4096, l0: null, value: 0.3 }, // no L0
    { group: 'topk', x: 4096, l0: 100, value: null }, // no value
    { group: 'relu', x: 65536, l0: 150, value: Number.NaN }, // NaN value
    { group: 'relu', x: 65536, l0: 150, value: 0.4 },
    { group: 'matryoshka', x: 4096, l0: 1000, value: 0.9 }, // only out-of-window row → group omitted
    { group: 'relu', x: 4096, l0: 60, value: 0.25 },
  ];

  it('aggregates per (group, x) within the inclusive window, sorted by group then x', () => {
    const out = aggregateScaling(rows, [40, 200]);
    expect(out.map((p) => [p.group, p.x, p.n])).toEqual([
      ['relu', 4096, 1],
      ['relu', 65536, 1],
      ['topk', 4096, 1],
      ['topk', 16384, 3],
    ]);
    const t16 = out[3];
    expect(t16?.mean).toBeCloseTo(0.6, 12); // (0.5 + 0.7 + 0.6) / 3
    expect(t16?.min).toBe(0.5);
    expect(t16?.max).toBe(0.7);
    expect(out[1]).toEqual({ group: 'relu', x: 65536, mean: 0.4, min: 0.4, max: 0.4, n: 1 });
  });

  it('treats a reversed window like the ordered one', () => {
    expect(aggregateScaling(rows, [200, 40])).toEqual(aggregateScaling(rows, [40, 200]));
  });

  it('a degenerate window [a, a] keeps exactly L0 = a', () => {
    expect(aggregateScaling(rows, [100, 100])).toEqual([
      { group: 'topk', x: 4096, mean: 0.2, min: 0.2, max: 0.2, n: 1 },
    ]);
  });

  it('an unbounded window keeps every row with l0 and value', () => {
    const out = aggregateScaling(rows, [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(out.find((p) => p.group === 'topk' && p.x === 16384)?.n).toBe(5);
    expect(out.find((p) => p.group === 'matryoshka')?.n).toBe(1);
  });

  it('a NaN bound matches nothing', () => {
    expect(aggregateScaling(rows, [Number.NaN, 200])).toEqual([]);
  });

  it('is total on empty input and does not mutate rows', () => {
    expect(aggregateScaling([], [40, 200])).toEqual([]);
    const copy = structuredClone(rows);
    aggregateScaling(rows, [40, 200]);
    expect(rows).toEqual(copy);
  });
});
