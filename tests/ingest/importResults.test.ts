import { describe, expect, it } from 'vitest';
import { importResults, type ImportOutcome } from '../../src/ingest/importResults.ts';
import { importedTables, USER_PROVENANCE } from '../../src/ingest/userRows.ts';
import { toCsv } from '../../src/export/csv.ts';
import { parseCsvRecords } from '../../src/ingest/csv.ts';
import { fixtureText, input, NEURONPEDIA_EXPORT, SAEBENCH_FIXTURES, SCHEMAS } from '../helpers/importInputs.ts';
import { BAD_INPUTS, HOSTILE_NAMES, hostileFiles } from './badInputs.ts';

const linesOf = (o: ImportOutcome, file: string) => o.report.filter((l) => l.file === file);

describe('importResults on every bundled SAEBench output file', () => {
  const outcome = importResults(SAEBENCH_FIXTURES, SCHEMAS);

  it('reads all of them (every eval type, old and new formats), rejecting only results another file already gave', () => {
    expect(SAEBENCH_FIXTURES.length).toBeGreaterThanOrEqual(30);
    const duplicate = /^a second \S+ result for .+; the first one read is kept$/;
    expect(outcome.report.filter((l) => l.status === 'rejected' && !duplicate.test(l.message))).toEqual([]);
    for (const f of SAEBENCH_FIXTURES) {
      expect(linesOf(outcome, f.path).some((l) => l.status === 'loaded' || duplicate.test(l.message)), f.path).toBe(true);
    }
    const evalTypes = new Set(outcome.saes.flatMap((s) => s.values.map((v) => v.evalType)));
    for (const e of ['core', 'absorption_first_letter', 'autointerp', 'scr', 'tpp', 'sparse_probing', 'unlearning', 'ravel', 'mdl', 'meta_structure_decoder_variance']) {
      expect(evalTypes, e).toContain(e);
    }
  });

  it('joins the files of one SAE into one SAE, with its identity from sae_cfg_dict and the names', () => {
    const sae = outcome.saes.find((s) => s.key === 'sae_bench_pythia70m_sweep_topk_ctx128_0730/blocks.4.hook_resid_post__trainer_10')!;
    expect(new Set(sae.values.map((v) => v.evalType))).toEqual(new Set(['scr', 'tpp', 'autointerp', 'absorption_first_letter', 'sparse_probing']));
    expect(sae.identity).toMatchObject({ model: 'pythia-70m-deduped', layer: 4, dictSize: 16384, architecture: 'topk' });
    // Legacy sparse-probing keys carry the identity in the name only.
    const legacy = outcome.saes.find((s) => s.key === 'pythia70m_sweep_standard_ctx128_0712/resid_post_layer_4/trainer_0')!;
    expect(legacy.identity).toMatchObject({ model: 'pythia-70m-deduped', layer: 4, architecture: 'standard' });
  });

  it('keeps the values as written, and the fixture values are the ones the parser reads', () => {
    const core = outcome.saes.find((s) => s.values.some((v) => v.evalType === 'core' && v.file.endsWith('core_expected_results.json')))!;
    expect(core.values.find((v) => v.metric === 'ce_loss_score')?.value).toBe(0.9975534586157891);
    // The -1 "not computed" sentinel is not a value.
    expect(core.values.find((v) => v.metric === 'kl_div_score')).toBeUndefined();
    // An eval type the catalog does not know is kept generically.
    const mdl = outcome.saes.find((s) => s.values.some((v) => v.evalType === 'mdl'))!;
    expect(mdl.values.find((v) => v.metric === 'description_length')?.value).toBe(169.08822631835938);
  });

  it('records the SAEBench commit and eval config of each result (for version drift)', () => {
    const core = outcome.saes.find((s) => s.versions.some((v) => v.evalType === 'core'))!;
    const v = core.versions.find((x) => x.evalType === 'core')!;
    expect(v.commit).toMatch(/^[0-9a-f]{7,40}$/);
    expect(v.configHash).toMatch(/^[0-9a-f]{8}$/);
  });

  it('reads a Neuronpedia SAEBench export, one SAE per record', () => {
    const np = importResults([NEURONPEDIA_EXPORT], SCHEMAS);
    expect(np.saes).toHaveLength(126);
    expect(np.report).toEqual([{ file: 'saebench_results.json', status: 'loaded', message: 'Neuronpedia export: 126 SAEs' }]);
    const s = np.saes.find((x) => x.key === '12-sae_bench_0125-gated-res-64k__trainer_5')!;
    expect(s.identity).toMatchObject({ model: 'gemma-2-2b', layer: 12, dictSize: 65536, architecture: 'gated' });
    expect(s.values.find((v) => v.metric === 'l0')?.value).toBe(53.84395217895508);
  });
});

describe('importResults on a corpus of bad inputs, dropped together with good files', () => {
  const good = [input('core_expected_results.json', fixtureText('core/core_expected_results.json')), input('tpp.json', fixtureText('scr_and_tpp/tpp_expected_results.json'))];
  const outcome = importResults([...good, ...BAD_INPUTS.map((b) => b.file)], SCHEMAS);

  it(`has at least 30 cases`, () => expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30));

  for (const b of BAD_INPUTS) {
    it(`${b.what}: a rejected line that says why`, () => {
      const lines = linesOf(outcome, b.file.path);
      expect(lines.some((l) => l.status === 'rejected' && b.reason.test(l.message)), JSON.stringify(lines)).toBe(true);
    });
  }

  it('still loads the good files in the same drop, with exactly their values', () => {
    const alone = importResults(good, SCHEMAS);
    const key = (o: ImportOutcome) => o.saes.filter((s) => s.versions.some((v) => good.some((g) => g.path === v.file)))
      .map((s) => s.values.filter((v) => good.some((g) => g.path === v.file)).map((v) => `${s.key}|${v.metric}|${v.value}`)).flat().sort();
    expect(key(outcome)).toEqual(key(alone));
    expect(key(alone).length).toBeGreaterThan(10);
  });

  it('takes no value from a bad file (an unusable metric leaves the rest of its file)', () => {
    const values = outcome.saes.flatMap((s) => s.values);
    for (const v of values) expect(Math.abs(v.value)).toBeLessThan(1e12);
    const textMetric = values.filter((v) => v.file === 'metric_text.json');
    expect(textMetric.some((v) => v.metric === 'ce_loss_score')).toBe(false);
    // The same file's other metrics are good and kept.
    expect(textMetric.some((v) => v.metric === 'l0')).toBe(true);
  });

  it('does not pollute prototypes', () => {
    importResults([input('proto.json', '{"eval_type_id":"core","eval_result_metrics":{"__proto__":{"polluted":1},"sparsity":{"l0":3}}}')], SCHEMAS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps to the file-count and total-size limits with a line for what it left', () => {
    const many = Array.from({ length: 5 }, (_, i) => input(`f${i}.json`, fixtureText('core/core_expected_results.json')));
    const o = importResults(many, SCHEMAS, { fileBytes: 2 ** 20, totalBytes: 2 ** 30, files: 3 });
    expect(o.report.filter((l) => l.message.startsWith('more than 3 files'))).toHaveLength(1);
    const big = importResults(many, SCHEMAS, { fileBytes: 2 ** 20, totalBytes: 10, files: 100 });
    expect(big.saes).toHaveLength(0);
    expect(big.report[0]?.message).toMatch(/in all; this and later files were not read/);
  });
});

describe('hostile names', () => {
  const outcome = importResults(hostileFiles, SCHEMAS);

  it('load as the same text', () => {
    expect(outcome.saes.map((s) => s.name).sort()).toEqual([...HOSTILE_NAMES].sort());
  });

  it('come out of the CSV export neutralised, never as a formula', () => {
    const { wide } = importedTables(outcome.saes, { release: '=cmd|"/C calc"!A0', edits: {}, provenance: USER_PROVENANCE, isUser: true });
    const cols = wide.map((c) => c.name);
    const rows = wide[0]!.values.map((_, i) => Object.fromEntries(wide.map((c) => [c.name, c.values[i]])));
    const { records } = parseCsvRecords(toCsv(cols, rows));
    for (const r of records) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(records.map((r) => r.sae_lens_id).sort()).toEqual(HOSTILE_NAMES.map((n) => (/^[=+\-@]/.test(n) ? `'${n}` : n)).sort());
    expect(records[0]?.release).toBe(`'=cmd|"/C calc"!A0`);
  });
});
