// npx tsx scripts/make-official-layout.ts --out DIR [--synthetic N [--seed 7]]
// A folder in the official results layout, <eval_type>/<release>/<release>_<sae_id>_eval_results.json, for
// testing `npm run ingest`:
// - by default from the real SAEBench output JSON bundled in data/saebench/sources (every file the parser
//   reads; a file holding several results is split into one file per result);
// - with --synthetic N, N SYNTHETIC SAEs (seeded) with one file per eval type each, for timing the ingest of
//   a folder of the official size. Their release names say "synthetic" and every value is invented.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSaebenchJson, SaebenchParseError } from '../src/ingest/saebenchJson.ts';
import { Rng } from '../src/rescore/synthetic/prng.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const out = arg('out');
if (!out) throw new Error('usage: make-official-layout.ts --out DIR [--synthetic N]');
rmSync(out, { recursive: true, force: true });

const fileName = (release: string, saeId: string) => `${release}_${saeId.replaceAll('/', '_')}_eval_results.json`;
const written = new Set<string>();
function write(evalType: string, release: string, saeId: string, doc: unknown) {
  const dir = join(out!, evalType, release);
  mkdirSync(dir, { recursive: true });
  // The same result found in two sources is one file.
  const path = join(dir, fileName(release, saeId));
  writeFileSync(path, JSON.stringify(doc));
  written.add(path);
}

function fromFixtures() {
  const walk = (p: string): string[] => readdirSync(p).flatMap((n) => (statSync(join(p, n)).isDirectory() ? walk(join(p, n)) : n.endsWith('.json') ? [join(p, n)] : []));
  for (const path of walk('data/saebench/sources')) {
    const text = readFileSync(path, 'utf8');
    let results;
    try {
      results = parseSaebenchJson(text);
    } catch (e) {
      if (e instanceof SaebenchParseError) continue; // not SAEBench output (a third party's summary)
      throw e;
    }
    const doc = JSON.parse(text) as Record<string, unknown>;
    for (const r of results) {
      const release = r.saeLensReleaseId ?? 'custom_saes';
      const saeId = r.saeLensId ?? r.key ?? path.split('/').pop()!.replace(/_eval_results\.json$|\.json$/, '');
      // A file of several results becomes one file per result, as SAEBench writes them.
      const legacy = doc.custom_eval_results as Record<string, unknown> | undefined;
      const one = r.key === null ? doc : legacy ? { ...doc, custom_eval_results: { [r.key]: legacy[r.key] } } : doc[r.key];
      write(r.evalType === 'absorption_first_letter' ? 'absorption' : r.evalType, release, saeId, one);
    }
  }
}

const ARCHS = ['standard', 'topk', 'batch_topk', 'jumprelu', 'gated', 'matryoshka_batch_topk', 'p_anneal'];
function synthetic(n: number, seed: number) {
  const rng = new Rng(seed);
  const u = () => rng.uniform();
  for (let i = 0; i < n; i++) {
    const arch = ARCHS[i % ARCHS.length]!;
    const layer = [4, 8, 12, 16, 20][Math.floor(i / ARCHS.length) % 5]!;
    const width = 2 ** (12 + (Math.floor(i / 35) % 5));
    const trainer = Math.floor(i / 175);
    const release = `synthetic_sweep_${arch}_w${width}`;
    const saeId = `blocks.${layer}.hook_resid_post__trainer_${trainer}`;
    const l0 = 10 + 400 * u();
    const cfg = { model_name: 'synthetic-model', d_in: 2304, d_sae: width, hook_layer: layer, hook_name: `blocks.${layer}.hook_resid_post`, architecture: arch };
    const head = (evalType: string, metrics: Record<string, Record<string, number>>) => ({
      eval_type_id: evalType, eval_config: { synthetic: true }, eval_id: `${i}`, datetime_epoch_millis: 0,
      eval_result_metrics: metrics, eval_result_details: [], sae_bench_commit_hash: 'synthetic', sae_lens_id: saeId,
      sae_lens_release_id: release, sae_lens_version: 'synthetic', sae_cfg_dict: cfg, eval_result_unstructured: null,
    });
    write('core', release, saeId, head('core', {
      model_performance_preservation: { ce_loss_score: 0.8 + 0.19 * u(), ce_loss_with_sae: 3 + u() },
      reconstruction_quality: { explained_variance: 0.6 + 0.35 * u(), mse: u() },
      sparsity: { l0, l1: l0 * 3 },
    }));
    write('absorption', release, saeId, head('absorption_first_letter', { mean: { mean_absorption_fraction_score: 0.3 * u(), mean_num_split_features: 1 + u() } }));
    write('autointerp', release, saeId, head('autointerp', { autointerp: { autointerp_score: 0.7 + 0.2 * u() } }));
    write('scr', release, saeId, head('scr', { scr_metrics: { scr_dir1_threshold_20: 0.4 * u(), scr_metric_threshold_20: 0.4 * u() } }));
    write('tpp', release, saeId, head('tpp', { tpp_metrics: { tpp_threshold_20_total_metric: 0.3 * u() } }));
    write('sparse_probing', release, saeId, head('sparse_probing', { sae: { sae_top_1_test_accuracy: 0.6 + 0.3 * u() }, llm: { llm_top_1_test_accuracy: 0.7 } }));
    write('unlearning', release, saeId, head('unlearning', { unlearning: { unlearning_score: 0.2 * u() } }));
    write('ravel', release, saeId, head('ravel', { ravel: { disentanglement_score: 0.5 + 0.4 * u(), cause_score: u(), isolation_score: u() } }));
  }
}

const n = arg('synthetic');
if (n) synthetic(Number(n), Number(arg('seed') ?? '7'));
else fromFixtures();
console.log(`make-official-layout: wrote ${written.size} files to ${out}${n ? ` (${n} SYNTHETIC SAEs)` : ''}`);
