import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../src/state/viewState.ts';
import { scatterSpec, type SaeRow } from '../../src/views/scatterSpec.ts';

const row = (id: string, architecture: string, l0: number | null, ce: number | null): SaeRow => ({
  sae_id: id, architecture, dict_size: 4096, l0, ce_loss_score: ce, core_provenance: 'reproduction',
});

describe('scatter spec', () => {
  const rows = [row('a', 'topk', 20, 0.9), row('b', 'topk', 40, 0.95), row('c', 'jumprelu', 30, 0.93), row('d', 'gated', null, 0.9), row('e', 'gated', 0, 0.8)];

  it('draws one trace per architecture, each point keyed by its sae_id', () => {
    const spec = scatterSpec(rows, DEFAULT_STATE);
    expect(spec.traces.map((t) => t.name)).toEqual(['JumpReLU', 'TopK']);
    expect(spec.traces.map((t) => t.customdata)).toEqual([['c'], ['a', 'b']]);
    expect(spec.traces[1]?.marker?.symbol).not.toBe(spec.traces[0]?.marker?.symbol);
    expect(spec.plotted).toBe(3);
    expect(spec.notPlotted).toBe(2); // d has no L0; e has L0 = 0 on a log axis
    expect(spec.layout).toMatchObject({ xaxis: { type: 'log' }, yaxis: { type: 'linear' } });
    expect((spec.layout.yaxis as { title: { text: string } }).title.text).toContain('higher is better');
  });

  it('keeps zero on a linear axis and rings the selected SAE', () => {
    const spec = scatterSpec(rows, { ...DEFAULT_STATE, logx: false, sel: 'e' });
    expect(spec.plotted).toBe(4);
    const selected = spec.traces.at(-1);
    expect(selected?.name).toBe('Selected');
    expect(selected?.customdata).toEqual(['e']);
  });

  it('escapes names from the data in hover text and legend', () => {
    const spec = scatterSpec([row('<img src=x onerror=alert(1)>', '<b>evil</b>', 10, 0.5)], DEFAULT_STATE);
    const t = spec.traces[0]!;
    expect(t.name).toBe('&lt;b&gt;evil&lt;/b&gt;');
    expect(t.text?.[0]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(t.text?.[0]).not.toContain('<img');
    expect(t.text?.[0]).toContain('(reproduction)');
  });

  it('colours by a third metric with a shared colour axis and architecture shapes', () => {
    const spec = scatterSpec(rows.map((r) => ({ ...r, ravel_disentanglement: 0.5 })), { ...DEFAULT_STATE, color: 'ravel_disentanglement' });
    expect(spec.traces[0]?.marker?.coloraxis).toBe('coloraxis');
    expect(spec.layout.coloraxis).toBeDefined();
  });
});

describe('configuration columns as axes', () => {
  it('plots width on a log axis, with the configuration named instead of a provenance', () => {
    const rows = [{ sae_id: 'a', architecture: 'topk', dict_size: 4096, l0: 20, ce_loss_score: 0.9, core_provenance: 'reproduction' }];
    const spec = scatterSpec(rows, { ...DEFAULT_STATE, x: 'dict_size', logx: true });
    expect(spec.plotted).toBe(1);
    expect(spec.traces[0]?.x).toEqual([4096]);
    expect(spec.layout).toMatchObject({ xaxis: { type: 'log' } });
    expect(spec.traces[0]?.text?.[0]).toContain('Width (dictionary size): 4096 (SAE configuration)');
  });
});
