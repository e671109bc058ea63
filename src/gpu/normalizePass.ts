// Pre-pass: per-token input normalisation and b_dec subtraction into the padded GEMM input (normalize.wgsl).
import type { ActivationNormalization } from '../rescore/types.ts';
import { BufferPool, bind, dispatch, getPipeline, grid, readF32 } from './context.ts';
import { normKind, type NormalizeOut } from './normalizeReference.ts';
import { normalizeWgsl } from './shaders.generated.ts';

export interface NormalizeArgs {
  T: number;
  d: number;
  dPad: number;
  norm: ActivationNormalization;
  applyBDec: boolean;
  /** raw [T, d] */
  X: GPUBuffer;
  /** [d] */
  bDec: GPUBuffer;
  /** out [T, dPad] */
  Xp: GPUBuffer;
  /** out [T] vec4 */
  inv: GPUBuffer;
}

export function encodeNormalize(device: GPUDevice, pool: BufferPool, enc: GPUCommandEncoder, a: NormalizeArgs): void {
  const pipeline = getPipeline(device, normalizeWgsl, 'main');
  const { kind, scale } = normKind(a.norm);
  const u = pool.uniform([a.T, a.d, a.dPad, kind, { f: scale }, { f: a.applyBDec ? 1 : 0 }, 0, 0]);
  const [x, y] = grid(a.T);
  dispatch(enc, pipeline, bind(device, pipeline, [u, a.X, a.bDec, a.Xp, a.inv]), x, y);
}

/** Stand-alone run for tests; returns unpadded x' and the inverse factors. */
export async function runNormalize(device: GPUDevice, x: Float32Array, T: number, d: number, norm: ActivationNormalization, applyBDec: boolean, bDec: Float32Array): Promise<NormalizeOut> {
  const pool = new BufferPool(device);
  try {
    const dPad = Math.ceil(d / 16) * 16;
    const Xp = pool.storage(T * dPad * 4, 'Xp');
    const inv = pool.storage(T * 16, 'inv');
    const enc = device.createCommandEncoder();
    encodeNormalize(device, pool, enc, { T, d, dPad, norm, applyBDec, X: pool.upload(x, 'X'), bDec: pool.upload(bDec, 'bDec'), Xp, inv });
    const xpPad = await readF32(device, Xp, T * dPad, enc);
    const invOut = await readF32(device, inv, T * 4);
    const xp = new Float32Array(T * d);
    for (let t = 0; t < T; t++) xp.set(xpPad.subarray(t * dPad, t * dPad + d), t * d);
    return { xp, inv: invOut };
  } finally {
    pool.destroy();
  }
}
