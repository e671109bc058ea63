// Plain TypeScript references of decode.wgsl (sparse decode, scatter). Dense decode is matmulReference(MODE.decode).
import { SENTINEL } from './topkReference.ts';

/** x̂_in[t] = b_dec + sum_s val[t, s] * W_dec[idx[t, s]] over valid entries, f64 accumulation in selection order. */
export function sparseDecodeReference(idx: Uint32Array, val: Float32Array, T: number, k: number, wDec: Float32Array, F: number, d: number, bDec: Float32Array): Float32Array {
  const out = new Float32Array(T * d);
  const acc = new Float64Array(d);
  for (let t = 0; t < T; t++) {
    acc.fill(0);
    for (let s = 0; s < k; s++) {
      const i = idx[t * k + s]!, v = val[t * k + s]!;
      if (v === 0 || i === SENTINEL || i >= F) continue;
      for (let j = 0; j < d; j++) acc[j]! += v * wDec[i * d + j]!;
    }
    for (let j = 0; j < d; j++) out[t * d + j] = bDec[j]! + acc[j]!;
  }
  return out;
}

/** Dense [T, F] codes from a selection. */
export function scatterReference(idx: Uint32Array, val: Float32Array, T: number, k: number, F: number): Float32Array {
  const out = new Float32Array(T * F);
  for (let t = 0; t < T; t++) {
    for (let s = 0; s < k; s++) {
      const i = idx[t * k + s]!, v = val[t * k + s]!;
      if (v !== 0 && i < F) out[t * F + i] = v;
    }
  }
  return out;
}
