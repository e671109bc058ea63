// Per-latent fired counts and per-sequence firing counts for density and the consistent-activation heuristic
// (latentStats.wgsl). Counters persist across token tiles and latent chunks.
import { BufferPool, bind, dispatch, getPipeline, grid, readU32 } from './context.ts';
import { latentStatsWgsl } from './shaders.generated.ts';

export interface LatentStatsArgs {
  T: number;
  Fc: number;
  FcPad: number;
  f0: number;
  codes: GPUBuffer;
  /** [T] u32 sequence of each token (non-decreasing), 0xffffffff = skip */
  seqOf: GPUBuffer;
  fired: GPUBuffer;
  seqs: GPUBuffer;
  /** initialised to 0xffffffff */
  lastSeq: GPUBuffer;
}

export function encodeLatentStats(device: GPUDevice, pool: BufferPool, enc: GPUCommandEncoder, a: LatentStatsArgs): void {
  const pipeline = getPipeline(device, latentStatsWgsl, 'main');
  const u = pool.uniform([a.T, a.Fc, a.FcPad, a.f0, 0, 0, 0, 0]);
  const [x, y] = grid(Math.ceil(a.Fc / 64));
  dispatch(enc, pipeline, bind(device, pipeline, [u, a.codes, a.seqOf, a.fired, a.seqs, a.lastSeq]), x, y);
}

/** Stand-alone run for tests over dense [T, F] codes, processed in token tiles of `tile` tokens. */
export async function runLatentStats(device: GPUDevice, codes: Float32Array, mask: Uint8Array, T: number, F: number, ctx: number, tile = T): Promise<{ fired: Uint32Array; seqs: Uint32Array }> {
  const pool = new BufferPool(device);
  try {
    const FcPad = Math.ceil(F / 16) * 16;
    const fired = pool.storage(F * 4, 'fired'), seqs = pool.storage(F * 4, 'seqs');
    const lastSeq = pool.upload(new Uint32Array(F).fill(0xffffffff), 'lastSeq');
    const enc = device.createCommandEncoder();
    enc.clearBuffer(fired); enc.clearBuffer(seqs);
    for (let t0 = 0; t0 < T; t0 += tile) {
      const Tt = Math.min(tile, T - t0);
      const cp = new Float32Array(Tt * FcPad);
      for (let t = 0; t < Tt; t++) cp.set(codes.subarray((t0 + t) * F, (t0 + t + 1) * F), t * FcPad);
      const m = new Uint32Array(Tt);
      for (let t = 0; t < Tt; t++) m[t] = mask[t0 + t] ? Math.floor((t0 + t) / ctx) : 0xffffffff;
      encodeLatentStats(device, pool, enc, { T: Tt, Fc: F, FcPad, f0: 0, codes: pool.upload(cp, 'codes'), seqOf: pool.upload(m, 'seqOf'), fired, seqs, lastSeq });
    }
    const f = await readU32(device, fired, F, enc);
    const s = await readU32(device, seqs, F);
    return { fired: f, seqs: s };
  } finally {
    pool.destroy();
  }
}
