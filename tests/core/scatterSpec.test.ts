import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../src/state/viewState.ts';
import { scatterSpec } from '../../src/views/scatterSpec.ts';
import { frame, sae } from '../helpers/frames.ts';

const state = { ...DEFAULT_STATE, lines: false };
const input = (rows: ReturnType<typeof sae>[]) => ({ rows: frame(rows), baselines: frame([]) });

describe('scatter spec', () => {
  const rows = [sae('a', 'topk', 20, 0.9), sae('b', 'topk', 40, 0.95), sae('c', 'jumprelu', 30, 0.93), sae('d', 'gated', null, 0.9), sae('e', 'gated', 0, 0.8)];

  it('draws one trace per architecture, each point keyed by its sae_id', () => {
    const spec = scatterSpec(input(rows), state);
    expect(spec.traces.map((t) => t.name)).toEqual(['JumpReLU', 'TopK']);
    expect(spec.traces.map((t) => t.customdata)).toEqual([['c'], ['a', 'b']]);
    expect(spec.traces[1]?.marker?.symbol).not.toBe(spec.traces[0]?.marker?.symbol);
    expect(spec.plotted).toBe(3);
    expect(spec.notPlotted).toBe(2); // d has no L0; e has L0 = 0 on a log axis
    expect(spec.layout).toMatchObject({ xaxis: { type: 'log' }, yaxis: { type: 'linear' } });
    expect((spec.layout.yaxis as { title: { text: string } }).title.text).toContain('higher is better');
  });

  it('keeps zero on a linear axis and rings the selected SAE', () => {
    const spec = scatterSpec(input(rows), { ...state, logx: false, sel: 'e' });
    expect(spec.plotted).toBe(4);
    const selected = spec.traces.at(-1);
    expect(selected?.name).toBe('Selected');
    expect(selected?.customdata).toEqual(['e']);
  });

  it('escapes names from the data in hover text and legend, and says where each value comes from', () => {
    const spec = scatterSpec(input([sae('<img src=x onerror=alert(1)>', '<b>evil</b>', 10, 0.5)]), state);
    const t = spec.traces[0]!;
    expect(t.name).toBe('&lt;b&gt;evil&lt;/b&gt;');
    expect(t.text?.[0]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(t.text?.[0]).not.toContain('<img');
    expect(t.text?.[0]).toContain('(published_0125_np)');
    // Where the SAE sits, once; L0 is the X value, so it is not repeated.
    expect(t.text?.[0]).toContain('m · L1 · 4k');
    expect(t.text?.[0]?.match(/L0/g)).toHaveLength(1);
  });

  it('colours by a third metric with a shared colour axis and architecture shapes', () => {
    const spec = scatterSpec(input(rows.map((r) => ({ ...r, ravel_disentanglement: 0.5 }))), { ...state, color: 'ravel_disentanglement' });
    expect(spec.traces[0]?.marker?.coloraxis).toBe('coloraxis');
    expect(spec.layout.coloraxis).toBeDefined();
  });
});

describe('configuration columns as axes', () => {
  it('plots width on a log axis, with the configuration named instead of a provenance', () => {
    const spec = scatterSpec(input([sae('a', 'topk', 20, 0.9)]), { ...state, x: 'dict_size', logx: true });
    expect(spec.plotted).toBe(1);
    expect(spec.traces[0]?.x).toEqual([4096]);
    expect(spec.layout).toMatchObject({ xaxis: { type: 'log' } });
    expect(spec.traces[0]?.text?.[0]).toContain('Width (dictionary size): 4096 (SAE configuration)');
  });
});
