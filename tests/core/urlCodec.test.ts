import { describe, expect, it } from 'vitest';
import { TEST_DOMAINS } from '../helpers/domains.ts';
import { decodeUrl, encodeUrl } from '../../src/state/urlCodec.ts';
import { DEFAULT_STATE, EMPTY_FILTERS, V1_DEFAULTS, type ViewState } from '../../src/state/viewState.ts';

const domains = TEST_DOMAINS;

describe('URL codec', () => {
  it('reads the issue example exactly', () => {
    const { state, notices } = decodeUrl('?view=scatter&x=l0&y=ce_loss_score&arch=topk,matryoshka_batch_topk&model=gemma-2-2b', domains);
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ view: 'scatter', x: 'l0', y: 'ce_loss_score', arch: ['topk', 'matryoshka_batch_topk'], model: ['gemma-2-2b'], logx: true, logy: false });
  });

  it('round-trips every control', () => {
    const s: ViewState = {
      ...DEFAULT_STATE, view: 'table', x: 'absorption_fraction', y: 'ravel_disentanglement', color: 'scr_top20',
      logx: true, logy: true, arch: ['jumprelu'], model: ['gemma-2-2b', 'pythia-160m-deduped'], width: [65536],
      layer: [12], release: ['sae_bench_0125'], prov: ['published_0125'], tokens: [499998720], l0min: 20.5, l0max: 200,
      both: true, sel: 'weird,id&=x', cols: ['mse', 'trainer'], sort: { column: 'l0', desc: false },
      lines: false, fonly: true, baselines: false, scale: 'layer', wmin: 20, wmax: 640.5, partial: true, pool: true,
    };
    const url = encodeUrl(s);
    expect(decodeUrl(url, domains)).toEqual({ state: s, notices: [] });
  });

  it('reads every view of the trade-off issue and their controls', () => {
    for (const v of ['scatter', 'pareto', 'scaling', 'grid', 'agreement', 'coverage', 'table']) {
      expect(decodeUrl(`?view=${v}`, domains).state.view).toBe(v);
    }
    const { state, notices } = decodeUrl('?view=scaling&scale=training_tokens&wmin=10&wmax=abc&lines=yes&baselines=0', domains);
    expect(state).toMatchObject({ view: 'scaling', scale: 'training_tokens', wmin: 10, wmax: 200, lines: true, baselines: false });
    expect(notices).toEqual(['Ignored wmax="abc": not a valid value', 'Ignored lines="yes": not a valid value']);
    expect(decodeUrl('?scale=width', domains).notices).toEqual(['Ignored scale="width": not a valid value']);
  });

  it('leaves defaults out of the URL but always writes the version and view', () => {
    expect(encodeUrl(DEFAULT_STATE)).toBe('?v=2&view=scatter');
  });

  it('opens on one sweep per architecture, and writes a filter cleared to "all" as an empty value', () => {
    expect(DEFAULT_STATE).toMatchObject({ model: ['gemma-2-2b'], layer: [12], width: [65536], release: ['sae_bench_0125'], lines: true, wmin: 36 });
    const all = { ...DEFAULT_STATE, ...EMPTY_FILTERS };
    expect(encodeUrl(all)).toBe('?v=2&view=scatter&model=&layer=&width=&release=');
    expect(decodeUrl(encodeUrl(all), domains)).toEqual({ state: all, notices: [] });
  });

  it('reads a version-1 link as it was meant: no filters, the [40, 200] window, no lines', () => {
    const { state, notices } = decodeUrl('?v=1&view=scaling&arch=topk', domains);
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...V1_DEFAULTS, view: 'scaling', arch: ['topk'] });
    // Re-encoded in version 2 it keeps showing the same thing.
    expect(decodeUrl(encodeUrl(state), domains).state).toEqual(state);
  });

  it('ignores garbage with a notice per item, keeping what is valid', () => {
    const { state, notices } = decodeUrl(
      '?x=DROP%20TABLE%20saes&arch=topk,%3Cscript%3E&width=abc,4096&bogus=1&logx=maybe&sel=nope&sort=l0:sideways&view=pie&l0min=&v=99&cols=x%22y',
      domains,
    );
    expect(state.x).toBe('l0');
    expect(state.arch).toEqual(['topk']);
    expect(state.width).toEqual([4096]);
    expect(state.sel).toBeNull();
    expect(state.sort).toBeNull();
    expect(state.view).toBe('scatter');
    expect(state.cols).toEqual([]);
    expect(notices).toHaveLength(11);
    expect(notices.some((n) => n.includes('"<script>"'))).toBe(true);
  });

  it('survives malformed percent-encoding and empty input', () => {
    expect(decodeUrl('', domains).state).toEqual(DEFAULT_STATE);
    expect(decodeUrl('?model=%E0%A4%A', domains).notices).toHaveLength(1);
    expect(decodeUrl('?&&=&', domains).state).toEqual(DEFAULT_STATE);
  });
});

describe('Neuronpedia links', () => {
  it('opens the blog iframe URL with the same filters and axes', async () => {
    const { decodeUrl: decode } = await import('../../src/state/urlCodec.ts');
    const url = '?modelId=gemma-2-2b&dSae=65536&layer=12&metricX=core%7C%7Csparsity%7C%7Cl0&metricY=scr||scr_metrics||scr_metric_threshold_20&groupBy=saeClass&logX=true&embed=true';
    const { state, notices } = decode(url, domains);
    expect(state).toMatchObject({ model: ['gemma-2-2b'], width: [65536], layer: [12], x: 'l0', y: 'scr_top20', color: 'architecture', logx: true });
    expect(notices).toEqual(['Read a Neuronpedia SAEBench link', 'Ignored Neuronpedia parameter embed']);
  });

  it('maps SAE classes and says what it cannot read', async () => {
    const { decodeUrl: decode } = await import('../../src/state/urlCodec.ts');
    const { state, notices } = decode('?saeClass=standard_april_update,topk&metricY=core||x||nope&groupBy=trainingTokens', { ...domains, values: { ...domains.values, arch: ['standard', 'topk'] } });
    expect(state.arch).toEqual(['standard', 'topk']);
    expect(state.y).toBe('ce_loss_score');
    expect(notices).toContain('Ignored metricY: no metric "core||x||nope" in this dataset');
    expect(notices).toContain('Ignored groupBy="trainingTokens": not a grouping here');
  });
});

describe('configuration columns on the axes', () => {
  it('accepts width, training tokens and layer on X and Y, log by default for width', () => {
    const { state, notices } = decodeUrl('?x=dict_size&y=layer', domains);
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ x: 'dict_size', y: 'layer', logx: true, logy: false });
    expect(encodeUrl(state)).toBe('?v=2&view=scatter&x=dict_size&y=layer');
    expect(decodeUrl('?color=training_tokens', domains).notices).toHaveLength(1); // a metric or a category, not this
  });
});

describe('L0 ranges that can match nothing', () => {
  it('drop a negative minimum or a non-positive maximum, and swap a reversed range, each with a notice', () => {
    const neg = decodeUrl('?l0max=-5', domains);
    expect(neg.state.l0max).toBeNull();
    expect(neg.notices).toEqual(['Ignored l0max=-5: no SAE has an L0 of 0 or less']);
    expect(decodeUrl('?l0min=-1', domains).notices).toEqual(['Ignored l0min=-1: L0 is never negative']);
    const reversed = decodeUrl('?l0min=500&l0max=50', domains);
    expect([reversed.state.l0min, reversed.state.l0max]).toEqual([50, 500]);
    expect(reversed.notices).toEqual(['The L0 range 500–50 was reversed; read as 50–500']);
    expect(decodeUrl('?l0min=10&l0max=100', domains).notices).toEqual([]);
  });
});
