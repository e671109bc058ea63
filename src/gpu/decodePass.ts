// Decode pass: sparse gather-sum decode of TopK selections and the scatter of selections into a dense latent-chunk
// tile (decode.wgsl). Dense decode (ReLU-type codes) reuses the GEMM of encodePass with MODE.decode.
import { BufferPool, bind, dispatch, getPipeline, grid, readF32 } from './context.ts';
import { decodeWgsl } from './shaders.generated.ts';

export interface SparseDecodeArgs {
  T: number;
  k: number;
  dPad: number;
  /** latent chunk [f0, f0 + Fc) whose W_dec rows are in W ([FcPad, dPad]) */
  f0: number;
  Fc: number;
  accumulate: boolean;
  selIdx: GPUBuffer;
  selVal: GPUBuffer;
  W: GPUBuffer;
  /** [dPad] */
  bDec: GPUBuffer;
  /** [T, dPad] */
  xhat: GPUBuffer;
}

export function encodeSparseDecode(device: GPUDevice, pool: BufferPool, enc: GPUCommandEncoder, a: SparseDecodeArgs): void {
  const pipeline = getPipeline(device, decodeWgsl, 'sparseDecode');
  const u = pool.uniform([a.T, a.k, a.dPad, a.f0, a.Fc, 0, a.accumulate ? 1 : 0, 0]);
  const [x, y] = grid(a.T);
  dispatch(enc, pipeline, bind(device, pipeline, [u, a.selIdx, a.selVal, a.W, a.bDec, a.xhat]), x, y);
}

export interface ScatterArgs {
  T: number;
  k: number;
  f0: number;
  Fc: number;
  FcPad: number;
  selIdx: GPUBuffer;
  selVal: GPUBuffer;
  /** [T, FcPad], cleared by this call */
  codes: GPUBuffer;
}

export function encodeScatter(device: GPUDevice, pool: BufferPool, enc: GPUCommandEncoder, a: ScatterArgs): void {
  enc.clearBuffer(a.codes, 0, a.T * a.FcPad * 4);
  const pipeline = getPipeline(device, decodeWgsl, 'scatter');
  const u = pool.uniform([a.T, a.k, 0, a.f0, a.Fc, a.FcPad, 0, 0]);
  const [x, y] = grid(Math.ceil((a.T * a.k) / 64));
  dispatch(enc, pipeline, bind(device, pipeline, [u, a.selIdx, a.selVal, a.codes]), x, y);
}

/** Stand-alone sparse decode for tests: unpadded W_dec [F, d]; optional latent chunking. */
export async function runSparseDecode(device: GPUDevice, idx: Uint32Array, val: Float32Array, T: number, k: number, wDec: Float32Array, F: number, d: number, bDec: Float32Array, chunk = F): Promise<Float32Array> {
  const pool = new BufferPool(device);
  try {
    const dPad = Math.ceil(d / 16) * 16;
    const xhat = pool.storage(T * dPad * 4, 'xhat');
    const bd = new Float32Array(dPad);
    bd.set(bDec);
    const enc = device.createCommandEncoder();
    const selIdx = pool.upload(idx, 'idx'), selVal = pool.upload(val, 'val'), bDecB = pool.upload(bd, 'bDec');
    for (let f0 = 0; f0 < F; f0 += chunk) {
      const Fc = Math.min(chunk, F - f0);
      const W = new Float32Array(Fc * dPad);
      for (let i = 0; i < Fc; i++) W.set(wDec.subarray((f0 + i) * d, (f0 + i + 1) * d), i * dPad);
      encodeSparseDecode(device, pool, enc, { T, k, dPad, f0, Fc, accumulate: f0 > 0, selIdx, selVal, W: pool.upload(W, 'W'), bDec: bDecB, xhat });
    }
    const out = await readF32(device, xhat, T * dPad, enc);
    const res = new Float32Array(T * d);
    for (let t = 0; t < T; t++) res.set(out.subarray(t * dPad, t * dPad + d), t * d);
    return res;
  } finally {
    pool.destroy();
  }
}

/** Stand-alone scatter for tests: returns dense [T, Fc] codes of chunk [f0, f0 + Fc). */
export async function runScatter(device: GPUDevice, idx: Uint32Array, val: Float32Array, T: number, k: number, f0: number, Fc: number): Promise<Float32Array> {
  const pool = new BufferPool(device);
  try {
    const FcPad = Math.ceil(Fc / 16) * 16;
    const codes = pool.storage(T * FcPad * 4, 'codes');
    const enc = device.createCommandEncoder();
    encodeScatter(device, pool, enc, { T, k, f0, Fc, FcPad, selIdx: pool.upload(idx, 'idx'), selVal: pool.upload(val, 'val'), codes });
    const out = await readF32(device, codes, T * FcPad, enc);
    const res = new Float32Array(T * Fc);
    for (let t = 0; t < T; t++) res.set(out.subarray(t * FcPad, t * FcPad + Fc), t * Fc);
    return res;
  } finally {
    pool.destroy();
  }
}
