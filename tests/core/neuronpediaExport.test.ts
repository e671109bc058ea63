import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isNeuronpediaExport, NeuronpediaParseError, parseNeuronpediaExport } from '../../src/ingest/neuronpediaExport.ts';

const I = 'data/saebench/sources/LeStoe11__SAEBench/63318de27ce4cfd1209aa8a5315895e7ea3a9e83/saebench_results.json';
const records = JSON.parse(readFileSync(I, 'utf8')) as Record<string, unknown>[];

describe('Neuronpedia SAEBench export reader', () => {
  it('reads a slice of source I: identity, canonical class, every eval||category||metric value', () => {
    const slice = records.filter((r) => r.saeClass === 'p-anneal').slice(0, 3);
    const { records: out, rejected } = parseNeuronpediaExport(JSON.stringify(slice));
    expect(rejected).toEqual([]);
    expect(out).toHaveLength(3);
    const first = out[0]!;
    expect(first).toMatchObject({ sourceId: slice[0]!.sourceId, modelId: 'gemma-2-2b', layer: 12, release: 'sae_bench_0125', saeClass: 'p-anneal', architecture: 'p_anneal', trainingTokens: 499998720 });
    expect(first.metrics).toHaveLength(25);
    const scr = first.metrics.find((m) => m.evalType === 'scr' && m.metric === 'scr_metric_threshold_20')!;
    expect(scr).toMatchObject({ category: 'scr_metrics', value: slice[0]!['scr||scr_metrics||scr_metric_threshold_20'] });
    expect(isNeuronpediaExport(slice)).toBe(true);
  });

  it('reads the whole of source I: 126 records, 7 classes, 3 widths', () => {
    const { records: out, rejected } = parseNeuronpediaExport(readFileSync(I, 'utf8'));
    expect(rejected).toEqual([]);
    expect(out).toHaveLength(126);
    expect(new Set(out.map((r) => r.architecture))).toEqual(new Set(['gated', 'batch_topk', 'jumprelu', 'standard', 'topk', 'p_anneal', 'matryoshka_batch_topk']));
    expect(new Set(out.map((r) => r.dSae))).toEqual(new Set([4096, 16384, 65536]));
  });

  it('keeps unknown metrics and unknown plain keys instead of dropping them', () => {
    const rec = { sourceId: 's', modelId: 'm', layer: 3, saeClass: 'jump_relu', dSae: 4096, trainingTokens: -1, 'future_eval||cat||new_metric': 0.5, note: 'kept', 'core||model_behavior_preservation||kl_div_score': -1 };
    const [r] = parseNeuronpediaExport(JSON.stringify([rec])).records;
    expect(r!.metrics).toContainEqual({ evalType: 'future_eval', category: 'cat', metric: 'new_metric', value: 0.5, raw: 0.5 });
    expect(r!.metrics).toContainEqual({ evalType: 'core', category: 'model_behavior_preservation', metric: 'kl_div_score', value: null, raw: -1 });
    expect(r!.extra).toEqual({ note: 'kept' });
    expect(r!).toMatchObject({ architecture: 'jumprelu', trainingTokens: null });
  });

  it('rejects malformed records with a reason and keeps the good ones', () => {
    const good = { sourceId: 'ok', 'core||sparsity||l0': 10 };
    const bad = [
      'not an object',
      { modelId: 'm', 'core||sparsity||l0': 1 }, // no sourceId
      { sourceId: 'nan', 'core||sparsity||l0': 'NaN' },
      '{"sourceId": "inf", "core||sparsity||l0": 1e400}', // parses to Infinity
      { sourceId: 'obj', 'core||sparsity||l0': 1, nested: { a: 1 } },
      { sourceId: 'none' }, // no metric at all
      { sourceId: 'ok', 'core||sparsity||l0': 11 }, // duplicate of the first
      { sourceId: '<img src=x onerror=alert(1)>', 'a||b': 1 }, // a two-part key is no metric
    ];
    const text = `[${[good, ...bad].map((b) => (typeof b === 'string' && b.startsWith('{') ? b : JSON.stringify(b))).join(',')}]`;
    const { records: out, rejected } = parseNeuronpediaExport(text);
    expect(out.map((r) => r.sourceId)).toEqual(['ok']);
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rejected[0]!.reason).toBe('record is not an object');
    expect(rejected[1]!.reason).toMatch(/sourceId/);
    expect(rejected[2]!.reason).toMatch(/expected a finite number, found "NaN"/);
    expect(rejected[3]!.reason).toMatch(/found Infinity/);
    expect(rejected[4]!.reason).toMatch(/nested: expected a plain value/);
    expect(rejected[5]!.reason).toMatch(/no eval\|\|category\|\|metric/);
    expect(rejected[6]!.reason).toMatch(/appears twice/);
  });

  it('rejects what is not an export at all', () => {
    expect(() => parseNeuronpediaExport('{"a": 1}')).toThrow(NeuronpediaParseError);
    expect(() => parseNeuronpediaExport('[1, 2')).toThrow(/not valid JSON/);
    expect(isNeuronpediaExport({ eval_type_id: 'core' })).toBe(false);
    expect(isNeuronpediaExport([])).toBe(false);
  });
});
