// Shared by the scalar CPU engine (cpuEngine.ts) and the fast one (fastCpuEngine.ts): cancellation, the per-latent
// density/CAH aggregates, the weight-based metrics and the final result record.
import { fail } from './errors.ts';
import type { ReconstructionAccumulator } from './metrics.ts';
import { finishResult, tokenPassResult } from './result.ts';
import type { ActivationBundle, CanonicalSae, RescoreOptions, RescoreResult } from './types.ts';
import type { GemmABt } from './wasm/gemmWasm.ts';
import { cosineSampling, maxCosine, recordEncoderStats, recordMaxCosines } from './weightMetrics.ts';

/** Optional faster product for the max-cosine weight metrics (see weightMetrics.ts maxCosine). */
export type CosineGemm = (n: Float32Array, F: number, d: number, maxRows: number) => GemmABt;

export { DEFAULT_SAMPLE_ABOVE, DEFAULT_SAMPLE_SIZE } from './weightMetrics.ts';

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
  const result = tokenPassResult('cpu', bundle, pass.acc.finish(), pass.fired, pass.firedSeq, pass.tokens, notes);
  if (!opts.skipWeightMetrics) await weightPhase(sae, wEncT(), result, opts, yieldNow, gemm);
  else notes.push('weight-based metrics skipped');
  return finishResult(result, opts);
}

async function weightPhase(
  sae: CanonicalSae, wEncT: Float32Array, result: RescoreResult, opts: RescoreOptions, yieldNow: () => Promise<void>,
  gemm: CosineGemm | undefined,
): Promise<void> {
  const { dIn: d, dSae: F } = sae;
  const norm = recordEncoderStats(sae, wEncT, result);
  const sampling = cosineSampling(opts, F);
  const cosOpts = (base: number) => ({
    ...sampling, gemm,
    onChunk: async (done: number) => {
      opts.onProgress?.({ tokensDone: base + done, tokensTotal: sampling.total, phase: 'weight cosines' });
      await yieldNow();
    },
  });
  const dec = await maxCosine(sae.wDec, F, d, cosOpts(0));
  const enc = await maxCosine(wEncT, F, d, cosOpts(sampling.total / 2));
  recordMaxCosines(result, dec, enc, norm, sampling);
}
