// Plain TypeScript reference of latentStats.wgsl: per latent, fired tokens (unmasked, f > 0) and sequences with a firing.
export function latentStatsReference(codes: Float32Array, mask: Uint8Array, T: number, F: number, ctx: number): { fired: Uint32Array; seqs: Uint32Array } {
  const fired = new Uint32Array(F), seqs = new Uint32Array(F);
  const last = new Int32Array(F).fill(-1);
  for (let t = 0; t < T; t++) {
    if (!mask[t]) continue;
    const s = Math.floor(t / ctx);
    for (let i = 0; i < F; i++) {
      if (codes[t * F + i]! > 0) {
        fired[i]!++;
        if (last[i] !== s) { seqs[i]!++; last[i] = s; }
      }
    }
  }
  return { fired, seqs };
}
