import { describe, expect, it } from 'vitest';
import { aggregateScaling, unevenCounts, type ScalingRow } from '../../src/analysis/scaling';

const row = (id: string, group: string, x: number, l0: number | null, value: number | null, curve = 'c'): ScalingRow => ({ id, group, curve, x, l0, value });

describe('aggregateScaling', () => {
  const rows: ScalingRow[] = [
    row('t1', 'topk', 16384, 40, 0.5), // on the lower edge: included
    row('t2', 'topk', 16384, 200, 0.7), // on the upper edge: included
    row('t3', 'topk', 16384, 80, 0.6),
    row('t4', 'topk', 16384, 20, 0.1), // below the window
    row('t5', 'topk', 16384, 200.0001, 0.9), // just above it
    row('t6', 'topk', 4096, 100, 0.2),
    row('t7', 'topk', 4096, null, 0.3), // no L0
    row('t8', 'topk', 4096, 100, null), // no value
    row('r1', 'relu', 65536, 150, Number.NaN), // NaN value
    row('r2', 'relu', 65536, 150, 0.4),
    row('m1', 'matryoshka', 4096, 1000, 0.9), // only out-of-window row: no point
    row('r3', 'relu', 4096, 60, 0.25),
  ];

  it('aggregates per (group, curve, x) within the inclusive window, sorted by group, curve, x', () => {
    const { points } = aggregateScaling(rows, [40, 200]);
    expect(points.map((p) => [p.group, p.x, p.n])).toEqual([['relu', 4096, 1], ['relu', 65536, 1], ['topk', 4096, 1], ['topk', 16384, 3]]);
    const t16 = points[3]!;
    expect(t16.mean).toBeCloseTo(0.6, 12);
    expect(t16).toMatchObject({ min: 0.5, max: 0.7, ids: ['t1', 't2', 't3'] });
  });

  it('reports SAEs within 3 % of an edge: their membership hinges on noise', () => {
    const { nearEdge } = aggregateScaling(rows, [40, 200]);
    expect(nearEdge.map((e) => [e.id, e.edge])).toEqual([['t1', 40], ['t2', 200], ['t5', 200]]);
    // TopK's k = 40 trainer measures 39.997: with the paper's [40, 200] it would be out, and it is flagged.
    const k40 = aggregateScaling([row('k40', 'topk', 65536, 39.997, 0.9)], [40, 200]);
    expect(k40.points).toEqual([]);
    expect(k40.nearEdge).toEqual([{ id: 'k40', l0: 39.997, edge: 40 }]);
    // With the lower edge at 36 it counts and nothing is close to an edge.
    expect(aggregateScaling([row('k40', 'topk', 65536, 39.997, 0.9)], [36, 200])).toMatchObject({ points: [{ n: 1 }], nearEdge: [] });
  });

  it('keeps curves apart', () => {
    const { points } = aggregateScaling([row('a', 'topk', 4096, 50, 0.5, 'gemma'), row('b', 'topk', 4096, 50, 0.7, 'pythia')], [40, 200]);
    expect(points.map((p) => [p.curve, p.mean])).toEqual([['gemma', 0.5], ['pythia', 0.7]]);
  });

  it('swaps a reversed window and says so; a NaN bound matches nothing', () => {
    expect(aggregateScaling(rows, [200, 40])).toMatchObject({ window: [40, 200], reversed: true });
    expect(aggregateScaling(rows, [200, 40]).points).toEqual(aggregateScaling(rows, [40, 200]).points);
    expect(aggregateScaling(rows, [Number.NaN, 200]).points).toEqual([]);
  });

  it('is total on empty input and does not mutate rows', () => {
    expect(aggregateScaling([], [40, 200]).points).toEqual([]);
    const copy = structuredClone(rows);
    aggregateScaling(rows, [40, 200]);
    expect(rows).toEqual(copy);
  });

  it('finds x values where groups average over different numbers of SAEs', () => {
    const { points } = aggregateScaling([row('a', 'topk', 4096, 50, 1), row('b', 'topk', 4096, 60, 1), row('c', 'relu', 4096, 50, 1), row('d', 'relu', 16384, 50, 1), row('e', 'topk', 16384, 50, 1)], [40, 200]);
    expect(unevenCounts(points)).toEqual([{ curve: 'c', x: 4096, counts: [{ group: 'relu', n: 1 }, { group: 'topk', n: 2 }] }]);
  });
});
