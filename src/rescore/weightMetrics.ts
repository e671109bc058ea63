// Weight-based per-latent metrics (docs/rescoring-spec.md §1.3): encoder norms, encoder–decoder cosine, max
// encoder/decoder cosine.
import { gemmABt } from './kernel.ts';
import { Rng } from './synthetic/prng.ts';
import type { CanonicalSae, RescoreOptions, RescoreResult } from './types.ts';
import type { GemmABt } from './wasm/gemmWasm.ts';

/** Row i of a [rows, d] matrix, L2-normalised with F.normalize's eps (1e-12). */
export function normalizedRows(m: Float32Array, rows: number, d: number): Float32Array {
  const out = new Float32Array(rows * d);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += m[i * d + j]! ** 2;
    const inv = 1 / Math.max(Math.sqrt(s), 1e-12);
    for (let j = 0; j < d; j++) out[i * d + j] = m[i * d + j]! * inv;
  }
  return out;
}

/** encoder_norm and encoder_decoder_cosine_sim; wEncT is [F, d]. A zero-norm latent gives NaN (SAEBench writes −1). */
export function encoderStats(wEncT: Float32Array, wDec: Float32Array, F: number, d: number): { norm: Float64Array; encDecCos: Float64Array } {
  const norm = new Float64Array(F);
  const encDecCos = new Float64Array(F);
  for (let i = 0; i < F; i++) {
    let e2 = 0, d2 = 0, dot = 0;
    for (let j = 0; j < d; j++) {
      const e = wEncT[i * d + j]!, w = wDec[i * d + j]!;
      e2 += e * e; d2 += w * w; dot += e * w;
    }
    norm[i] = Math.sqrt(e2);
    encDecCos[i] = dot / Math.sqrt(e2 * d2);
  }
  return { norm, encDecCos };
}

export interface MaxCosineResult {
  /** max_{j≠i} cos(row i, row j) for the computed latents; NaN where not computed (sampled mode). */
  perLatent: Float64Array;
  /** Indices computed (all when exact). */
  computed: Int32Array;
  sampled: boolean;
}

/** Exact when F ≤ sampleAbove, else `sampleSize` seeded latents against all F rows. */
export async function maxCosine(
  rows: Float32Array, F: number, d: number,
  opts: {
    sampleAbove: number; sampleSize: number; seed: number; onChunk?: (done: number, total: number) => Promise<void>;
    /** A faster C = A·nᵀ against the normalised rows n (e.g. the wasm kernel); default: kernel.ts's gemmABt. */
    gemm?: (n: Float32Array, F: number, d: number, maxRows: number) => GemmABt;
  },
): Promise<MaxCosineResult> {
  const n = normalizedRows(rows, F, d);
  const sampled = F > opts.sampleAbove;
  const computed = sampled ? new Rng(opts.seed).sample(F, Math.min(opts.sampleSize, F)) : Int32Array.from({ length: F }, (_, i) => i);
  const out = new Float64Array(F).fill(NaN);
  const chunk = 32;
  const a = new Float32Array(chunk * d);
  const c = new Float32Array(chunk * F);
  const mul: GemmABt = opts.gemm ? opts.gemm(n, F, d, chunk) : (x, m, out) => gemmABt(x, m, n, F, d, out);
  for (let s = 0; s < computed.length; s += chunk) {
    const m = Math.min(chunk, computed.length - s);
    for (let r = 0; r < m; r++) a.set(n.subarray(computed[s + r]! * d, computed[s + r]! * d + d), r * d);
    mul(a, m, c);
    for (let r = 0; r < m; r++) {
      const self = computed[s + r]!;
      let best = -Infinity;
      for (let j = 0; j < F; j++) if (j !== self && c[r * F + j]! > best) best = c[r * F + j]!;
      out[self] = best;
    }
    await opts.onChunk?.(s + m, computed.length);
  }
  return { perLatent: out, computed, sampled };
}

export const DEFAULT_SAMPLE_ABOVE = 4096;
export const DEFAULT_SAMPLE_SIZE = 512;

/** The max-cosine sampling both engines use: every latent up to sampleAbove, else a seeded sample. */
export function cosineSampling(opts: RescoreOptions, F: number): { sampleAbove: number; sampleSize: number; seed: number; total: number } {
  const sampleAbove = opts.maxCosineSampleAbove ?? DEFAULT_SAMPLE_ABOVE;
  const sampleSize = opts.maxCosineSampleSize ?? DEFAULT_SAMPLE_SIZE;
  return { sampleAbove, sampleSize, seed: opts.seed ?? 42, total: F > sampleAbove ? 2 * Math.min(sampleSize, F) : 2 * F };
}

/** Encoder norms and encoder–decoder cosines into the result (NaN cosines as -1); returns the norms. */
export function recordEncoderStats(sae: CanonicalSae, wEncT: Float32Array, result: RescoreResult): Float64Array {
  const { norm, encDecCos } = encoderStats(wEncT, sae.wDec, sae.dSae, sae.dIn);
  for (let i = 0; i < sae.dSae; i++) if (Number.isNaN(encDecCos[i]!)) encDecCos[i] = -1;
  result.perLatent.encoderNorm = norm;
  result.perLatent.encoderDecoderCosineSim = encDecCos;
  return norm;
}

/** Max cosines, their averages over the computed latents, the mean encoder norm and the sampling note. */
export function recordMaxCosines(
  result: RescoreResult, dec: MaxCosineResult, enc: MaxCosineResult, norm: Float64Array, sampling: { sampleAbove: number; seed: number },
): void {
  const F = norm.length;
  result.perLatent.maxDecoderCosineSim = dec.perLatent;
  result.perLatent.maxEncoderCosineSim = enc.perLatent;
  const mean = (r: MaxCosineResult) => {
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
      `max encoder/decoder cosine: d_sae=${F} > ${sampling.sampleAbove}, so ${dec.computed.length} latents (seed ${sampling.seed}) were compared against all ${F}; ` +
        'the averages are estimates and unsampled per-latent entries are NaN',
    );
  }
}
