// Scalar CPU re-scoring engine, the readable single-thread path: token tiles, blocked GEMM on transposed W_enc,
// per-architecture epilogue, sparse decode, f64 aggregation (docs/rescoring-spec.md §1.2, §1.3, §6.5). The [tokens ×
// latents] code matrix exists only one tile at a time. fastCpuEngine.ts runs the same steps with wasm SIMD on several
// workers.
import { checkBundleMatchesSae } from './bundle.ts';
import { checkAbort, finishCpuResult, makeYielder } from './cpuCommon.ts';
import { fail } from './errors.ts';
import { applyEpilogue, makeEpilogue, normalizeIn, transposeWEnc } from './encoders.ts';
import { gemmABt } from './kernel.ts';
import { batchOfSeq, batchStats, ReconstructionAccumulator } from './metrics.ts';
import type { ActivationBundle, CanonicalSae, RescoreOptions, RescoreResult } from './types.ts';

export { DEFAULT_SAMPLE_ABOVE, DEFAULT_SAMPLE_SIZE } from './cpuCommon.ts';

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
  const result = await finishCpuResult(sae, bundle, { acc, fired, firedSeq, tokens: N }, () => wEncT, notes, opts, yieldNow);
  result.notes.push('CPU path: scalar TypeScript, 1 thread');
  return result;
}
