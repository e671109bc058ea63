// WebGPU re-scoring engine (docs/rescoring-spec.md §6.3). Per token tile (the full [tokens × latents] code matrix
// never exists):
//   normalize (N_in, − α·b_dec) → for each latent chunk: encode GEMM + fused epilogue → (TopK: per-chunk top-k
//   candidates → merged top-k → scatter into the chunk tile) → per-token L0/L1 + per-latent counters → decode
//   (dense GEMM for ReLU-type codes, sparse gather-sum for TopK) → finalize (x̂ to raw space, ||x̂||², x·x̂, SSE)
//   → read back the per-token records → f64 aggregation on the CPU (ReconstructionAccumulator in
//   src/rescore/metrics.ts, docs/rescoring-spec.md §1.2).
// Latents are chunked so that every W_enc/W_dec chunk and the code tile fit the device's
// maxStorageBufferBindingSize/maxBufferSize; tiles hold only unmasked tokens. Progress is reported and the
// AbortSignal checked between tiles. If the device is lost mid-job, the job is retried once on a fresh device
// (opts.recreateDevice, or navigator.gpu when present); a second loss is surfaced as an error.
import { checkBundleShape, unmaskedTokens } from '../rescore/cpuEngine.ts';
import { checkBundleMatchesSae } from '../rescore/bundle.ts';
import { fail } from '../rescore/errors.ts';
import { batchOfSeq, batchStats } from '../rescore/metrics.ts';
import type { ActivationBundle, CanonicalSae, RescoreOptions, RescoreResult } from '../rescore/types.ts';
import { ReconstructionAccumulator } from '../rescore/metrics.ts';
import { finishResult, tokenPassResult } from '../rescore/result.ts';
import { requestGpuDevice } from './browserDevice.ts';
import { BufferPool, align, readBack, readU32 } from './context.ts';
import { encodeScatter, encodeSparseDecode } from './decodePass.ts';
import { encodeMatmul, MATMUL_PAD } from './encodePass.ts';
import { epilogueParams, MODE, modeForArchitecture } from './encodeReference.ts';
import { encodeLatentStats } from './latentStatsPass.ts';
import { encodeNormalize } from './normalizePass.ts';
import { encodeCodeStats, encodeFinalize } from './reducePass.ts';
import { TOKEN_RECORD } from './reduceReference.ts';
import { encodeTopk } from './topkPass.ts';
import { weightMetricsPhase } from './weightMetrics.ts';

export interface GpuRescoreOptions extends RescoreOptions {
  /** Makes a fresh device after a device loss (default: navigator.gpu in browsers, none elsewhere). */
  recreateDevice?: () => Promise<GPUDevice | null>;
  /** Cap on latents per chunk (tests; real chunking follows the device limits). */
  maxLatentsPerChunk?: number;
  /** Compute the max-cosine weight metrics with the CPU implementation instead of GPU Gram products. */
  weightMetricsOnCpu?: boolean;
}

export const DEFAULT_GPU_TILE_TOKENS = 2048;

export class GpuDeviceLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GpuDeviceLostError';
  }
}

export interface GpuPlan {
  d: number;
  dPad: number;
  F: number;
  /** padded latents per chunk (multiple of 16) */
  chunkPad: number;
  chunks: { f0: number; Fc: number }[];
  tileTokens: number;
  k: number;
}

/** Chooses latent chunks and the token tile size from the device limits (docs/rescoring-spec.md §6.2). */
export function planJob(limits: GPUSupportedLimits, sae: CanonicalSae, opts: GpuRescoreOptions = {}): GpuPlan {
  const d = sae.dIn, F = sae.dSae;
  const dPad = align(d, MATMUL_PAD);
  const maxBind = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  let perChunk = Math.floor(maxBind / (dPad * 4) / MATMUL_PAD) * MATMUL_PAD;
  if (opts.maxLatentsPerChunk) perChunk = Math.min(perChunk, Math.max(MATMUL_PAD, Math.floor(opts.maxLatentsPerChunk / MATMUL_PAD) * MATMUL_PAD));
  if (perChunk < MATMUL_PAD) fail('UNSUPPORTED', `GPU: d_in=${d} is too large for this device's buffer limit (${maxBind} bytes)`);
  const nChunks = Math.ceil(F / perChunk);
  const chunkPad = Math.min(perChunk, align(Math.ceil(F / nChunks), MATMUL_PAD));
  const chunks: { f0: number; Fc: number }[] = [];
  for (let f0 = 0; f0 < F; f0 += chunkPad) chunks.push({ f0, Fc: Math.min(chunkPad, F - f0) });
  const k = sae.architecture === 'topk' ? Math.max(1, Math.min(sae.k ?? 1, F)) : 0;
  const widest = Math.max(chunkPad, dPad, chunks.length * k);
  let tileTokens = Math.min(opts.tileTokens ?? DEFAULT_GPU_TILE_TOKENS, Math.floor(maxBind / (widest * 4)), 65535);
  tileTokens = Math.max(1, tileTokens);
  return { d, dPad, F, chunkPad, chunks, tileTokens, k };
}

function defaultRecreate(): (() => Promise<GPUDevice | null>) | undefined {
  const hasNavigatorGpu = typeof navigator !== 'undefined' && !!(navigator as Navigator & { gpu?: GPU }).gpu;
  return hasNavigatorGpu ? requestGpuDevice : undefined;
}

export async function rescoreGpu(device: GPUDevice, sae: CanonicalSae, bundle: ActivationBundle, opts: GpuRescoreOptions = {}): Promise<RescoreResult> {
  try {
    return await runJob(device, sae, bundle, opts);
  } catch (e) {
    if (!(e instanceof GpuDeviceLostError)) throw e;
    const recreate = opts.recreateDevice ?? defaultRecreate();
    const fresh = recreate ? await recreate() : null;
    if (!fresh) throw new GpuDeviceLostError(`${e.message}; no replacement device could be created`);
    try {
      const r = await runJob(fresh, sae, bundle, opts);
      r.notes.push(`the GPU device was lost once (${e.message}); the job was re-run on a new device`);
      return r;
    } catch (e2) {
      if (e2 instanceof GpuDeviceLostError) throw new GpuDeviceLostError(`GPU device lost again after a retry: ${e2.message}`);
      throw e2;
    }
  }
}

async function runJob(device: GPUDevice, sae: CanonicalSae, bundle: ActivationBundle, opts: GpuRescoreOptions): Promise<RescoreResult> {
  checkBundleMatchesSae(bundle, sae);
  checkBundleShape(bundle);
  const { signal, onProgress } = opts;
  let lost: GPUDeviceLostInfo | null = null;
  void device.lost.then((info) => { lost = info; });
  const checkLost = (): void => {
    if (lost) throw new GpuDeviceLostError(`GPU device lost (${(lost as GPUDeviceLostInfo).reason}: ${(lost as GPUDeviceLostInfo).message})`);
  };
  const checkAbort = (): void => {
    if (signal?.aborted) fail('ABORTED', 'Re-scoring was cancelled');
  };
  /** Waits up to `ms` for device.lost to settle (it resolves asynchronously after a loss). */
  const settleLost = async (ms: number): Promise<void> => {
    if (lost) return;
    await Promise.race([device.lost, new Promise((r) => setTimeout(r, ms))]);
    await new Promise((r) => setTimeout(r, 0));
  };
  /** Runs f inside validation/OOM error scopes; maps failures on a lost device to GpuDeviceLostError. */
  const guard = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    checkLost();
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    let value: T | undefined;
    let err: unknown = null;
    try {
      value = await f();
    } catch (e) {
      err = e ?? new Error('unknown error');
    }
    const v = await device.popErrorScope().catch(() => null);
    const o = await device.popErrorScope().catch(() => null);
    if (err || v || o) await settleLost(err ? 500 : 50);
    checkLost();
    if (err) throw err;
    if (v) throw new Error(`WebGPU validation error during ${what}: ${v.message}`);
    if (o) fail('UNSUPPORTED', `GPU out of memory during ${what}: ${o.message}`);
    return value as T;
  };
  checkAbort();

  const plan = planJob(device.limits, sae, opts);
  const { d, dPad, F, chunkPad, chunks, k } = plan;
  const ctx = bundle.ctx;
  const tokens = unmaskedTokens(bundle);
  const N = tokens.length;
  if (N === 0) fail('BAD_BUNDLE', 'activation bundle: every token is masked');
  const stats = batchStats(bundle);
  const acc = new ReconstructionAccumulator(d, stats);
  const notes: string[] = [];
  const isTopk = sae.architecture === 'topk';
  const mode = modeForArchitecture(sae.architecture);
  const T = plan.tileTokens;
  const nC = chunks.length;
  if (chunks.length > 1) notes.push(`GPU: ${F} latents processed in ${nC} chunks of ${chunkPad} (device buffer limits)`);
  if (isTopk && typeof sae.threshold === 'number') notes.push('TopK SAE has a scalar threshold; it is ignored (SAEBench default use_threshold=False)');

  const pool = new BufferPool(device);
  try {
    // ---- weights and per-job buffers
    const w = await guard('upload', async () => {
      const bDecPad = new Float32Array(dPad);
      bDecPad.set(sae.bDec);
      const decP = new Float32Array(dPad * 4);
      for (let j = 0; j < d; j++) decP[j * 4] = sae.bDec[j]!;
      const perChunk = chunks.map(({ f0, Fc }) => {
        const we = new Float32Array(dPad * chunkPad);
        for (let j = 0; j < d; j++) we.set(sae.wEnc.subarray(j * F + f0, j * F + f0 + Fc), j * chunkPad);
        const wd = new Float32Array(chunkPad * dPad);
        for (let i = 0; i < Fc; i++) wd.set(sae.wDec.subarray((f0 + i) * d, (f0 + i + 1) * d), i * dPad);
        return {
          f0, Fc,
          wEnc: pool.upload(we, `wEnc[${f0}]`),
          wDec: pool.upload(wd, `wDec[${f0}]`),
          params: pool.upload(epilogueParams(sae, f0, Fc, chunkPad), `params[${f0}]`),
        };
      });
      const lastSeq = pool.upload(new Uint32Array(F).fill(0xffffffff), 'lastSeq');
      const fired = pool.storage(F * 4, 'fired');
      const seqs = pool.storage(F * 4, 'seqs');
      const enc = device.createCommandEncoder();
      enc.clearBuffer(fired);
      enc.clearBuffer(seqs);
      device.queue.submit([enc.finish()]);
      return {
        perChunk, lastSeq, fired, seqs,
        bDec: pool.upload(bDecPad, 'bDec'),
        decP: pool.upload(decP, 'decP'),
        X: pool.storage(T * d * 4, 'X'),
        Xp: pool.storage(T * dPad * 4, 'Xp'),
        inv: pool.storage(T * 16, 'inv'),
        codes: pool.storage(T * chunkPad * 4, 'codes'),
        xhat: pool.storage(T * dPad * 4, 'xhat'),
        tok: pool.storage(T * TOKEN_RECORD * 4, 'tok'),
        seqOf: pool.storage(T * 4, 'seqOf'),
        cand: isTopk && nC > 1 ? { idx: pool.storage(T * nC * k * 4, 'candIdx'), val: pool.storage(T * nC * k * 4, 'candVal') } : null,
        sel: isTopk ? { idx: pool.storage(T * k * 4, 'selIdx'), val: pool.storage(T * k * 4, 'selVal') } : null,
      };
    });

    onProgress?.({ tokensDone: 0, tokensTotal: N, phase: 'encode' });
    const X = bundle.activations;
    const xTile = new Float32Array(T * d);
    const seqTile = new Uint32Array(T);
    for (let t0 = 0; t0 < N; t0 += T) {
      checkAbort();
      const rows = Math.min(T, N - t0);
      for (let r = 0; r < rows; r++) {
        const tok = tokens[t0 + r]!;
        xTile.set(X.subarray(tok * d, tok * d + d), r * d);
        seqTile[r] = Math.floor(tok / ctx);
      }
      const rec = await guard(`tile at token ${t0}`, async () => {
        const q = device.queue;
        q.writeBuffer(w.X, 0, xTile.buffer, xTile.byteOffset, rows * d * 4);
        q.writeBuffer(w.seqOf, 0, seqTile.buffer, seqTile.byteOffset, rows * 4);
        const enc = device.createCommandEncoder();
        enc.clearBuffer(w.tok, 0, rows * TOKEN_RECORD * 4);
        encodeNormalize(device, pool, enc, { T: rows, d, dPad, norm: sae.normalization, applyBDec: sae.applyBDecToInput, X: w.X, bDec: w.bDec, Xp: w.Xp, inv: w.inv });
        const stats = (c: (typeof w.perChunk)[number]) => {
          encodeCodeStats(device, pool, enc, { T: rows, Fc: c.Fc, FcPad: chunkPad, codes: w.codes, tok: w.tok });
          encodeLatentStats(device, pool, enc, { T: rows, Fc: c.Fc, FcPad: chunkPad, f0: c.f0, codes: w.codes, seqOf: w.seqOf, fired: w.fired, seqs: w.seqs, lastSeq: w.lastSeq });
        };
        w.perChunk.forEach((c, ci) => {
          encodeMatmul(device, pool, enc, { mode, A: w.Xp, B: c.wEnc, P: c.params, O: w.codes, M: rows, N: chunkPad, K: dPad });
          if (!isTopk) {
            stats(c);
            encodeMatmul(device, pool, enc, { mode: MODE.decode, A: w.codes, B: c.wDec, P: w.decP, O: w.xhat, M: rows, N: dPad, K: chunkPad, accumulate: ci > 0 });
          } else {
            const out = w.cand ?? w.sel!;
            encodeTopk(device, pool, enc, {
              T: rows, M: c.Fc, inStride: chunkPad, k, outStride: nC > 1 ? nC * k : k, outOffset: nC > 1 ? ci * k : 0,
              indexBase: c.f0, vals: w.codes, outIdx: out.idx, outVal: out.val,
            });
          }
        });
        if (isTopk) {
          const sel = w.sel!;
          if (w.cand) {
            encodeTopk(device, pool, enc, { T: rows, M: nC * k, inStride: nC * k, k, outStride: k, outOffset: 0, indexBase: 0, vals: w.cand.val, idxIn: w.cand.idx, outIdx: sel.idx, outVal: sel.val });
          }
          w.perChunk.forEach((c, ci) => {
            encodeScatter(device, pool, enc, { T: rows, k, f0: c.f0, Fc: c.Fc, FcPad: chunkPad, selIdx: sel.idx, selVal: sel.val, codes: w.codes });
            stats(c);
            encodeSparseDecode(device, pool, enc, { T: rows, k, dPad, f0: c.f0, Fc: c.Fc, accumulate: ci > 0, selIdx: sel.idx, selVal: sel.val, W: c.wDec, bDec: w.bDec, xhat: w.xhat });
          });
        }
        encodeFinalize(device, pool, enc, { T: rows, d, dPad, X: w.X, xhatIn: w.xhat, inv: w.inv, tok: w.tok });
        return new Float32Array(await readBack(device, w.tok, rows * TOKEN_RECORD * 4, enc));
      });
      for (let r = 0; r < rows; r++) {
        const tok = tokens[t0 + r]!;
        const b = batchOfSeq(Math.floor(tok / ctx), bundle.batchSizePrompts);
        const [x2, dev2] = acc.xTerms(b, X, tok * d);
        const o = r * TOKEN_RECORD;
        acc.addScalars(b, x2, dev2, rec[o + 1]!, rec[o + 2]!, rec[o + 3]!, rec[o + 4]!, rec[o + 5]!);
      }
      pool.destroyTransient();
      onProgress?.({ tokensDone: t0 + rows, tokensTotal: N, phase: 'encode' });
    }

    const [firedU, seqsU] = await guard('latent counters', async () => [await readU32(device, w.fired, F), await readU32(device, w.seqs, F)] as const);
    const result = tokenPassResult('gpu', bundle, acc.finish(), Float64Array.from(firedU), Float64Array.from(seqsU), N, notes);
    if (!opts.skipWeightMetrics) await guard('weight metrics', () => weightMetricsPhase(sae, result, opts, checkAbort, device));
    else notes.push('weight-based metrics skipped');
    finishResult(result, opts);
    return result;
  } finally {
    if (!lost) pool.destroy();
  }
}
