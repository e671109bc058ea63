// Weight-based per-latent metrics for the GPU engine.
// - encoder norms and encoder–decoder cosines: O(F·d), computed on the CPU in f64 with the CPU engine's code;
// - max encoder/decoder cosine (the O(F²·d) part): the Gram products run on the GPU through the encode GEMM
//   (MODE.preact, zero bias) over f32-normalised rows (F.normalize, eps 1e-12, same as the CPU engine), in latent
//   chunks and row tiles; the row maxima excluding the diagonal are taken on the CPU from the read-back tiles.
//   Above maxCosineSampleAbove the same seeded sample of latents as the CPU engine (Rng(seed).sample) is used.
//   Without a device (or with opts.weightMetricsOnCpu) the CPU implementation runs instead.
import { transposeWEnc } from '../rescore/encoders.ts';
import { Rng } from '../rescore/synthetic/prng.ts';
import type { CanonicalSae, RescoreOptions, RescoreResult } from '../rescore/types.ts';
import {
  cosineSampling, maxCosine, normalizedRows, recordEncoderStats, recordMaxCosines, type MaxCosineResult,
} from '../rescore/weightMetrics.ts';
import { BufferPool, align, readF32 } from './context.ts';
import { encodeMatmul, MATMUL_PAD } from './encodePass.ts';
import { MODE } from './encodeReference.ts';

/** max_{j≠i} cos(row i, row j) for i in `computed`, Gram products on the GPU. rows is [F, d]. */
export async function maxCosineGpu(device: GPUDevice, rows: Float32Array, F: number, d: number, computed: Int32Array, check: () => void): Promise<Float64Array> {
  const n = normalizedRows(rows, F, d);
  const dPad = align(d, MATMUL_PAD);
  const maxBind = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
  const chunkPad = Math.max(MATMUL_PAD, Math.min(align(F, MATMUL_PAD), Math.floor(maxBind / (dPad * 4) / MATMUL_PAD) * MATMUL_PAD, 8192));
  const rowTile = Math.max(1, Math.min(computed.length, Math.floor(maxBind / (Math.max(chunkPad, dPad) * 4)), 4096));
  const best = new Float64Array(F).fill(NaN);
  const bestRow = new Float64Array(computed.length).fill(-Infinity);
  const pool = new BufferPool(device);
  try {
    const P = pool.storage(chunkPad * 16, 'zero-params');
    const O = pool.storage(rowTile * chunkPad * 4, 'gram');
    const A = pool.storage(rowTile * dPad * 4, 'rows');
    const Bt = pool.storage(dPad * chunkPad * 4, 'rowsT');
    const zero = device.createCommandEncoder();
    zero.clearBuffer(P);
    device.queue.submit([zero.finish()]);
    for (let f0 = 0; f0 < F; f0 += chunkPad) {
      const Fc = Math.min(chunkPad, F - f0);
      const bt = new Float32Array(dPad * chunkPad);
      for (let i = 0; i < Fc; i++) for (let j = 0; j < d; j++) bt[j * chunkPad + i] = n[(f0 + i) * d + j]!;
      device.queue.writeBuffer(Bt, 0, bt);
      for (let r0 = 0; r0 < computed.length; r0 += rowTile) {
        check();
        const m = Math.min(rowTile, computed.length - r0);
        const a = new Float32Array(m * dPad);
        for (let r = 0; r < m; r++) a.set(n.subarray(computed[r0 + r]! * d, computed[r0 + r]! * d + d), r * dPad);
        device.queue.writeBuffer(A, 0, a);
        const enc = device.createCommandEncoder();
        encodeMatmul(device, pool, enc, { mode: MODE.preact, A, B: Bt, P, O, M: m, N: chunkPad, K: dPad });
        const g = await readF32(device, O, m * chunkPad, enc);
        pool.destroyTransient();
        for (let r = 0; r < m; r++) {
          const self = computed[r0 + r]!;
          let b = bestRow[r0 + r]!;
          for (let i = 0; i < Fc; i++) if (f0 + i !== self && g[r * chunkPad + i]! > b) b = g[r * chunkPad + i]!;
          bestRow[r0 + r] = b;
        }
      }
    }
  } finally {
    pool.destroy();
  }
  computed.forEach((i, r) => { best[i] = bestRow[r]!; });
  return best;
}

export async function weightMetricsPhase(sae: CanonicalSae, result: RescoreResult, opts: RescoreOptions & { weightMetricsOnCpu?: boolean }, check: () => void, device?: GPUDevice): Promise<void> {
  const { dIn: d, dSae: F } = sae;
  const wEncT = transposeWEnc(sae);
  const norm = recordEncoderStats(sae, wEncT, result);
  const sampling = cosineSampling(opts, F);
  const { total } = sampling;
  let dec: MaxCosineResult, enc: MaxCosineResult;
  if (device && !opts.weightMetricsOnCpu) {
    const sampled = F > sampling.sampleAbove;
    const computed = sampled ? new Rng(sampling.seed).sample(F, Math.min(sampling.sampleSize, F)) : Int32Array.from({ length: F }, (_, i) => i);
    opts.onProgress?.({ tokensDone: 0, tokensTotal: total, phase: 'weight cosines' });
    dec = { perLatent: await maxCosineGpu(device, sae.wDec, F, d, computed, check), computed, sampled };
    opts.onProgress?.({ tokensDone: total / 2, tokensTotal: total, phase: 'weight cosines' });
    enc = { perLatent: await maxCosineGpu(device, wEncT, F, d, computed, check), computed, sampled };
    opts.onProgress?.({ tokensDone: total, tokensTotal: total, phase: 'weight cosines' });
  } else {
    const cosOpts = (base: number) => ({
      ...sampling,
      onChunk: async (done: number) => {
        opts.onProgress?.({ tokensDone: base + done, tokensTotal: total, phase: 'weight cosines (CPU)' });
        check();
      },
    });
    dec = await maxCosine(sae.wDec, F, d, cosOpts(0));
    enc = await maxCosine(wEncT, F, d, cosOpts(total / 2));
  }
  result.notes.push(device && !opts.weightMetricsOnCpu
    ? 'max encoder/decoder cosines: Gram products on the GPU; encoder norms and encoder-decoder cosines on the CPU'
    : 'weight-based metrics (encoder norms, cosines) were computed on the CPU');
  recordMaxCosines(result, dec, enc, norm, sampling);
}
