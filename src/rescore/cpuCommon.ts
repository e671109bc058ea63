// Shared by the scalar CPU engine (cpuEngine.ts) and the fast one (fastCpuEngine.ts): cancellation, the per-latent
// density/CAH aggregates, the weight-based metrics and the final result record.
import { fail } from './errors.ts';
import { densityAggregates } from './latentMetrics.ts';
import type { ReconstructionAccumulator } from './metrics.ts';
import type { ActivationBundle, CanonicalSae, RescoreOptions, RescoreResult } from './types.ts';
import type { GemmABt } from './wasm/gemmWasm.ts';
import { encoderStats, maxCosine } from './weightMetrics.ts';

/** Optional faster product for the max-cosine weight metrics (see weightMetrics.ts maxCosine). */
export type CosineGemm = (n: Float32Array, F: number, d: number, maxRows: number) => GemmABt;

export const DEFAULT_SAMPLE_ABOVE = 4096;
export const DEFAULT_SAMPLE_SIZE = 512;

export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) fail('ABORTED', 'Re-scoring was cancelled');
}

/** Yields to the event loop at most every ~30 ms so progress renders and cancellation is seen. */
export function makeYielder(signal: AbortSignal | undefined): () => Promise<void> {
  let last = performance.now();
  return async () => {
    checkAbort(signal);
    if (performance.now() - last < 30) return;
    await new Promise((r) => setTimeout(r, 0));
    last = performance.now();
    checkAbort(signal);
  };
}

/** What the token pass of either engine produced. */
export interface TokenPass {
  acc: ReconstructionAccumulator;
  /** Per latent: unmasked tokens and sequences with f > 0. */
  fired: Float64Array;
  firedSeq: Float64Array;
  tokens: number;
}

/** Builds the result from the token pass, runs the weight phase (unless skipped) and applies the NaN conventions. */
export async function finishCpuResult(
  sae: CanonicalSae, bundle: ActivationBundle, pass: TokenPass, wEncT: () => Float32Array,
  notes: string[], opts: RescoreOptions, yieldNow: () => Promise<void>, gemm?: CosineGemm,
): Promise<RescoreResult> {
  const F = sae.dSae, N = pass.tokens, { fired, firedSeq } = pass;
  const metrics = pass.acc.finish();
  const density = new Float64Array(F);
  const cah = new Float64Array(F);
  for (let i = 0; i < F; i++) {
    density[i] = fired[i]! / N;
    cah[i] = firedSeq[i]! > 0 ? fired[i]! / firedSeq[i]! : -1;
  }
  Object.assign(metrics, densityAggregates(density));
  metrics.total_tokens_eval_sparsity_variance = bundle.nSeq * bundle.ctx;
  metrics.unmasked_tokens = N;
  const result: RescoreResult = {
    engine: 'cpu',
    tokens: N,
    metrics,
    perLatent: {
      featureDensity: density,
      consistentActivationHeuristic: cah,
      encoderNorm: new Float64Array(F),
      encoderDecoderCosineSim: new Float64Array(F),
      firedTokens: fired,
      firedSequences: firedSeq,
    },
    notes,
  };
  if (!opts.skipWeightMetrics) await weightPhase(sae, wEncT(), result, opts, yieldNow, gemm);
  else notes.push('weight-based metrics skipped');
  for (const [k, v] of Object.entries(metrics)) {
    if (Number.isNaN(v)) {
      metrics[k] = -1;
      notes.push(`${k} is NaN (e.g. a zero vector), written as -1 as SAEBench does`);
    }
  }
  notes.push('consistent_activation_heuristic is -1 for latents that never fired (SAEBench NaN convention)');
  opts.onProgress?.({ tokensDone: N, tokensTotal: N, phase: 'done' });
  return result;
}

async function weightPhase(
  sae: CanonicalSae, wEncT: Float32Array, result: RescoreResult, opts: RescoreOptions, yieldNow: () => Promise<void>,
  gemm: CosineGemm | undefined,
): Promise<void> {
  const { dIn: d, dSae: F } = sae;
  const { norm, encDecCos } = encoderStats(wEncT, sae.wDec, F, d);
  for (let i = 0; i < F; i++) if (Number.isNaN(encDecCos[i]!)) encDecCos[i] = -1;
  result.perLatent.encoderNorm = norm;
  result.perLatent.encoderDecoderCosineSim = encDecCos;
  const sampleAbove = opts.maxCosineSampleAbove ?? DEFAULT_SAMPLE_ABOVE;
  const sampleSize = opts.maxCosineSampleSize ?? DEFAULT_SAMPLE_SIZE;
  const seed = opts.seed ?? 42;
  const total = F > sampleAbove ? 2 * Math.min(sampleSize, F) : 2 * F;
  const cosOpts = (base: number) => ({
    sampleAbove, sampleSize, seed, gemm,
    onChunk: async (done: number) => {
      opts.onProgress?.({ tokensDone: base + done, tokensTotal: total, phase: 'weight cosines' });
      await yieldNow();
    },
  });
  const dec = await maxCosine(sae.wDec, F, d, cosOpts(0));
  const enc = await maxCosine(wEncT, F, d, cosOpts(total / 2));
  result.perLatent.maxDecoderCosineSim = dec.perLatent;
  result.perLatent.maxEncoderCosineSim = enc.perLatent;
  const mean = (r: typeof dec) => {
    let s = 0;
    for (const i of r.computed) s += r.perLatent[i]!;
    return s / r.computed.length;
  };
  result.metrics.average_max_decoder_cosine_sim = mean(dec);
  result.metrics.average_max_encoder_cosine_sim = mean(enc);
  let normSum = 0;
  for (let i = 0; i < F; i++) normSum += norm[i]!;
  result.metrics.mean_encoder_norm = normSum / F;
  if (dec.sampled) {
    result.metrics.max_cosine_sampled_latents = dec.computed.length;
    result.notes.push(
      `max encoder/decoder cosine: d_sae=${F} > ${sampleAbove}, so ${dec.computed.length} latents (seed ${seed}) were compared against all ${F}; ` +
        'the averages are estimates and unsampled per-latent entries are NaN',
    );
  }
}
