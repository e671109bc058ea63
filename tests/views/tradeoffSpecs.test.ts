import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type ViewState } from '../../src/state/viewState.ts';
import { agreementColor, agreementView } from '../../src/views/agreementSpec.ts';
import { baselineOverlay } from '../../src/views/baselines.ts';
import { coverageExportRows, coverageTables } from '../../src/views/coverageSpec.ts';
import { GRID_PANELS, gridSpec } from '../../src/views/gridSpec.ts';
import type { SaeRow } from '../../src/views/groups.ts';
import { paperFigure } from '../../src/views/paperFigure.ts';
import { paretoExportRows, paretoSpec } from '../../src/views/paretoSpec.ts';
import { scalingExportRows, scalingSpec } from '../../src/views/scalingSpec.ts';
import { scatterSpec } from '../../src/views/scatterSpec.ts';
import { viewExport } from '../../src/views/viewExport.ts';

const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_STATE, ...patch });
const sae = (id: string, architecture: string, l0: number | null, ce: number | null, extra: SaeRow = {}): SaeRow => ({
  sae_id: id, architecture, dict_size: 4096, model: 'm', layer: 1, l0, ce_loss_score: ce, core_provenance: 'reproduction', is_baseline: false, ...extra,
});
const pca: SaeRow = { sae_id: 'pca', architecture: 'pca', model: 'm', layer: 1, dict_size: 512, l0: 512, ce_loss_score: 1, absorption_fraction: 0.01, is_baseline: true };

// topk: a (20, 0.90) and b (40, 0.95) are both on the frontier, c (50, 0.93) is dominated by b.
const rows = [sae('a', 'topk', 20, 0.9), sae('b', 'topk', 40, 0.95), sae('c', 'topk', 50, 0.93), sae('d', 'gated', 30, 0.8), sae('e', 'gated', null, 0.99), pca];

describe('Pareto view', () => {
  it('draws each group frontier as a step line, fades dominated points and names their dominators', () => {
    const spec = paretoSpec(rows, view({ view: 'pareto' }), [pca]);
    const topkLine = spec.traces.find((t) => t.name === 'TopK frontier')!;
    expect(topkLine).toMatchObject({ mode: 'lines', x: [20, 40], y: [0.9, 0.95], line: { shape: 'hv' } });
    const dominated = spec.traces.find((t) => t.name === 'TopK (dominated)')!;
    expect(dominated.customdata).toEqual(['c']);
    expect(dominated.marker?.opacity).toBeLessThan(1);
    expect(dominated.text?.[0]).toContain('Dominated by (frontier): b');
    expect(spec.frontierPoints).toBe(3); // a, b, d
    expect(spec.dominatedPoints).toBe(1);
    expect(spec.subtitle).toBe('Up and to the left is better; one frontier per architecture');
    // Pooled over groups, a (20, 0.9) dominates gated d (30, 0.8): TopK holds the whole frontier.
    expect(spec.pooled).toEqual([{ label: 'TopK', count: 2 }]);
    // The baseline is a reference line, never a frontier point.
    expect(spec.traces.flatMap((t) => t.customdata ?? [])).not.toContain('pca');
    expect(spec.layout.shapes).toHaveLength(1);
  });

  it('hides dominated points with "frontier only", and its CSV holds only the frontier', () => {
    const s = view({ view: 'pareto', fonly: true });
    expect(paretoSpec(rows, s).traces.some((t) => String(t.name).includes('dominated'))).toBe(false);
    expect(paretoExportRows(rows, s).map((r) => r.sae_id)).toEqual(['a', 'b', 'd']);
  });

  it('CSV flags every non-baseline SAE with on_frontier and its group, undrawable ones included', () => {
    const out = viewExport(view({ view: 'pareto' }), rows);
    expect(out.columns.slice(-2)).toEqual(['on_frontier', 'frontier_group']);
    expect(out.rows.map((r) => [r.sae_id, r.on_frontier, r.frontier_group])).toEqual([
      ['a', true, 'topk'], ['b', true, 'topk'], ['c', false, 'topk'], ['d', true, 'gated'], ['e', false, 'gated'],
    ]);
  });

  it('says which corner is better when both metrics are higher-is-better', () => {
    const s = view({ view: 'pareto', x: 'ce_loss_score', y: 'ravel_disentanglement', logx: false });
    const spec = paretoSpec([sae('a', 'topk', 10, 0.9, { ravel_disentanglement: 0.5 })], s);
    expect(spec.subtitle).toMatch(/^Up and to the right is better/);
  });
});

describe('lines per group and baselines in the scatter', () => {
  it('connects each group in X order and draws PCA as a dashed reference line when X is L0', () => {
    const spec = scatterSpec(rows, view({ lines: true }), [], [pca]);
    const topk = spec.traces.find((t) => t.name === 'TopK')!;
    expect(topk.mode).toBe('lines+markers');
    expect(topk.x).toEqual([20, 40, 50]);
    expect(spec.baselines).toEqual(['PCA baseline, m L1']);
    expect((spec.layout.annotations as { text: string }[])[0]!.text).toBe('PCA baseline, m L1: 1');
    expect(spec.layout.shapes).toMatchObject([{ type: 'line', y0: 1, y1: 1, line: { dash: 'dash' } }]);
  });

  it('draws baselines as markers when X is a score, and not at all when toggled off', () => {
    const overlay = baselineOverlay([pca], 'absorption_fraction', 'ce_loss_score');
    expect(overlay.shapes).toEqual([]);
    expect(overlay.traces[0]).toMatchObject({ name: 'PCA baseline', x: [0.01], y: [1] });
    const off = scatterSpec(rows, view({ baselines: false }), [], [pca]);
    expect(off.layout.shapes).toEqual([]);
    expect(off.traces.flatMap((t) => t.customdata ?? [])).not.toContain('pca');
  });
});

describe('scaling view', () => {
  const widths = [4096, 16384];
  const grid = widths.flatMap((w) => [10, 50, 100, 300].map((l0, i) => sae(`${w}-${l0}`, 'topk', l0, 0.9 + i / 100 + (w > 4096 ? 0.02 : 0), { dict_size: w })));

  it('averages over the L0 window per width with a min-max band and n', () => {
    const s = view({ view: 'scaling' });
    const spec = scalingSpec(grid, s);
    expect(spec.points.map((p) => [p.x, p.n])).toEqual([[4096, 2], [16384, 2]]);
    expect(spec.points[0]!.mean).toBeCloseTo(0.915, 12);
    expect(spec.points[0]).toMatchObject({ min: 0.91, max: 0.92 });
    const band = spec.traces.find((t) => t.fill === 'toself')!;
    expect(band.x).toEqual([4096, 16384, 16384, 4096]);
    [0.92, 0.94, 0.93, 0.91].forEach((v, i) => expect(band.y![i]).toBeCloseTo(v, 12)); // max out, min back
    expect(spec.layout.xaxis).toMatchObject({ type: 'log', tickvals: [4096, 16384], ticktext: ['4k', '16k'] });
    expect(spec.distinctX).toBe(2);
    const curve = spec.traces.find((t) => t.name === 'TopK')!;
    expect(curve.text).toEqual(['n=2', 'n=2']);
    expect(String((curve.hovertext as string[])[0])).toContain('n = 2 SAEs with L0 in [40, 200]');
  });

  it('moves the window and exports the aggregated rows', () => {
    const s = view({ view: 'scaling', wmin: 5, wmax: 1000 });
    const out = scalingExportRows(grid, s);
    expect(out.map((r) => r.n)).toEqual([4, 4]);
    expect(out[0]).toMatchObject({ metric: 'ce_loss_score', scale_axis: 'dict_size', group: 'topk', l0_min: 5, l0_max: 1000 });
  });
});

describe('all-metrics grid', () => {
  it('has one panel per headline metric, flips absorption, and explains empty panels', () => {
    const data = [sae('a', 'topk', 20, 0.9, { absorption_fraction: 0.2 }), sae('b', 'gated', 30, 0.8)];
    const spec = gridSpec(data, DEFAULT_STATE, [], { ravel_disentanglement: 44 });
    expect(spec.panels.map((p) => p.metric)).toEqual(GRID_PANELS.map((p) => p.metric));
    const absorption = spec.traces.find((t) => t.xaxis === 'x3' && t.name === 'TopK')!;
    expect(absorption.y).toEqual([0.8]);
    expect(spec.panels.find((p) => p.metric === 'absorption_fraction')!.title).toBe('1 − absorption fraction ↑ (higher is better)');
    const notes = (spec.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(notes.some((t) => t.includes('No data for these filters') && t.includes('44 SAEs have RAVEL disentanglement'))).toBe(true);
    // One legend entry per architecture across all panels.
    expect(spec.traces.filter((t) => t.showlegend === true).map((t) => t.name)).toEqual(['Gated', 'TopK']);
  });
});

describe('metric agreement', () => {
  it('orients lower-is-better metrics so agreement is positive, with n per cell', () => {
    const data = [1, 2, 3, 4, 5].map((i) => sae(`s${i}`, 'topk', i * 10, i / 10, { absorption_fraction: 1 - i / 10 }));
    const m = agreementView([...data, pca], DEFAULT_STATE);
    const cell = m.cells.find((c) => c.a === 'ce_loss_score' && c.b === 'absorption_fraction')!;
    expect(cell).toMatchObject({ rho: 1, n: 5 }); // baselines left out
    expect(m.cells.find((c) => c.a === 'ce_loss_score' && c.b === 'ravel_disentanglement')).toMatchObject({ rho: null, n: 0 });
    expect(agreementView(data, view({ partial: true })).metrics.map((x) => x.id)).not.toContain('l0');
    expect(agreementColor(null)).toBe('#eeeeee');
    expect(agreementColor(1)).toBe('rgb(178, 24, 43)');
  });
});

describe('coverage', () => {
  it('counts SAEs per eval by architecture and by model and width', () => {
    const tables = coverageTables(rows);
    const arch = tables[0]!;
    expect(arch.matrix.keys).toEqual(['gated', 'pca', 'topk']);
    const topkCore = arch.matrix.cells.find((c) => c.key === 'topk' && c.evalId === 'core')!;
    expect(topkCore).toMatchObject({ count: 3, total: 3 });
    expect(tables[1]!.matrix.keys.map((k) => tables[1]!.labels[k])).toEqual(['m, 512', 'm, 4k']);
    expect(coverageExportRows(rows)[0]).toEqual({ grouping: 'architecture', group: 'Gated', eval: 'core', count: 2, total: 2 });
  });
});

describe('paper figure', () => {
  it('sizes to a single (3.25 in) or double (6.75 in) column with print fonts', () => {
    const fig = scatterSpec(rows, DEFAULT_STATE);
    expect(paperFigure(fig, 'single')).toMatchObject({ width: 312, height: 328, layout: { width: 312, height: 328, font: { size: 8 } } });
    expect(paperFigure(fig, 'double', 1)).toMatchObject({ width: 648, height: 907 });
    const topk = fig.traces.find((t) => t.name === 'TopK')!;
    expect(paperFigure(fig, 'single').data.find((t) => t.name === 'TopK')!.marker?.size).toBeCloseTo((topk.marker!.size as number) * 0.6, 12);
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
