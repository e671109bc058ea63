// Per-token top-k select by 8-bit radix passes (topk.wgsl).
import { BufferPool, bind, dispatch, getPipeline, grid, readF32, readU32 } from './context.ts';
import type { TopkOut } from './topkReference.ts';
import { topkWgsl } from './shaders.generated.ts';

export interface TopkArgs {
  T: number;
  /** entries per row considered */
  M: number;
  inStride: number;
  k: number;
  outStride: number;
  outOffset: number;
  /** index of entry j is indexBase + j, unless idxIn is given */
  indexBase: number;
  vals: GPUBuffer;
  idxIn?: GPUBuffer;
  outIdx: GPUBuffer;
  outVal: GPUBuffer;
}

export function encodeTopk(device: GPUDevice, pool: BufferPool, enc: GPUCommandEncoder, a: TopkArgs): void {
  if (a.M >= 1 << 24) throw new Error('topk: rows longer than 2^24 entries are not supported');
  const pipeline = getPipeline(device, topkWgsl, 'main');
  const u = pool.uniform([a.T, a.M, a.inStride, a.k, a.outStride, a.outOffset, a.indexBase, a.idxIn ? 1 : 0]);
  const idxIn = a.idxIn ?? pool.scratch(16, 'idx-dummy');
  const [x, y] = grid(a.T);
  dispatch(enc, pipeline, bind(device, pipeline, [u, a.vals, idxIn, a.outIdx, a.outVal]), x, y);
}

/** Stand-alone run for tests. */
export async function runTopk(device: GPUDevice, vals: Float32Array, T: number, M: number, k: number, indices?: Uint32Array, indexBase = 0): Promise<TopkOut> {
  const pool = new BufferPool(device);
  try {
    const outIdx = pool.storage(T * k * 4, 'outIdx');
    const outVal = pool.storage(T * k * 4, 'outVal');
    const enc = device.createCommandEncoder();
    encodeTopk(device, pool, enc, {
      T, M, inStride: M, k, outStride: k, outOffset: 0, indexBase,
      vals: pool.upload(vals, 'vals'), ...(indices ? { idxIn: pool.upload(indices, 'idx') } : {}), outIdx, outVal,
    });
    const idx = await readU32(device, outIdx, T * k, enc);
    const val = await readF32(device, outVal, T * k);
    return { idx, val };
  } finally {
    pool.destroy();
  }
}
