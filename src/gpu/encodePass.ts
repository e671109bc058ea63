// Encode pass (and dense decode): register-tiled GEMM with fused per-architecture epilogues (encode.wgsl).
import { BufferPool, bind, dispatch, getPipeline, readF32 } from './context.ts';
import { MODE, type EpilogueMode } from './encodeReference.ts';
import { encodeWgsl } from './shaders.generated.ts';

export const MATMUL_TILE = 64;
/** Host-side padding of K and N (the shader's K step and column quad granularity). */
export const MATMUL_PAD = 16;

export interface MatmulArgs {
  mode: EpilogueMode;
  /** [M, K] row-major, K padded */
  A: GPUBuffer;
  /** [K, N] row-major, both padded */
  B: GPUBuffer;
  /** [N] vec4 (b1, b2, s, thr) */
  P: GPUBuffer;
  /** [M, N] */
  O: GPUBuffer;
  M: number;
  N: number;
  K: number;
  accumulate?: boolean;
}

export function encodeMatmul(device: GPUDevice, pool: BufferPool, enc: GPUCommandEncoder, a: MatmulArgs): void {
  if (a.N % MATMUL_PAD !== 0 || a.K % MATMUL_PAD !== 0) throw new Error(`matmul: N=${a.N} and K=${a.K} must be multiples of ${MATMUL_PAD}`);
  if (Math.ceil(a.M / MATMUL_TILE) > 65535 || Math.ceil(a.N / MATMUL_TILE) > 65535) throw new Error('matmul: too many workgroups');
  const pipeline = getPipeline(device, encodeWgsl, 'main', { MODE: a.mode });
  const u = pool.uniform([a.M, a.N, a.K, a.accumulate ? 1 : 0]);
  dispatch(enc, pipeline, bind(device, pipeline, [u, a.A, a.B, a.P, a.O]), Math.ceil(a.N / MATMUL_TILE), Math.ceil(a.M / MATMUL_TILE));
}

/** Copies a row-major [rows, cols] matrix into a zero-padded [rowsPad, colsPad] one (optionally a column window). */
export function padMatrix(src: Float32Array, rows: number, cols: number, rowsPad: number, colsPad: number, colStart = 0, colCount = cols, srcCols = cols): Float32Array {
  const out = new Float32Array(rowsPad * colsPad);
  for (let r = 0; r < rows; r++) {
    const s = r * srcCols + colStart;
    out.set(src.subarray(s, s + colCount), r * colsPad);
  }
  return out;
}

/** Stand-alone run for tests: unpadded inputs in, unpadded [M, N] out. */
export async function runMatmul(
  device: GPUDevice, A: Float32Array, B: Float32Array, params: Float32Array, mode: EpilogueMode, M: number, N: number, K: number, init?: Float32Array,
): Promise<Float32Array> {
  const pool = new BufferPool(device);
  try {
    const Np = Math.ceil(N / MATMUL_PAD) * MATMUL_PAD;
    const Kp = Math.ceil(K / MATMUL_PAD) * MATMUL_PAD;
    const Pp = new Float32Array(Np * 4);
    Pp.set(params.subarray(0, N * 4));
    const O = init ? pool.upload(padMatrix(init, M, N, M, Np), 'O') : pool.storage(M * Np * 4, 'O');
    const enc = device.createCommandEncoder();
    encodeMatmul(device, pool, enc, {
      mode, M, N: Np, K: Kp, accumulate: mode === MODE.decode && !!init,
      A: pool.upload(padMatrix(A, M, K, M, Kp), 'A'),
      B: pool.upload(padMatrix(B, K, N, Kp, Np), 'B'),
      P: pool.upload(Pp, 'P'),
      O,
    });
    const out = await readF32(device, O, M * Np, enc);
    return padMatrix(out, M, N, M, N, 0, N, Np);
  } finally {
    pool.destroy();
  }
}
