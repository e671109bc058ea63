// npx tsx scripts/make-scale-data.ts --rows 100000 [--seed 7] [--out DIR]
// A SYNTHETIC dataset for scale benchmarks, seeded and reproducible: sweeps of six trainers over synthetic
// models, layers, widths and the seven architectures, with plausible but invented headline metrics. Every value
// has provenance "synthetic", the release names say "synthetic", and the manifest marks the dataset synthetic,
// so the app labels it wherever it shows. Never the default dataset: load it with ?data=data/synthetic-<n>/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bool, Dictionary, Int32, Table, Utf8, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { ARCHITECTURES } from '../src/catalog/architectures.ts';
import { provenanceColumnOf } from '../src/catalog/columns.ts';
import { Rng } from '../src/rescore/synthetic/prng.ts';
import { PROVENANCES_COLUMN } from '../src/query/schema.ts';
import { writeManifest } from './data/manifest.ts';
import { openNodeDb } from './data/nodeDuckDb.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const rows = Number(arg('rows', '10000'));
const seed = Number(arg('seed', '7'));
export const scaleLabel = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}m` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const out = arg('out', join('.cache', 'scale', `synthetic-${scaleLabel(rows)}`));
if (!Number.isSafeInteger(rows) || rows < 6) throw new Error('--rows must be an integer >= 6');

const MODELS = ['synthetic-model-a', 'synthetic-model-b', 'synthetic-model-c', 'synthetic-model-d'];
const LAYERS = [3, 6, 9, 15, 18, 21]; // none of the default view's (layer 12, 65k), so a synthetic dataset opens on all of it
const WIDTHS = [2048, 8192, 32768, 131072];
const ARCHS = ARCHITECTURES.filter((a) => a.id !== 'pca').map((a) => a.id);
const METRICS = ['l0', 'ce_loss_score', 'explained_variance', 'absorption_fraction', 'autointerp_score', 'scr_top20', 'tpp_top20', 'sparse_probing_sae_top1', 'unlearning_score', 'ravel_disentanglement'];

const rng = new Rng(seed);
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const cols = {
  sae_id: new Array<string>(rows), release: new Array<string>(rows), model: new Array<string>(rows), architecture: new Array<string>(rows),
  layer: new Float64Array(rows), dict_size: new Float64Array(rows), trainer: new Float64Array(rows), sparsity_index: new Float64Array(rows),
  training_tokens: new Float64Array(rows).fill(5e8),
};
const metrics = Object.fromEntries(METRICS.map((m) => [m, new Float32Array(rows)])) as Record<string, Float32Array>;

const perRelease = MODELS.length * LAYERS.length * WIDTHS.length * ARCHS.length;
for (let i = 0; i < rows; i++) {
  const sweep = Math.floor(i / 6);
  const t = i % 6;
  const release = Math.floor(sweep / perRelease);
  let k = sweep % perRelease;
  const arch = ARCHS[k % ARCHS.length]!; k = Math.floor(k / ARCHS.length);
  const width = WIDTHS[k % WIDTHS.length]!; k = Math.floor(k / WIDTHS.length);
  const layer = LAYERS[k % LAYERS.length]!; k = Math.floor(k / LAYERS.length);
  const model = MODELS[k % MODELS.length]!;
  const a = ARCHS.indexOf(arch);
  const l0 = 20 * 2 ** t * Math.exp(0.05 * rng.normal()) * (arch === 'standard' || arch === 'gated' || arch === 'p_anneal' ? 1.8 : 1);
  const w = Math.log2(width / 4096);
  cols.sae_id[i] = `synthetic__r${release}__${model}__L${layer}__${width}__${arch}__t${t}`;
  cols.release[i] = `synthetic_scale_r${release}`;
  cols.model[i] = model;
  cols.architecture[i] = arch;
  cols.layer[i] = layer;
  cols.dict_size[i] = width;
  cols.trainer[i] = t;
  cols.sparsity_index[i] = t;
  metrics.l0![i] = l0;
  const ll = Math.log10(l0);
  metrics.ce_loss_score![i] = clamp01(1 - 0.08 / (1 + ll) ** 2 - 0.004 * a + 0.003 * w + 0.002 * rng.normal());
  metrics.explained_variance![i] = clamp01(0.45 + 0.15 * ll + 0.02 * w + 0.01 * rng.normal());
  metrics.absorption_fraction![i] = clamp01(0.4 - 0.1 * ll + 0.03 * w + 0.05 * rng.normal());
  metrics.autointerp_score![i] = clamp01(0.9 - 0.03 * ll + 0.01 * rng.normal());
  metrics.scr_top20![i] = clamp01(0.25 + 0.03 * Math.sin(ll * 2) + 0.01 * a + 0.03 * rng.normal());
  metrics.tpp_top20![i] = clamp01(0.02 * 2 ** t * 0.3 + 0.01 * a + 0.01 * rng.normal());
  metrics.sparse_probing_sae_top1![i] = clamp01(0.72 + 0.02 * ll + 0.02 * rng.normal());
  metrics.unlearning_score![i] = clamp01(0.1 - 0.03 * ll + 0.02 * rng.normal());
  metrics.ravel_disentanglement![i] = clamp01(0.5 + 0.08 * ll + 0.02 * rng.normal());
}

const dict = () => new Dictionary(new Utf8(), new Int32());
const vectors: Record<string, Vector> = {
  sae_id: vectorFromArray(cols.sae_id, new Utf8()),
  release: vectorFromArray(cols.release, dict()),
  model: vectorFromArray(cols.model, dict()),
  architecture: vectorFromArray(cols.architecture, dict()),
  layer: makeVector(cols.layer),
  dict_size: makeVector(cols.dict_size),
  trainer: makeVector(cols.trainer),
  sparsity_index: makeVector(cols.sparsity_index),
  training_tokens: makeVector(cols.training_tokens),
  is_baseline: vectorFromArray(new Array<boolean>(rows).fill(false), new Bool()),
};
const provenance = new Array<string>(rows).fill('synthetic');
for (const m of METRICS) {
  vectors[m] = makeVector(metrics[m]!);
  vectors[provenanceColumnOf(m)] = vectorFromArray(provenance, dict());
}
// The per-row list of provenance labels the provenance filter reads (computing it per query costs a scan).
vectors[PROVENANCES_COLUMN] = vectorFromArray(provenance, dict());
const saes = tableToIPC(new Table(vectors), 'stream');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'saes.arrows'), saes);
const db = await openNodeDb({ saes });
const manifest = writeManifest(db, out, {
  name: `SYNTHETIC scale test: ${rows.toLocaleString('en')} invented SAEs (seed ${seed})`, synthetic: true, presets: false,
  extra: { generator: 'scripts/make-scale-data.ts', seed, rows },
});
console.log(`synthetic: ${manifest.saeCount} SAEs, ${(saes.length / 2 ** 20).toFixed(1)} MiB, ${Object.keys(manifest.prefetch).length} prefetched answers -> ${out}`);
