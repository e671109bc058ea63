import { describe, expect, it } from 'vitest';
import {
  agreementMatrix,
  spearmanInterval,
  averageRanks,
  partialSpearman,
  pearson,
  spearman,
} from '../../src/analysis/rankCorrelation';

describe('averageRanks', () => {
  it('ranks without ties', () => {
    expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
  });
  it('averages tied ranks', () => {
    // sorted: 1 → rank 1; 2,2 → ranks 2,3 → 2.5 each; 5,5,5 → ranks 4,5,6 → 5 each
    expect(averageRanks([2, 1, 5, 2, 5, 5])).toEqual([2.5, 1, 5, 2.5, 5, 5]);
  });
  it('is total on empty input', () => {
    expect(averageRanks([])).toEqual([]);
  });
});

describe('pearson', () => {
  it('null for n < 2 or constant input', () => {
    expect(pearson([], [])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
  it('perfect linear relation', () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
  });
});

describe('spearman', () => {
  it('no ties (hand computation)', () => {
    // x ranks 1..5, y = [2,1,4,3,5] already ranks. d = [-1,1,-1,1,0], Σd² = 4
    // rho = 1 - 6·4 / (5·(25-1)) = 1 - 24/120 = 0.8
    const r = spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);
    expect(r.n).toBe(5);
    expect(r.rho).toBeCloseTo(0.8, 12);
  });

  it('uses raw values only through their ranks', () => {
    const r = spearman([0.001, 0.5, 2, 100, 1e6], [-3, -7, 0.2, 0.1, 9]);
    expect(r.rho).toBeCloseTo(0.8, 12); // same rank pattern as above
  });

  it('ties get average ranks (hand computation)', () => {
    // x = [1,2,2,3] → ranks [1, 2.5, 2.5, 4]; y = [1,2,3,4] → ranks [1,2,3,4]; both means 2.5
    // dx = [-1.5, 0, 0, 1.5], dy = [-1.5, -0.5, 0.5, 1.5]
    // Sxy = 2.25 + 0 + 0 + 2.25 = 4.5; Sxx = 4.5; Syy = 2.25+0.25+0.25+2.25 = 5
    // rho = 4.5 / sqrt(4.5·5) = sqrt(0.9) ≈ 0.9486833
    // (the no-ties shortcut 1 - 6Σd²/(n(n²-1)) would give 1 - 6·0.5/60 = 0.95: wrong)
    const r = spearman([1, 2, 2, 3], [1, 2, 3, 4]);
    expect(r.n).toBe(4);
    expect(r.rho).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it('pairwise-complete with missing data (hand computation)', () => {
    // complete pairs: i0 (10,1), i3 (40,3), i5 (60,2); i1 x null, i2 y null, i4 x NaN, i6 y Infinity
    // x ranks [1,2,3], y ranks [1,3,2]; d = [0,-1,1], Σd² = 2; rho = 1 - 12/(3·8) = 0.5
    const r = spearman(
      [10, null, 30, 40, Number.NaN, 60, 50],
      [1, 5, null, 3, 7, 2, Number.POSITIVE_INFINITY],
    );
    expect(r.n).toBe(3);
    expect(r.rho).toBeCloseTo(0.5, 12);
  });

  it('null when n < 3', () => {
    expect(spearman([1, 2], [2, 1])).toEqual({ rho: null, n: 2 });
    expect(spearman([1, 2, null], [1, 2, 3])).toEqual({ rho: null, n: 2 });
    expect(spearman([], [])).toEqual({ rho: null, n: 0 });
  });

  it('null when a variable is constant on the complete pairs', () => {
    expect(spearman([1, 2, 3, 4], [5, 5, 5, 5])).toEqual({ rho: null, n: 4 });
    // constant only after dropping the incomplete pair
    expect(spearman([7, 7, 7, 1], [1, 2, 3, null])).toEqual({ rho: null, n: 3 });
  });

  it('unequal lengths: pairs up to the shorter array', () => {
    expect(spearman([1, 2, 3, 4], [1, 2, 3])).toEqual({ rho: 1, n: 3 });
  });
});

describe('partialSpearman', () => {
  it('no ties (hand computation)', () => {
    // ranks: x [1,2,3,4], y [2,1,4,3], z [2,1,3,4]   (z = L0 [40,20,80,160])
    // r_xy: d = [-1,1,-1,1], Σd² = 4 → 1 - 24/60 = 0.6
    // r_xz: d = [-1,1,0,0],  Σd² = 2 → 1 - 12/60 = 0.8
    // r_yz: d = [0,0,1,-1],  Σd² = 2 → 0.8
    // partial = (0.6 - 0.8·0.8) / sqrt((1-0.64)(1-0.64)) = -0.04 / 0.36 = -1/9
    const r = partialSpearman([0.1, 0.2, 0.3, 0.4], [20, 10, 40, 30], [40, 20, 80, 160]);
    expect(r.n).toBe(4);
    expect(r.rho).toBeCloseTo(-1 / 9, 12);
  });

  it('ties and missing data (hand computation)', () => {
    // complete triples: i0..i4 (i5: z null, i6: x NaN, i7: y undefined)
    // rx = [1,2.5,2.5,4,5], ry = [1,2,3,4,5], rz = [2,1,3,5,4]; all means 3
    // dx = [-2,-.5,-.5,1,2], dy = [-2,-1,0,1,2], dz = [-1,-2,0,2,1]
    // Sxx = 9.5, Syy = 10, Szz = 10, Sxy = 9.5, Sxz = 7, Syz = 8
    // r_xy = 9.5/√95, r_xz = 7/√95, r_yz = 0.8
    // numerator = (9.5 - 0.8·7)/√95 = 3.9/√95
    // denominator = sqrt((1 - 49/95)(1 - 0.64)) = 0.6·√46/√95
    // partial = 3.9 / (0.6·√46) = 6.5/√46 ≈ 0.958373
    const r = partialSpearman(
      [1, 2, 2, 4, 5, 6, Number.NaN, 8],
      [1, 2, 3, 4, 5, 6, 7, undefined],
      [2, 1, 3, 5, 4, null, 7, 8],
    );
    expect(r.n).toBe(5);
    expect(r.rho).toBeCloseTo(6.5 / Math.sqrt(46), 12);
  });

  it('null when n < 4 (zero residual degrees of freedom)', () => {
    expect(partialSpearman([1, 2, 3], [1, 3, 2], [2, 1, 3])).toEqual({ rho: null, n: 3 });
    expect(partialSpearman([], [], [])).toEqual({ rho: null, n: 0 });
  });

  it('null when z is perfectly rank-correlated with x, or a variable is constant', () => {
    expect(partialSpearman([1, 2, 3, 4], [2, 1, 4, 3], [10, 20, 30, 40]).rho).toBeNull();
    expect(partialSpearman([1, 2, 3, 4], [2, 1, 4, 3], [5, 5, 5, 5]).rho).toBeNull();
  });

  it('equals plain Spearman when z is rank-uncorrelated with x and y', () => {
    // rx = [1,2,3,4,5], ry = [1,3,5,2,4], rz = [2,3,4,5,1]; n(n²-1) = 120
    // r_xy: d = [0,-1,-2,2,1], Σd² = 10 → 1 - 60/120 = 0.5
    // r_xz: d = [-1,-1,-1,-1,4], Σd² = 20 → 1 - 120/120 = 0
    // r_yz: d = [-1,0,1,-3,3], Σd² = 20 → 0
    // partial = (0.5 - 0)/sqrt(1·1) = 0.5
    const r = partialSpearman([1, 2, 3, 4, 5], [1, 3, 5, 2, 4], [2, 3, 4, 5, 1]);
    expect(r.n).toBe(5);
    expect(r.rho).toBeCloseTo(0.5, 12);
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 5, 2, 4]).rho).toBeCloseTo(0.5, 12);
  });
});

/** Rows of objects -> one array per key (agreementMatrix reads columns). */
const columns = (rows: readonly Record<string, unknown>[]): Record<string, unknown[]> => {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])]));
};

describe('spearmanInterval', () => {
  it('is Fisher z with the 1.06/(n − 3 − k) variance, symmetric in z, and undefined for tiny n', () => {
    const [lo, hi] = spearmanInterval(0.5, 42)!;
    const half = 1.959963984540054 * Math.sqrt(1.06 / 39);
    expect(lo).toBeCloseTo(Math.tanh(Math.atanh(0.5) - half), 12);
    expect(hi).toBeCloseTo(Math.tanh(Math.atanh(0.5) + half), 12);
    expect(spearmanInterval(0.5, 42, 1)![0]).toBeLessThan(lo);
    expect(spearmanInterval(0.5, 3)).toBeNull();
    expect(spearmanInterval(0.5, 4, 1)).toBeNull();
    expect(spearmanInterval(null, 40)).toBeNull();
    expect(spearmanInterval(-1, 10)).toEqual([-1, -1]);
  });
});

describe('agreementMatrix', () => {
  const table: Record<string, unknown>[] = [
    { a: 1, b: 2, c: 5, l0: 40 },
    { a: 2, b: 1, c: 4, l0: 20 },
    { a: 3, b: 4, c: 3, l0: 80 },
    { a: 4, b: 3, c: 2, l0: 160 },
    { a: 5, b: 5, c: null, l0: 0 }, // c missing; l0 = 0 dropped by the log transform
    { a: 'x', b: 6, c: 1, l0: undefined }, // non-numeric a is missing
  ];
  const rows = columns(table);

  it('returns k² cells in row-major order, symmetric, with pairwise n', () => {
    const cells = agreementMatrix(rows, ['a', 'b', 'c']);
    expect(cells.map((c) => `${c.a}/${c.b}`)).toEqual([
      'a/a', 'a/b', 'a/c', 'b/a', 'b/b', 'b/c', 'c/a', 'c/b', 'c/c',
    ]);
    const get = (a: string, b: string) => cells.find((c) => c.a === a && c.b === b);
    expect(get('a', 'a')).toEqual({ a: 'a', b: 'a', rho: 1, n: 5 });
    // a,b complete on rows 0..4: a ranks [1..5], b ranks [2,1,4,3,5]: rho 0.8 (see spearman test)
    expect(get('a', 'b')?.n).toBe(5);
    expect(get('a', 'b')?.rho).toBeCloseTo(0.8, 12);
    expect(get('b', 'a')).toEqual({ ...get('a', 'b'), a: 'b', b: 'a' });
    // a,c complete on rows 0..3: a increasing, c decreasing → -1
    expect(get('a', 'c')).toEqual({ a: 'a', b: 'c', rho: -1, n: 4 });
    // b,c complete on rows 0..3 and 5: b [2,1,4,3,6] c [5,4,3,2,1]
    expect(get('b', 'c')?.n).toBe(5);
    expect(get('c', 'c')).toEqual({ a: 'c', b: 'c', rho: 1, n: 5 });
  });

  it('partial correlation controlling for log L0', () => {
    const cells = agreementMatrix(rows, ['a', 'b', 'l0'], { controlFor: 'l0', transformControl: 'log' });
    const get = (a: string, b: string) => cells.find((c) => c.a === a && c.b === b);
    // a,b,l0 complete with l0 > 0: rows 0..3 → exactly the -1/9 hand computation above
    expect(get('a', 'b')?.n).toBe(4);
    expect(get('a', 'b')?.rho).toBeCloseTo(-1 / 9, 12);
    // controlling a metric for itself is undefined
    expect(get('l0', 'a')?.rho).toBeNull();
    expect(get('l0', 'l0')?.rho).toBeNull();
    expect(get('a', 'a')?.rho).toBeCloseTo(1, 12);
  });

  it('without the log transform, l0 = 0 is kept (ranks are transform-invariant otherwise)', () => {
    const cells = agreementMatrix(rows, ['a', 'b'], { controlFor: 'l0' });
    expect(cells.find((c) => c.a === 'a' && c.b === 'b')?.n).toBe(5);
  });

  it('accepts bigint cells', () => {
    const big = [
      { a: 1n, b: 1 },
      { a: 2n, b: 3 },
      { a: 3n, b: 2 },
    ];
    expect(agreementMatrix(columns(big), ['a', 'b'])[1]).toEqual({ a: 'a', b: 'b', rho: 0.5, n: 3 });
  });

  it('is total on empty input', () => {
    expect(agreementMatrix({}, [])).toEqual([]);
    expect(agreementMatrix({}, ['a'])).toEqual([{ a: 'a', b: 'a', rho: null, n: 0 }]);
    expect(agreementMatrix(rows, ['missing'])).toEqual([{ a: 'missing', b: 'missing', rho: null, n: 0 }]);
  });
});
