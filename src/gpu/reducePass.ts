// Fused per-token reductions (reduce.wgsl): L0/L1 from a dense code chunk, then ||x||², ||x̂||², x·x̂, SSE in raw space.
import { BufferPool, bind, dispatch, getPipeline, grid, readF32 } from './context.ts';
import { TOKEN_RECORD } from './reduceReference.ts';
import { reduceWgsl } from './shaders.generated.ts';

export function encodeCodeStats(device: GPUDevice, pool: BufferPool, enc: GPUCommandEncoder, a: { T: number; Fc: number; FcPad: number; codes: GPUBuffer; tok: GPUBuffer }): void {
  const pipeline = getPipeline(device, reduceWgsl, 'codeStats');
  const u = pool.uniform([a.T, 0, 0, a.Fc, a.FcPad, 0, 0, 0]);
  const [x, y] = grid(a.T);
  dispatch(enc, pipeline, bind(device, pipeline, [u, a.codes, a.tok]), x, y);
}

export function encodeFinalize(device: GPUDevice, pool: BufferPool, enc: GPUCommandEncoder, a: { T: number; d: number; dPad: number; X: GPUBuffer; xhatIn: GPUBuffer; inv: GPUBuffer; tok: GPUBuffer }): void {
  const pipeline = getPipeline(device, reduceWgsl, 'finalize');
  const u = pool.uniform([a.T, a.d, a.dPad, 0, 0, 0, 0, 0]);
  const [x, y] = grid(a.T);
  dispatch(enc, pipeline, bind(device, pipeline, [u, a.X, a.xhatIn, a.inv, a.tok]), x, y);
}

/** Stand-alone run for tests: raw x [T, d], x̂_in [T, d], inverse factors [T, 4], dense codes [T, F] (one chunk). */
export async function runReduce(device: GPUDevice, x: Float32Array, xhatIn: Float32Array, inv: Float32Array, codes: Float32Array, T: number, d: number, F: number): Promise<Float32Array> {
  const pool = new BufferPool(device);
  try {
    const dPad = Math.ceil(d / 16) * 16, FcPad = Math.ceil(F / 16) * 16;
    const xh = new Float32Array(T * dPad), cp = new Float32Array(T * FcPad);
    for (let t = 0; t < T; t++) { xh.set(xhatIn.subarray(t * d, (t + 1) * d), t * dPad); cp.set(codes.subarray(t * F, (t + 1) * F), t * FcPad); }
    const tok = pool.storage(T * TOKEN_RECORD * 4, 'tok');
    const enc = device.createCommandEncoder();
    enc.clearBuffer(tok, 0, T * TOKEN_RECORD * 4);
    encodeCodeStats(device, pool, enc, { T, Fc: F, FcPad, codes: pool.upload(cp, 'codes'), tok });
    encodeFinalize(device, pool, enc, { T, d, dPad, X: pool.upload(x, 'X'), xhatIn: pool.upload(xh, 'xhat'), inv: pool.upload(inv, 'inv'), tok });
    return await readF32(device, tok, T * TOKEN_RECORD, enc);
  } finally {
    pool.destroy();
  }
}
