import { describe, expect, it } from 'vitest';
import {
  betterCorner,
  frontierLineShape,
  paretoDirection,
  paretoFrontier,
  stepPolyline,
  type FrontierInput,
  type ParetoDirection,
} from '../../src/analysis/frontier';

const byId = (r: ReturnType<typeof paretoFrontier>, id: string) => {
  const p = r.points.find((q) => q.id === id);
  if (!p) throw new Error(`no point ${id}`);
  return p;
};

describe('paretoFrontier: hand-checked example (L0 lower-is-better vs loss recovered higher)', () => {
  // Better corner: top-left. Hand check:
  //  A(20,.80)  nobody has x<=20 → frontier
  //  B(40,.90)  only A has smaller x, but lower y → frontier
  //  C(40,.85)  B: same x, higher y → dominated by [B]
  //  D(80,.88)  B: x 40<80, y .90>.88 → [B]  (C: .85<.88 no; A: .80 no)
  //  E(160,.95) highest y among x<=160 → frontier
  //  F(320,.95) E: x smaller, same y → [E]
  //  G(100,null) excluded
  //  H(500,.70) everyone valid with x<500 and y>.70: A,B,C,D,E,F; frontier subset A,B,E
  const pts: FrontierInput[] = [
    { id: 'A', x: 20, y: 0.8 },
    { id: 'B', x: 40, y: 0.9 },
    { id: 'C', x: 40, y: 0.85 },
    { id: 'D', x: 80, y: 0.88 },
    { id: 'E', x: 160, y: 0.95 },
    { id: 'F', x: 320, y: 0.95 },
    { id: 'G', x: 100, y: null },
    { id: 'H', x: 500, y: 0.7 },
  ];
  const r = paretoFrontier(pts, 'lower', 'higher');

  it('flags frontier membership and dominators', () => {
    expect(r.points.map((p) => p.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(r.points.filter((p) => p.onFrontier).map((p) => p.id)).toEqual(['A', 'B', 'E']);
    expect(byId(r, 'C').dominatedBy).toEqual(['B']);
    expect(byId(r, 'D').dominatedBy).toEqual(['B']);
    expect(byId(r, 'F').dominatedBy).toEqual(['E']);
    expect(byId(r, 'H').dominatedBy).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(byId(r, 'H').dominatedByFrontier).toEqual(['A', 'B', 'E']);
    expect(byId(r, 'A').dominatedBy).toEqual([]);
    expect(byId(r, 'G')).toMatchObject({ excluded: true, onFrontier: false, dominatedBy: [] });
    expect(r.points.filter((p) => p.excluded).map((p) => p.id)).toEqual(['G']);
  });

  it('returns the ordered frontier, hv step shape and expanded polyline', () => {
    expect(r.frontier).toEqual([
      { id: 'A', x: 20, y: 0.8 },
      { id: 'B', x: 40, y: 0.9 },
      { id: 'E', x: 160, y: 0.95 },
    ]);
    expect(r.lineShape).toBe('hv');
    expect(r.stepPolyline).toEqual([
      { x: 20, y: 0.8 },
      { x: 40, y: 0.8 },
      { x: 40, y: 0.9 },
      { x: 160, y: 0.9 },
      { x: 160, y: 0.95 },
    ]);
    expect(r.corner).toEqual({
      corner: 'top-left',
      label: 'better: up and left',
      subtitle: 'up and to the left is better',
    });
  });
});

describe('paretoFrontier: all four direction combinations on a diamond', () => {
  // a(1,2) b(2,1) c(2,3) d(3,2)
  const diamond: FrontierInput[] = [
    { id: 'a', x: 1, y: 2 },
    { id: 'b', x: 2, y: 1 },
    { id: 'c', x: 2, y: 3 },
    { id: 'd', x: 3, y: 2 },
  ];
  const cases: {
    dx: ParetoDirection;
    dy: ParetoDirection;
    front: string[];
    dominated: Record<string, string[]>;
    shape: 'hv' | 'vh';
    poly: [number, number][];
    corner: string;
    label: string;
  }[] = [
    {
      // max/max: c and d trade off; each dominates a and b (c>=a: 2>1,3>2; c>=b: 2=2,3>1; d>=a: 3>1,2=2; d>=b)
      dx: 'higher', dy: 'higher', front: ['c', 'd'], dominated: { a: ['c', 'd'], b: ['c', 'd'] },
      shape: 'vh', poly: [[2, 3], [2, 2], [3, 2]], corner: 'top-right', label: 'better: up and right',
    },
    {
      dx: 'lower', dy: 'lower', front: ['a', 'b'], dominated: { c: ['a', 'b'], d: ['a', 'b'] },
      shape: 'hv', poly: [[1, 2], [2, 2], [2, 1]], corner: 'bottom-left', label: 'better: down and left',
    },
    {
      dx: 'lower', dy: 'higher', front: ['a', 'c'], dominated: { b: ['a', 'c'], d: ['a', 'c'] },
      shape: 'hv', poly: [[1, 2], [2, 2], [2, 3]], corner: 'top-left', label: 'better: up and left',
    },
    {
      dx: 'higher', dy: 'lower', front: ['b', 'd'], dominated: { a: ['b', 'd'], c: ['b', 'd'] },
      shape: 'vh', poly: [[2, 1], [2, 2], [3, 2]], corner: 'bottom-right', label: 'better: down and right',
    },
  ];
  for (const c of cases) {
    it(`x ${c.dx}, y ${c.dy}`, () => {
      const r = paretoFrontier(diamond, c.dx, c.dy);
      expect(r.frontier.map((p) => p.id)).toEqual(c.front);
      for (const p of r.points) {
        expect(p.dominatedBy).toEqual(c.dominated[p.id] ?? []);
        expect(p.onFrontier).toBe(c.front.includes(p.id));
      }
      expect(r.lineShape).toBe(c.shape);
      expect(r.stepPolyline).toEqual(c.poly.map(([x, y]) => ({ x, y })));
      expect(r.corner.corner).toBe(c.corner);
      expect(r.corner.label).toBe(c.label);
    });
  }
});

describe('paretoFrontier: edge cases', () => {
  it('empty input', () => {
    const r = paretoFrontier([], 'higher', 'higher');
    expect(r.points).toEqual([]);
    expect(r.frontier).toEqual([]);
    expect(r.stepPolyline).toEqual([]);
  });

  it('one point', () => {
    const r = paretoFrontier([{ id: 'only', x: 5, y: 7 }], 'lower', 'higher');
    expect(r.points[0]).toMatchObject({ onFrontier: true, excluded: false, dominatedBy: [] });
    expect(r.frontier).toEqual([{ id: 'only', x: 5, y: 7 }]);
    expect(r.stepPolyline).toEqual([{ x: 5, y: 7 }]);
  });

  it('missing values: null, NaN and Infinity are excluded and never dominate', () => {
    const r = paretoFrontier(
      [
        { id: 'n', x: null, y: 100 },
        { id: 'nan', x: 1000, y: Number.NaN },
        { id: 'inf', x: Number.POSITIVE_INFINITY, y: 1000 },
        { id: 'ok', x: 1, y: 1 },
      ],
      'higher',
      'higher',
    );
    expect(r.points.map((p) => [p.id, p.excluded, p.onFrontier])).toEqual([
      ['n', true, false],
      ['nan', true, false],
      ['inf', true, false],
      ['ok', false, true],
    ]);
    expect(r.frontier.map((p) => p.id)).toEqual(['ok']);
    expect(r.points[0]?.x).toBeNull(); // original values are echoed back untouched
  });

  it('all points missing', () => {
    const r = paretoFrontier([{ id: 'a', x: null, y: null }], 'higher', 'lower');
    expect(r.points[0]).toMatchObject({ excluded: true, onFrontier: false });
    expect(r.frontier).toEqual([]);
    expect(r.stepPolyline).toEqual([]);
  });

  it('duplicate points are both on the frontier and both dominate a worse point', () => {
    const r = paretoFrontier(
      [
        { id: 'd2', x: 1, y: 1 },
        { id: 'd1', x: 1, y: 1 },
        { id: 'w', x: 0, y: 0 },
      ],
      'higher',
      'higher',
    );
    expect(r.points.map((p) => p.onFrontier)).toEqual([true, true, false]);
    expect(r.points[0]?.dominatedBy).toEqual([]);
    expect(r.points[2]?.dominatedBy).toEqual(['d2', 'd1']);
    // frontier ties on x and y are ordered by id; the polyline does not repeat the vertex
    expect(r.frontier.map((p) => p.id)).toEqual(['d1', 'd2']);
    expect(r.stepPolyline).toEqual([{ x: 1, y: 1 }]);
  });

  it('ties on one axis: the better value on the other axis strictly dominates', () => {
    const sameX = paretoFrontier(
      [
        { id: 'lo', x: 3, y: 1 },
        { id: 'hi', x: 3, y: 2 },
      ],
      'higher',
      'higher',
    );
    expect(sameX.points.map((p) => [p.id, p.onFrontier, p.dominatedBy])).toEqual([
      ['lo', false, ['hi']],
      ['hi', true, []],
    ]);
    const sameY = paretoFrontier(
      [
        { id: 'l', x: 1, y: 5 },
        { id: 'r', x: 2, y: 5 },
      ],
      'lower',
      'lower',
    );
    expect(sameY.points.map((p) => [p.id, p.onFrontier])).toEqual([
      ['l', true],
      ['r', false],
    ]);
  });

  it("treats 'control' as lower-is-better", () => {
    const pts = [
      { id: 'a', x: 10, y: 0.5 },
      { id: 'b', x: 20, y: 0.5 },
    ];
    expect(paretoFrontier(pts, 'control', 'higher')).toEqual(paretoFrontier(pts, 'lower', 'higher'));
    expect(paretoDirection('control')).toBe('lower');
    expect(paretoDirection('higher')).toBe('higher');
    expect(betterCorner('control', 'higher').label).toBe('better: up and left');
    expect(frontierLineShape('control')).toBe('hv');
  });

  it('does not mutate its input', () => {
    const pts = [
      { id: 'b', x: 2, y: 1 },
      { id: 'a', x: 1, y: 2 },
    ];
    const copy = structuredClone(pts);
    paretoFrontier(pts, 'higher', 'higher');
    expect(pts).toEqual(copy);
  });
});

describe('paretoFrontier: invariants on random data', () => {
  // deterministic LCG
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const dirs: ParetoDirection[] = ['higher', 'lower'];
  for (const dx of dirs) {
    for (const dy of dirs) {
      it(`x ${dx}, y ${dy}`, () => {
        // small integer grid → many ties and duplicates
        const pts: FrontierInput[] = Array.from({ length: 60 }, (_, i) => ({
          id: `p${i}`,
          x: rnd() < 0.05 ? null : Math.floor(rnd() * 8),
          y: Math.floor(rnd() * 8),
        }));
        const r = paretoFrontier(pts, dx, dy);
        const sx = dx === 'higher' ? 1 : -1;
        const sy = dy === 'higher' ? 1 : -1;
        const dom = (a: FrontierInput, b: FrontierInput) => {
          const ax = sx * (a.x as number), ay = sy * (a.y as number);
          const bx = sx * (b.x as number), by = sy * (b.y as number);
          return ax >= bx && ay >= by && (ax > bx || ay > by);
        };
        const valid = pts.filter((p) => p.x !== null && p.y !== null);
        for (const p of r.points) {
          const input = pts.find((q) => q.id === p.id) as FrontierInput;
          if (p.excluded) continue;
          const expected = valid.filter((a) => dom(a, input)).map((a) => a.id);
          expect(p.dominatedBy).toEqual(expected);
          expect(p.onFrontier).toBe(expected.length === 0);
          if (!p.onFrontier) expect(p.dominatedByFrontier.length).toBeGreaterThan(0);
        }
        // frontier is sorted by x and monotone in y in the trade-off direction
        for (let i = 1; i < r.frontier.length; i++) {
          const prev = r.frontier[i - 1];
          const cur = r.frontier[i];
          if (!prev || !cur) throw new Error('unreachable');
          expect(cur.x).toBeGreaterThanOrEqual(prev.x);
          if (cur.x > prev.x) expect(sx * sy * (cur.y - prev.y)).toBeLessThan(0);
          else expect(cur.y).toBe(prev.y); // equal x on the frontier only for duplicates
        }
      });
    }
  }
});

describe('stepPolyline', () => {
  it('inserts corners for both shapes', () => {
    const f = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
    expect(stepPolyline(f, 'hv')).toEqual([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }]);
    expect(stepPolyline(f, 'vh')).toEqual([{ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 }]);
    expect(stepPolyline([], 'hv')).toEqual([]);
  });
});
