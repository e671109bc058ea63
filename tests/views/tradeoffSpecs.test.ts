import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type ViewState } from '../../src/state/viewState.ts';
import { agreementColor, agreementTextDark, agreementView } from '../../src/views/agreementSpec.ts';
import { baselineOverlay } from '../../src/views/baselines.ts';
import { GRID_PANELS, gridSpec } from '../../src/views/gridSpec.ts';
import { DEFAULT_EXPORT, paperFigure, ptToPx, type ExportOptions } from '../../src/views/paperFigure.ts';
import { logTickValues, tickLabel } from '../../src/views/ticks.ts';
import { paretoSpec, paretoStatus } from '../../src/views/paretoSpec.ts';
import { scalingExportRows, scalingSpec } from '../../src/views/scalingSpec.ts';
import { scatterSpec } from '../../src/views/scatterSpec.ts';
import { frame, pca, sae } from '../helpers/frames.ts';

const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_STATE, lines: false, ...patch });

// topk: a (20, 0.90) and b (40, 0.95) are both on the frontier, c (50, 0.93) is dominated by b.
const rows = frame([sae('a', 'topk', 20, 0.9), sae('b', 'topk', 40, 0.95), sae('c', 'topk', 50, 0.93), sae('d', 'gated', 30, 0.8), sae('e', 'gated', null, 0.99), pca]);
const baselines = frame([pca]);

describe('Pareto view', () => {
  it('draws each sweep frontier as a step line, fades dominated points and names their dominators', () => {
    const spec = paretoSpec({ rows, baselines }, view({ view: 'pareto' }));
    const topkLine = spec.traces.find((t) => t.name === 'TopK frontier')!;
    expect(topkLine).toMatchObject({ mode: 'lines', x: [20, 40, 40], y: [0.9, 0.9, 0.95] });
    const dominated = spec.traces.find((t) => t.name === 'TopK (dominated)')!;
    expect(dominated.customdata).toEqual(['c']);
    expect(dominated.marker?.opacity).toBeLessThan(1);
    expect(dominated.text?.[0]).toContain('Dominated by (frontier of its sweep): b');
    expect(spec.frontierPoints).toBe(3); // a, b, d
    expect(spec.dominatedPoints).toBe(1);
    expect(spec.subtitle).toBe('Up and to the left is better; one frontier per sweep (architecture, model, layer and width)');
    // Pooled over groups, a (20, 0.9) dominates gated d (30, 0.8): TopK holds the whole frontier.
    expect(spec.pooled).toEqual([{ context: 'm L1 4k', holders: [{ label: 'TopK', count: 2 }] }]);
    // The baseline is a labelled reference marker at its own L0, never a frontier point.
    expect(spec.traces.filter((t) => t.name !== 'PCA baseline').flatMap((t) => t.customdata ?? [])).not.toContain('pca');
    expect(spec.traces.find((t) => t.name === 'PCA baseline')).toMatchObject({ x: [512], y: [1] });
  });

  it('never joins the frontiers of two sweeps of one group (a width apart)', () => {
    const two = frame([sae('a', 'topk', 20, 0.9), sae('b', 'topk', 40, 0.95), sae('w', 'topk', 30, 0.97, { dict_size: 16384 })]);
    const spec = paretoSpec({ rows: two, baselines: frame([]) }, view({ view: 'pareto', width: [] }));
    const line = spec.traces.find((t) => t.name === 'TopK frontier')!;
    expect(line.x).toEqual([20, 40, 40, null, 30]);
    expect(spec.pooled.map((p) => p.context)).toEqual(['m L1 4k', 'm L1 16k']);
  });

  it('flags every non-baseline SAE in its CSV with on_frontier, its group and sweep', () => {
    const status = paretoStatus({ rows, baselines }, view({ view: 'pareto' }));
    const ids = rows.columns.get('sae_id') as string[];
    expect([...status].map(([i, s]) => [ids[i], s.on, s.group])).toEqual(expect.arrayContaining([
      ['a', true, 'topk'], ['b', true, 'topk'], ['c', false, 'topk'], ['d', true, 'gated'], ['e', false, ''],
    ]));
  });

  it('has no frontier for a metric best at 1 whose values lie on both sides of 1, and says why', () => {
    const both = frame([sae('a', 'topk', 20, 0.9, { l2_ratio: 0.9 }), sae('b', 'topk', 40, 0.95, { l2_ratio: 1.1 })]);
    const spec = paretoSpec({ rows: both, baselines: frame([]) }, view({ view: 'pareto', y: 'l2_ratio' }));
    expect(spec.problem).toContain('best at 1');
    const below = frame([sae('a', 'topk', 20, 0.9, { l2_ratio: 0.9 }), sae('b', 'topk', 40, 0.95, { l2_ratio: 0.95 })]);
    expect(paretoSpec({ rows: below, baselines: frame([]) }, view({ view: 'pareto', y: 'l2_ratio' })).frontierPoints).toBe(2);
  });
});

describe('lines per sweep and baselines in the scatter', () => {
  it('connects each sweep in X order and never across sweeps of one group', () => {
    const data = frame([sae('a', 'topk', 20, 0.9), sae('b', 'topk', 40, 0.95), sae('p1', 'topk', 25, 0.8, { model: 'p' }), sae('p2', 'topk', 45, 0.85, { model: 'p' })]);
    const spec = scatterSpec({ rows: data, baselines }, view({ lines: true, model: [] }));
    const topk = spec.traces.find((t) => t.name === 'TopK')!;
    expect(topk.mode).toBe('lines+markers');
    expect(topk.x).toEqual([20, 40, null, 25, 45]);
    expect(topk.customdata).toEqual(['a', 'b', '', 'p1', 'p2']);
    expect(spec.sweeps).toBe(2);
  });

  it('draws the PCA baseline as a labelled marker at its own coordinates, and not at all when toggled off', () => {
    const spec = scatterSpec({ rows, baselines }, view({}));
    expect(spec.baselines).toEqual(['PCA baseline, m L1']);
    expect(spec.traces.find((t) => t.name === 'PCA baseline')).toMatchObject({ x: [512], y: [1], mode: 'markers+text' });
    const overlay = baselineOverlay(baselines, 'absorption_fraction', 'ce_loss_score');
    expect(overlay.traces[0]).toMatchObject({ x: [0.01], y: [1] });
    expect(baselineOverlay(baselines, 'scr_top20', 'ce_loss_score')).toMatchObject({ traces: [], missing: ['PCA baseline, m L1'] });
    const off = scatterSpec({ rows, baselines }, view({ baselines: false }));
    expect(off.traces.some((t) => t.name === 'PCA baseline')).toBe(false);
  });
});

describe('scaling view', () => {
  const sweep = (w: number, model = 'm', shift = 0) => [10, 36, 100, 200, 300].map((l0, i) =>
    sae(`${model}-${w}-${l0}`, 'topk', l0, 0.9 + i / 100 + (w > 4096 ? 0.02 : 0) + shift, { dict_size: w, model }));

  it('averages one sweep per point over the inclusive L0 window, with a min-max band and n', () => {
    const spec = scalingSpec(frame([...sweep(4096), ...sweep(16384)]), frame([]), view({ view: 'scaling' }));
    const pts = spec.result.points;
    // L0 = 36 and 200 sit exactly on the default window's edges and count.
    expect(pts.map((p) => [p.x, p.n])).toEqual([[4096, 3], [16384, 3]]);
    expect(pts[0]!.mean).toBeCloseTo(0.92, 12);
    expect(pts[0]).toMatchObject({ min: 0.91, max: 0.93 });
    expect(spec.result.nearEdge.map((e) => e.edge)).toEqual([36, 200, 36, 200]);
    const band = spec.traces.find((t) => t.fill === 'toself')!;
    expect(band.x).toEqual([4096, 16384, 16384, 4096]);
    expect(spec.layout.xaxis).toMatchObject({ type: 'log', tickvals: [4096, 16384], ticktext: ['4k', '16k'] });
    const curve = spec.traces.find((t) => t.name === 'TopK')!;
    expect(curve.text).toEqual(['n=3', 'n=3']);
    expect(String((curve.hovertext as string[])[0])).toContain('n = 3 SAEs with L0 in [36, 200]');
  });

  it('keeps two models apart as two curves, and averages them only when pooled', () => {
    const data = frame([...sweep(4096, 'm'), ...sweep(16384, 'm'), ...sweep(4096, 'p', 0.1), ...sweep(16384, 'p', 0.1)]);
    const apart = scalingSpec(data, frame([]), view({ view: 'scaling', model: [] }));
    expect(apart.curves).toEqual(['m L1', 'p L1']);
    expect(apart.traces.filter((t) => t.mode === 'lines+markers+text').map((t) => t.name)).toEqual(['TopK · m L1', 'TopK · p L1']);
    const pooled = scalingSpec(data, frame([]), view({ view: 'scaling', model: [], pool: true }));
    expect(pooled.result.points.map((p) => [p.x, p.n])).toEqual([[4096, 6], [16384, 6]]);
    expect(pooled.result.points[0]!.mean).toBeCloseTo(0.97, 12);
  });

  it('reports uneven n between groups at one width, and a reversed window', () => {
    const data = frame([...sweep(4096), sae('g1', 'gated', 50, 0.8), sae('g2', 'gated', 400, 0.85)]);
    const spec = scalingSpec(data, frame([]), view({ view: 'scaling', wmin: 200, wmax: 36 }));
    expect(spec.result).toMatchObject({ window: [36, 200], reversed: true });
    expect(spec.uneven).toEqual([{ curve: 'm L1', x: 4096, counts: [{ group: 'gated', n: 1 }, { group: 'topk', n: 3 }] }]);
    const out = scalingExportRows(spec, view({ view: 'scaling' }));
    expect(out[1]).toMatchObject({ metric: 'ce_loss_score', group: 'topk', curve: 'm L1', n: 3, l0_min: 36, l0_max: 200, sae_ids: 'm-4096-36 m-4096-100 m-4096-200' });
  });
});

describe('all-metrics grid', () => {
  it('has one panel per headline metric, flips absorption, joins only sweeps, marks empty panels', () => {
    const data = frame([sae('a', 'topk', 20, 0.9, { absorption_fraction: 0.2 }), sae('b', 'topk', 40, 0.95, { absorption_fraction: 0.1, model: 'p' }), sae('c', 'gated', 30, 0.8)]);
    const spec = gridSpec(data, frame([]), view({ lines: true, model: [] }));
    expect(spec.panels.map((p) => p.metric)).toEqual(GRID_PANELS.map((p) => p.metric));
    const absorption = spec.traces.find((t) => t.xaxis === 'x3' && t.name === 'TopK')!;
    expect(absorption.y).toEqual([0.8, null, 0.9]);
    expect(spec.panels.find((p) => p.metric === 'absorption_fraction')!.title).toBe('1 − absorption fraction ↑ (higher is better)');
    expect(spec.panels.find((p) => p.metric === 'ravel_disentanglement')!.plotted).toBe(0);
    expect(spec.traces.filter((t) => t.showlegend === true).map((t) => t.name)).toEqual(['Gated', 'TopK']);
  });
});

describe('metric agreement', () => {
  it('orients lower-is-better metrics so agreement is positive, with n and a 95 % interval per cell', () => {
    const data = frame([...[1, 2, 3, 4, 5, 6, 7].map((i) => sae(`s${i}`, 'topk', i * 10, i / 10, { absorption_fraction: 1 - i / 10, scr_top20: (i * 7) % 5 })), pca]);
    const m = agreementView(data, DEFAULT_STATE);
    const cell = m.cells.find((c) => c.a === 'ce_loss_score' && c.b === 'absorption_fraction')!;
    expect(cell).toMatchObject({ rho: 1, n: 7, ci: [1, 1] }); // baselines left out
    const scr = m.cells.find((c) => c.a === 'ce_loss_score' && c.b === 'scr_top20')!;
    expect(scr.ci![0]).toBeLessThan(scr.rho!);
    expect(scr.ci![1]).toBeGreaterThan(scr.rho!);
    // Metrics without any pair here are left out, not shown as a row of dashes.
    expect(m.metrics.map((x) => x.id)).toEqual(['l0', 'ce_loss_score', 'absorption_fraction', 'scr_top20']);
    expect(m.collapsed.map((x) => x.id)).toContain('ravel_disentanglement');
    expect(agreementView(data, view({ partial: true })).metrics.map((x) => x.id)).not.toContain('l0');
    expect(agreementColor(null)).toBe('#eeeeee');
    expect(agreementColor(1)).toBe('rgb(178, 24, 43)');
    expect(agreementTextDark(0)).toBe(true);
    expect(agreementTextDark(1)).toBe(false);
  });
});

describe('paper figure', () => {
  const opts = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_EXPORT, ...o });

  it('sizes to a single (3.25 in) or double (6.75 in) column with fonts of at least 7 pt', () => {
    const fig = scatterSpec({ rows, baselines }, view({}));
    const single = paperFigure(fig, opts());
    expect(single).toMatchObject({ width: 312, height: 234, layout: { width: 312, height: 234 } });
    expect((single.layout.font as { size: number }).size).toBeCloseTo(ptToPx(8), 6);
    expect(((single.layout.legend as { font: { size: number } }).font.size)).toBeCloseTo(ptToPx(7), 6);
    expect(((single.layout.xaxis as { tickfont: { size: number } }).tickfont.size)).toBeCloseTo(ptToPx(7), 6);
    expect(paperFigure(fig, opts({ size: 'double' }), 1)).toMatchObject({ width: 648, height: 648 });
    const topk = fig.traces.find((t) => t.name === 'TopK')!;
    expect(single.data.find((t) => t.name === 'TopK')!.marker?.size).toBeCloseTo((topk.marker!.size as number) * 0.6, 12);
  });

  it('puts the legend where asked, drops the title unless asked, and labels log ticks at full size', () => {
    const fig = scatterSpec({ rows, baselines }, view({}));
    fig.layout.title = { text: 'On screen' };
    expect(paperFigure(fig, opts()).layout.title).toBeUndefined();
    expect(paperFigure(fig, opts({ title: true })).layout.title).toMatchObject({ text: 'On screen' });
    expect(paperFigure(fig, opts({ legend: 'inside-lr' })).layout.legend).toMatchObject({ x: 0.99, xanchor: 'right', y: 0.01, yanchor: 'bottom' });
    expect(paperFigure(fig, opts({ legend: 'none' })).layout.showlegend).toBe(false);
    const x = paperFigure(fig, opts()).layout.xaxis as { tickmode: string; tickvals: number[]; ticktext: string[] };
    expect(x.tickmode).toBe('array');
    expect(x.ticktext).toEqual(x.tickvals.map(tickLabel));
    // No text drawn on markers (the PCA label) in print: the legend names it.
    expect(paperFigure(fig, opts()).data.every((t) => !String(t.mode ?? '').includes('text'))).toBe(true);
  });
});

describe('log ticks', () => {
  it('take the densest 1-2-5, 1-3 or decade set whose labels fit', () => {
    expect(logTickValues([20, 1000], 600, 10, true)!.values).toEqual([20, 50, 100, 200, 500, 1000]);
    expect(logTickValues([20, 1000], 120, 10, true)!.values).toEqual([30, 100, 300, 1000]);
    expect(logTickValues([20, 1000], 60, 10, true)!.values).toEqual([100, 1000]);
    expect(logTickValues([], 100, 10, true)).toBeNull();
    expect(tickLabel(20000)).toBe('20k');
    expect(tickLabel(0.05)).toBe('0.05');
  });
});

describe('matrix figure', () => {
  it('renders a block per matrix at the column width, labels escaped as XML text', async () => {
    const { matrixSvg } = await import('../../src/views/matrixSvg.ts');
    const { svg, width, height } = matrixSvg([{ title: 'T <b>', rows: ['r&1', 'r2'], cols: ['c1'], cells: [{ text: '0.50', fill: '#ff0000' }, { text: '–', fill: '#eeeeee' }] }], 'double');
    expect(width).toBe(648);
    expect(svg).toContain('width="648"');
    expect(svg).toContain(`height="${height}"`);
    expect(svg).toContain('T &lt;b&gt;');
    expect(svg).toContain('r&amp;1');
    expect(svg.match(/<rect x=/g)).toHaveLength(2);
  });
});
