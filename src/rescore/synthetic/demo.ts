// Builds the synthetic demo SAEs: generator model, evaluation bundle, trained SAEs and their ground-truth scores.
// Used by scripts/make-demo-saes.ts; pure (returns file contents), deterministic for a given seed.
import { writeBundle } from '../bundle.ts';
import { rescoreCpu } from '../cpuEngine.ts';
import { loadSaeFromFiles } from '../loadSae.ts';
import { filesToMap, toDictionaryLearningFiles, toSaeLensFiles, type SaeFiles } from '../saeWriter.ts';
import type { ActivationBundle, CanonicalSae } from '../types.ts';
import { makeSynthModel, sampleSynth, TINY_PRESET, type SynthModel, type SynthSample } from './generator.ts';
import { encodeAll, groundTruthScores, trueActivity } from './groundTruth.ts';
import { Rng } from './prng.ts';
import { trainSae, type TrainConfig } from './train.ts';

export const DEMO_SEQ = 16;
export const DEMO_CTX = 64;
export const DEMO_BATCH_PROMPTS = 4;
/** With G > d the oracle's Gᵀ encoder sees interference, so its threshold sits well above it (magnitudes are 4–5). */
export const ORACLE_THETA = 2;

export interface DemoSpec {
  name: string;
  train?: Omit<TrainConfig, 'seed'>;
  oracle?: boolean;
  description: string;
}

export const DEMO_SPECS: DemoSpec[] = [
  { name: 'synthetic-relu', train: { arch: 'standard', dSae: 64, steps: 1500, batch: 128, lr: 3e-3, l1: 1 }, description: 'ReLU + L1 SAE trained on synthetic data' },
  { name: 'synthetic-topk', train: { arch: 'topk', dSae: 64, steps: 1500, batch: 128, lr: 3e-3, k: 4 }, description: 'TopK (k=4) SAE trained on synthetic data' },
  { name: 'synthetic-batchtopk', train: { arch: 'batch_topk', dSae: 64, steps: 1500, batch: 128, lr: 3e-3, k: 4 }, description: 'BatchTopK (k=4) SAE trained on synthetic data; saved for inference as JumpReLU with a uniform threshold, as SAELens does' },
  { name: 'synthetic-jumprelu', train: { arch: 'jumprelu', dSae: 64, steps: 1500, batch: 128, lr: 3e-3, l0: 0.5, bandwidth: 0.5 }, description: 'JumpReLU SAE trained on synthetic data (straight-through L0)' },
  { name: 'synthetic-gated', train: { arch: 'gated', dSae: 64, steps: 1500, batch: 128, lr: 3e-3, l1: 3 }, description: 'Gated SAE trained on synthetic data' },
  { name: 'synthetic-oracle', oracle: true, description: 'Oracle JumpReLU SAE built from the true features (W_dec = G, W_enc = Gᵀ, b_dec = b, θ = 2)' },
];

/** Oracle of docs/rescoring-spec.md §5.4: F = G, W_dec = G, b_dec = b, W_enc = Gᵀ, θ just above 0. */
export function oracleSae(model: SynthModel, theta = 1e-3): CanonicalSae {
  const { d, G } = model.cfg;
  const wEnc = new Float32Array(d * G);
  for (let g = 0; g < G; g++) for (let j = 0; j < d; j++) wEnc[j * G + g] = model.features[g * d + j]!;
  return {
    architecture: 'jumprelu', dIn: d, dSae: G, wEnc, wDec: Float32Array.from(model.features), bDec: Float32Array.from(model.bias),
    bEnc: new Float32Array(G), threshold: new Float32Array(G).fill(theta), applyBDecToInput: true,
    normalization: { kind: 'none' }, description: { format: 'synthetic', name: 'synthetic-oracle', notes: ['oracle'] },
  };
}

export function demoBundle(sample: SynthSample, d: number): ActivationBundle {
  // Position 0 of every sequence is masked, standing in for a BOS token.
  const tokenMask = Uint8Array.from({ length: DEMO_SEQ * DEMO_CTX }, (_, t) => (t % DEMO_CTX === 0 ? 0 : 1));
  return {
    nSeq: DEMO_SEQ, ctx: DEMO_CTX, dIn: d, activations: sample.x, tokenMask, batchSizePrompts: DEMO_BATCH_PROMPTS,
    metadata: {
      model_name: 'synthetic (SynthSAEBench-lite)', hook_name: 'synthetic', hook_layer: '0', dataset: 'synthetic',
      context_size: String(DEMO_CTX), dtype: 'float32', special_token_ids: '[]', prepend_bos: 'false',
      source: 'scripts/make-demo-saes.ts (SynthSAEBench-lite, synthetic data, not a language model)', synthetic: 'true',
    },
  };
}

export interface DemoOutput {
  name: string;
  files: SaeFiles;
  groundTruth: Record<string, unknown>;
}

export async function buildDemo(spec: DemoSpec, model: SynthModel, sample: SynthSample, seed: number): Promise<DemoOutput> {
  const { d, G } = model.cfg;
  const trainRng = new Rng(seed + 1000);
  const sae = spec.oracle
    ? oracleSae(model, ORACLE_THETA)
    : trainSae(d, { ...spec.train!, seed }, (n) => sampleSynth(model, n, trainRng).x);
  const meta = {
    model_name: 'synthetic (SynthSAEBench-lite)', hook_name: 'synthetic', synthetic: true, demo_name: spec.name,
    description: `SYNTHETIC demo: ${spec.description}`, trained_architecture: spec.oracle ? 'oracle' : spec.train!.arch,
    generator: { ...model.cfg }, context_size: DEMO_CTX,
  };
  const files: SaeFiles = { ...toSaeLensFiles(sae, meta) };
  if (spec.train?.arch === 'batch_topk') {
    for (const [k, v] of Object.entries(toDictionaryLearningFiles(sae, { synthetic: true, lm_name: 'synthetic' }))) files[`dictionary_learning/${k}`] = v;
  }
  const bundle = demoBundle(sample, d);
  files['acts.safetensors'] = writeBundle(bundle, {
    extra: {
      true_features: { dtype: 'F32', shape: [G, d], data: model.features },
      true_codes_indptr: { dtype: 'I32', shape: [sample.n + 1], data: sample.indptr },
      true_codes_indices: { dtype: 'I32', shape: [sample.indices.length], data: sample.indices },
      true_codes_values: { dtype: 'F32', shape: [sample.values.length], data: sample.values },
    },
  });
  // Score the SAE as it loads back from disk (what the app sees).
  const loaded = loadSaeFromFiles(filesToMap({ 'cfg.json': files['cfg.json']!, 'sae_weights.safetensors': files['sae_weights.safetensors']! }), { name: spec.name });
  const keep: number[] = [];
  for (let t = 0; t < sample.n; t++) if (bundle.tokenMask[t]) keep.push(t);
  const x = new Float32Array(keep.length * d);
  keep.forEach((t, r) => x.set(sample.x.subarray(t * d, t * d + d), r * d));
  const active = trueActivity(sample.indptr, sample.indices, sample.n, G);
  const activeKept = new Uint8Array(keep.length * G);
  keep.forEach((t, r) => activeKept.set(active.subarray(t * G, t * G + G), r * G));
  const gt = groundTruthScores(loaded, model.features, G, encodeAll(loaded, x, keep.length), activeKept, keep.length);
  const r = await rescoreCpu(loaded, bundle, { skipWeightMetrics: true });
  let trueL0 = 0;
  for (const t of keep) trueL0 += sample.indptr[t + 1]! - sample.indptr[t]!;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    name: spec.name,
    files,
    groundTruth: {
      synthetic: true,
      name: spec.name,
      description: `SYNTHETIC: ${spec.description}`,
      tokens: keep.length,
      mcc: round(gt.mcc),
      uniqueness: round(gt.uniqueness),
      mean_f1: round(gt.meanF1),
      mean_precision: round(gt.meanPrecision),
      mean_recall: round(gt.meanRecall),
      mean_accuracy: round(gt.meanAccuracy),
      l0: round(r.metrics.l0!),
      true_l0: round(trueL0 / keep.length),
      dead_latents: r.metrics.dead_latents,
      explained_variance_synth: round(r.metrics.explained_variance_synth!),
      shrinkage_l2_ratio: round(r.metrics.l2_ratio!),
      per_latent: { best_feature: gt.bestFeature, best_abs_cos: gt.bestAbsCos.map(round), f1: gt.f1.map(round) },
      method: 'MCC: Hungarian matching on |cos(W_dec row, true feature)|, mean over min(F, G) pairs; uniqueness: distinct best-matched features / F; F1: latent fires (f > 0) vs its best-matched true feature fires, averaged over latents, on unmasked bundle tokens',
    },
  };
}

export function demoModel(): { model: SynthModel; sample: SynthSample } {
  const model = makeSynthModel(TINY_PRESET);
  const sample = sampleSynth(model, DEMO_SEQ * DEMO_CTX, new Rng(TINY_PRESET.seed + 7));
  return { model, sample };
}
