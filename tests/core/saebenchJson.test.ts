import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSaebenchJson, SaebenchParseError } from '../../src/ingest/saebenchJson.ts';

const D = 'data/saebench/sources/adamkarvonen__SAEBench/8042bb3828c6340da8d12062324e92b2077c571c/tests/acceptance/test_data';
const read = (p: string) => readFileSync(join(D, p), 'utf8');
const value = (text: string, cat: string, metric: string) =>
  parseSaebenchJson(text).flatMap((r) => r.metrics).find((m) => m.category === cat && m.metric === metric)?.value;

describe('parseSaebenchJson on every eval type of the SAEBench fixtures', () => {
  const cases: [string, string, string, string, number | null][] = [
    ['core/core_expected_results.json', 'core', 'model_performance_preservation', 'ce_loss_score', 0.9975534586157891],
    ['absorption/absorption_expected_results.json', 'absorption_first_letter', 'mean', 'mean_absorption_fraction_score', null],
    ['autointerp/autointerp_expected_results.json', 'autointerp', 'autointerp', 'autointerp_score', 0.8442857142857144],
    ['scr_and_tpp/scr_expected_results.json', 'scr', 'scr_metrics', 'scr_metric_threshold_10', 0.7570754866178424],
    ['scr_and_tpp/tpp_expected_results.json', 'tpp', 'tpp_metrics', 'tpp_threshold_10_total_metric', 0.14690002501010893],
    ['ravel/ravel_expected_results.json', 'ravel', 'ravel', 'disentanglement_score', 0.5116770985498066],
    ['unlearning/unlearning_expected_results.json', 'unlearning', 'unlearning', 'unlearning_score', 0.09756100177764893],
    ['mdl/mdl_expected_results.json', 'mdl', 'result_0', 'description_length', 169.08822631835938],
    ['meta_structure/pythia70m_tr10_meta_structure.json', 'meta_structure_decoder_variance', 'meta_sae', 'decoder_fraction_variance_explained', 0.2434181003213628],
  ];
  for (const [file, evalType, cat, metric, expected] of cases) {
    it(`${evalType} (${file})`, () => {
      const text = read(file);
      const results = parseSaebenchJson(text);
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.evalType === evalType)).toBe(true);
      if (expected !== null) expect(value(text, cat, metric)).toBe(expected);
      else expect(typeof value(text, cat, metric)).toBe('number');
    });
  }

  it('reads sparse probing and turns the -1 "not computed" sentinel into a missing value', () => {
    const results = parseSaebenchJson(read('sparse_probing/sparse_probing_expected_results.json'));
    expect(results[0]?.evalType).toBe('sparse_probing');
    const core = parseSaebenchJson(read('core/core_expected_results.json'))[0]!;
    const kl = core.metrics.find((m) => m.metric === 'kl_div_score');
    expect(kl).toMatchObject({ raw: -1, value: null });
  });

  it('maps RAVEL to ravel and derives the architecture class from the SAE config', () => {
    const [r] = parseSaebenchJson(read('ravel/ravel_expected_results.json'));
    expect(r?.rawEvalTypeId).toBe('RAVEL');
    expect(r?.saeConfig).toMatchObject({ architecture: 'topk', dSae: 16384, hookLayer: 5 });
  });

  it('reads the multi-result map (autointerp keyed by release_id)', () => {
    const results = parseSaebenchJson(read('autointerp/autointerp_expected_results.json'));
    expect(results[0]?.key).toBe('sae_bench_pythia70m_sweep_topk_ctx128_0730_blocks.4.hook_resid_post__trainer_10');
  });

  it('reads the Oct-2024 sparse-probing format (old key names)', () => {
    const text = readFileSync('data/saebench/sources/adamkarvonen__SAEBench/history_f328f7fc26fb308f564b11e195d534e8e333e941/evals/sparse_probing/results/example_pythia-70m-deduped_layer_4_eval_results.json', 'utf8');
    const results = parseSaebenchJson(text);
    expect(results.length).toBe(Object.keys((JSON.parse(text) as { custom_eval_results: object }).custom_eval_results).length);
    const first = results[0]!;
    expect(first.metrics.find((m) => m.metric === 'llm_top_1_test_accuracy')).toMatchObject({ category: 'llm', value: 0.7266 });
    expect(first.metrics.find((m) => m.metric === 'sae_top_1_test_accuracy')).toMatchObject({ category: 'sae', value: 0.7912 });
  });

  it('rejects what is not a SAEBench result with a reason', () => {
    expect(() => parseSaebenchJson('{"a": 1}')).toThrow(SaebenchParseError);
    expect(() => parseSaebenchJson('not json')).toThrow(/not valid JSON/);
    expect(() => parseSaebenchJson('[1,2]')).toThrow(/not a JSON object/);
    expect(() => parseSaebenchJson('{"eval_type_id":"core"}')).toThrow(/neither eval_result_metrics/);
  });
});
