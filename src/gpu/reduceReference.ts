// Plain TypeScript reference of reduce.wgsl: per-token records [||x||², ||x̂||², x·x̂, SSE, L0, L1, 0, 0] (f64).
export const TOKEN_RECORD = 8;

export function reduceReference(x: Float32Array, xhatRaw: ArrayLike<number>, codes: Float32Array, T: number, d: number, F: number): Float64Array {
  const out = new Float64Array(T * TOKEN_RECORD);
  for (let t = 0; t < T; t++) {
    let xx = 0, hh = 0, xh = 0, sse = 0, l0 = 0, l1 = 0;
    for (let j = 0; j < d; j++) {
      const a = x[t * d + j]!, h = xhatRaw[t * d + j]!;
      xx += a * a; hh += h * h; xh += a * h; sse += (a - h) * (a - h);
    }
    for (let i = 0; i < F; i++) { const f = codes[t * F + i]!; if (f !== 0) l0++; l1 += f; }
    out.set([xx, hh, xh, sse, l0, l1, 0, 0], t * TOKEN_RECORD);
  }
  return out;
}
