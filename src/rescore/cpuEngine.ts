// CPU re-scoring engine: token tiles, blocked GEMM on transposed W_enc, per-architecture epilogue, sparse decode,
// f64 aggregation (§1.2, §1.3, §6.5). The [tokens × latents] code matrix exists only one tile at a time.
import { checkBundleMatchesSae } from './bundle.ts';
import { fail } from './errors.ts';
import { applyEpilogue, makeEpilogue, normalizeIn, transposeWEnc } from './encoders.ts';
import { gemmABt } from './kernel.ts';
import { densityAggregates } from './latentMetrics.ts';
import { batchOfSeq, batchStats, ReconstructionAccumulator } from './metrics.ts';
import type { ActivationBundle, CanonicalSae, RescoreOptions, RescoreResult } from './types.ts';
import { encoderStats, maxCosine } from './weightMetrics.ts';

export const DEFAULT_SAMPLE_ABOVE = 4096;
export const DEFAULT_SAMPLE_SIZE = 512;

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) fail('ABORTED', 'Re-scoring was cancelled');
}

/** Yields to the event loop at most every ~30 ms so progress renders and cancellation is seen. */
function makeYielder(signal: AbortSignal | undefined): () => Promise<void> {
  let last = performance.now();
  return async () => {
    checkAbort(signal);
    if (performance.now() - last < 30) return;
    await new Promise((r) => setTimeout(r, 0));
    last = performance.now();
    checkAbort(signal);
  };
}

/** Indices of unmasked tokens in [seq, pos] order. */
export function unmaskedTokens(b: ActivationBundle): Int32Array {
  let n = 0;
  for (let t = 0; t < b.tokenMask.length; t++) if (b.tokenMask[t]) n++;
  const out = new Int32Array(n);
  let p = 0;
  for (let t = 0; t < b.tokenMask.length; t++) if (b.tokenMask[t]) out[p++] = t;
  return out;
}

export function checkBundleShape(b: ActivationBundle): void {
  if (b.activations.length !== b.nSeq * b.ctx * b.dIn) fail('BAD_BUNDLE', `activation bundle: ${b.activations.length} values, expected ${b.nSeq}x${b.ctx}x${b.dIn}`);
  if (b.tokenMask.length !== b.nSeq * b.ctx) fail('BAD_BUNDLE', `activation bundle: token_mask has ${b.tokenMask.length} entries, expected ${b.nSeq * b.ctx}`);
  if (!(b.batchSizePrompts >= 1)) fail('BAD_BUNDLE', 'activation bundle: batch_size_prompts must be >= 1');
}

export async function rescoreCpu(sae: CanonicalSae, bundle: ActivationBundle, opts: RescoreOptions = {}): Promise<RescoreResult> {
  checkBundleMatchesSae(bundle, sae);
  checkBundleShape(bundle);
  const { signal, onProgress } = opts;
  const yieldNow = makeYielder(signal);
  checkAbort(signal);
  const d = sae.dIn, F = sae.dSae, ctx = bundle.ctx;
  const notes: string[] = [];
  const tokens = unmaskedTokens(bundle);
  const N = tokens.length;
  if (N === 0) fail('BAD_BUNDLE', 'activation bundle: every token is masked');
  const stats = batchStats(bundle);
  const acc = new ReconstructionAccumulator(d, stats);
  const wEncT = transposeWEnc(sae);
  const ep = makeEpilogue(sae);
  const T = Math.max(1, opts.tileTokens ?? 64);
  const a = new Float32Array(T * d);
  const z = new Float32Array(T * F);
  const xin = new Float64Array(d);
  const inv = new Float64Array(2 * T);
  const xhat = new Float64Array(d);
  const fired = new Float64Array(F);
  const firedSeq = new Float64Array(F);
  const lastSeq = new Int32Array(F).fill(-1);
  const alpha = sae.applyBDecToInput ? 1 : 0;
  const bDec = sae.bDec, wDec = sae.wDec, X = bundle.activations;
  const invTok = new Float64Array(2);
  onProgress?.({ tokensDone: 0, tokensTotal: N, phase: 'encode' });
  for (let t0 = 0; t0 < N; t0 += T) {
    const rows = Math.min(T, N - t0);
    for (let r = 0; r < rows; r++) {
      normalizeIn(sae, X, tokens[t0 + r]! * d, xin, invTok);
      inv[2 * r] = invTok[0]!; inv[2 * r + 1] = invTok[1]!;
      for (let j = 0; j < d; j++) a[r * d + j] = xin[j]! - alpha * bDec[j]!;
    }
    gemmABt(a, rows, wEncT, F, d, z);
    for (let r = 0; r < rows; r++) {
      const tok = tokens[t0 + r]!;
      const seq = Math.floor(tok / ctx);
      const off = r * F;
      applyEpilogue(ep, z, off);
      for (let j = 0; j < d; j++) xhat[j] = bDec[j]!;
      let l0 = 0, l1 = 0;
      for (let i = 0; i < F; i++) {
        const f = z[off + i]!;
        if (f === 0) continue;
        l0++;
        l1 += f;
        if (f > 0) {
          fired[i]!++;
          if (lastSeq[i] !== seq) { lastSeq[i] = seq; firedSeq[i]!++; }
        }
        const w = i * d;
        for (let j = 0; j < d; j++) xhat[j]! += f * wDec[w + j]!;
      }
      const shift = inv[2 * r]!, scale = inv[2 * r + 1]!;
      if (shift !== 0 || scale !== 1) for (let j = 0; j < d; j++) xhat[j] = xhat[j]! * scale + shift;
      acc.add(batchOfSeq(seq, bundle.batchSizePrompts), X, tok * d, xhat, l0, l1);
    }
    onProgress?.({ tokensDone: t0 + rows, tokensTotal: N, phase: 'encode' });
    await yieldNow();
  }
  const metrics = acc.finish();
  const density = new Float64Array(F);
  const cah = new Float64Array(F);
  for (let i = 0; i < F; i++) {
    density[i] = fired[i]! / N;
    cah[i] = firedSeq[i]! > 0 ? fired[i]! / firedSeq[i]! : -1;
  }
  Object.assign(metrics, densityAggregates(density));
  metrics.total_tokens_eval_sparsity_variance = bundle.nSeq * ctx;
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
  if (!opts.skipWeightMetrics) await weightPhase(sae, wEncT, result, opts, yieldNow);
  else notes.push('weight-based metrics skipped');
  for (const [k, v] of Object.entries(metrics)) {
    if (Number.isNaN(v)) {
      metrics[k] = -1;
      notes.push(`${k} is NaN (e.g. a zero vector), written as -1 as SAEBench does`);
    }
  }
  notes.push('consistent_activation_heuristic is -1 for latents that never fired (SAEBench NaN convention)');
  onProgress?.({ tokensDone: N, tokensTotal: N, phase: 'done' });
  return result;
}

async function weightPhase(
  sae: CanonicalSae, wEncT: Float32Array, result: RescoreResult, opts: RescoreOptions, yieldNow: () => Promise<void>,
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
    sampleAbove, sampleSize, seed,
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
