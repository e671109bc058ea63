// A corpus of hostile and broken inputs for the importer, each with what the import report must say of it.
import { fixtureText, input } from '../helpers/importInputs.ts';
import type { InputFile } from '../../src/ingest/importResults.ts';

const core = JSON.parse(fixtureText('core/core_expected_results.json')) as Record<string, unknown>;
let serial = 0;
// Each bad file names an SAE of its own, so that what the report says of it is about the file itself.
const withMetric = (category: string, metric: string, value: unknown) => JSON.stringify({
  ...core, sae_lens_id: `bad_${serial++}`, eval_result_metrics: { ...(core.eval_result_metrics as object), [category]: { ...((core.eval_result_metrics as Record<string, object>)[category]), [metric]: value } },
});
const named = (id: string) => JSON.stringify({ ...core, sae_lens_id: id, sae_lens_release_id: 'hostile' });
const deep = (n: number) => `{"eval_type_id":"core","eval_result_metrics":{"a":${'['.repeat(n)}${']'.repeat(n)}}}`;

export interface BadInput {
  what: string;
  file: InputFile;
  /** What the report says of the file (a rejected line, or for a value, the line about it). */
  reason: RegExp;
}

export const BAD_INPUTS: BadInput[] = [
  { what: 'truncated JSON', file: input('truncated.json', fixtureText('core/core_expected_results.json').slice(0, 300)), reason: /not valid JSON/ },
  { what: 'empty file', file: input('empty.json', ''), reason: /empty file/ },
  { what: 'only whitespace', file: input('blank.json', '   \n\t'), reason: /not valid JSON/ },
  { what: 'binary file (PNG)', file: input('image.json', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), reason: /binary data/ },
  { what: 'not UTF-8', file: input('latin1.json', new Uint8Array([0x7b, 0x22, 0xe9, 0xff, 0x22, 0x7d])), reason: /not valid UTF-8/ },
  { what: 'not a .json file', file: input('notes.txt', 'hello'), reason: /not a \.json file/ },
  { what: 'a JSON list of numbers', file: input('list.json', '[1, 2, 3]'), reason: /not a SAEBench eval result|not a JSON object/ },
  { what: 'a JSON string', file: input('string.json', '"core"'), reason: /top level is not a JSON object/ },
  { what: 'JSON null', file: input('null.json', 'null'), reason: /top level is not a JSON object/ },
  { what: 'an empty object', file: input('object.json', '{}'), reason: /not a SAEBench eval result/ },
  { what: 'missing eval_type_id', file: input('no_type.json', JSON.stringify({ ...core, eval_type_id: undefined })), reason: /not a SAEBench eval result/ },
  { what: 'eval_type_id is a number', file: input('type_number.json', JSON.stringify({ ...core, eval_type_id: 42 })), reason: /no eval_type_id/ },
  { what: 'eval_type_id is empty', file: input('type_empty.json', JSON.stringify({ ...core, eval_type_id: '' })), reason: /no eval_type_id/ },
  { what: 'eval_result_metrics is text', file: input('metrics_text.json', JSON.stringify({ ...core, eval_result_metrics: 'great' })), reason: /neither eval_result_metrics nor eval_results/ },
  { what: 'eval_result_metrics is a list', file: input('metrics_list.json', JSON.stringify({ ...core, eval_result_metrics: [1, 2] })), reason: /neither eval_result_metrics nor eval_results/ },
  { what: 'a metric as text', file: input('metric_text.json', withMetric('model_performance_preservation', 'ce_loss_score', '0.99')), reason: /ce_loss_score: expected a finite number, found text "0\.99"; value left out/ },
  { what: 'NaN as text', file: input('nan.json', withMetric('model_performance_preservation', 'ce_loss_score', 'NaN')), reason: /ce_loss_score: expected a finite number, found text "NaN"/ },
  { what: 'Infinity as text', file: input('inf.json', withMetric('sparsity', 'l0', 'Infinity')), reason: /l0: expected a finite number, found text "Infinity"/ },
  { what: 'a literal NaN (not JSON)', file: input('nan_literal.json', '{"eval_type_id": "core", "eval_result_metrics": {"sparsity": {"l0": NaN}}}'), reason: /not valid JSON/ },
  { what: 'a number too large for a double', file: input('huge.json', withMetric('sparsity', 'l0', 0).replace('"l0":0', '"l0":1e400')), reason: /l0: expected a finite number/ },
  { what: 'an enormous finite number', file: input('enormous.json', withMetric('sparsity', 'l0', 1e300)), reason: /l0: expected a finite number of plausible size, found 1e\+300/ },
  { what: 'a metric as null', file: input('metric_null.json', withMetric('sparsity', 'l0', null)), reason: /l0: expected a finite number, found null; value left out/ },
  { what: 'a metric as a list', file: input('metric_list.json', withMetric('sparsity', 'l0', [1])), reason: /l0: expected a finite number, found a list of 1/ },
  { what: 'a category as a number', file: input('category_number.json', JSON.stringify({ ...core, sae_lens_id: 'bad_category', eval_result_metrics: { ...(core.eval_result_metrics as object), sparsity: 5 } })), reason: /eval_result_metrics\.sparsity: expected object, found number 5/ },
  { what: 'an unknown eval type with no numbers', file: input('unknown_empty.json', JSON.stringify({ eval_type_id: 'my_eval', eval_result_metrics: { a: { b: 'x' } } })), reason: /no usable values/ },
  { what: 'legacy sparse probing with results as text', file: input('legacy.json', '{"custom_eval_results": "none", "custom_eval_config": {}}'), reason: /custom_eval_results is not an object/ },
  { what: 'a Neuronpedia export with broken records', file: input('np.json', JSON.stringify([{ sourceId: 5, modelId: 'gemma-2-2b' }, { modelId: 'x', 'core||sparsity||l0': 3 }])), reason: /record 0: .+/ },
  { what: 'deep nesting', file: input('deep.json', deep(20_000)), reason: /not valid JSON|could not be read|no usable values/ },
  { what: 'an id 5000 characters long', file: input('long_id.json', named('x'.repeat(5000))), reason: /the SAE id is \d+ characters long/ },
  { what: 'too large a file', file: input('large_eval_results.json', new Uint8Array(33 * 2 ** 20).fill(0x20)), reason: /too large \(33\.0 MiB; the limit is 32 MiB per file\)/ },
  { what: 'the same SAE and eval twice', file: input('core_again.json', fixtureText('core/core_expected_results.json')), reason: /a second core result for .+; the first one read is kept/ },
  { what: 'a map of results holding a non-result', file: input('map.json', JSON.stringify({ a: { ...core }, b: 3 })), reason: /not a SAEBench eval result/ },
];

/** Hostile names: they load (their values are good) and must come out as the same text, never as markup. */
export const HOSTILE_NAMES = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil")', '+1+cmd|/C calc', '@SUM(A1)', '"; DROP TABLE saes; --', '\u202egnp.exe', '__proto__'];
export const hostileFiles = HOSTILE_NAMES.map((n, i) => input(`hostile_${i}.json`, named(n)));
