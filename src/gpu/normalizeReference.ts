// Plain TypeScript reference of normalize.wgsl (docs/rescoring-spec.md §2.3 + b_dec subtraction), f64 math.
import type { ActivationNormalization } from '../rescore/types.ts';

export function normKind(n: ActivationNormalization): { kind: number; scale: number } {
  switch (n.kind) {
    case 'none': return { kind: 0, scale: 1 };
    case 'expected_average_only_in': return { kind: 1, scale: n.scale };
    case 'constant_norm_rescale': return { kind: 2, scale: 1 };
    case 'layer_norm': return { kind: 3, scale: 1 };
  }
}

export interface NormalizeOut {
  /** [T, d] x' = N_in(x) - alpha * b_dec */
  xp: Float32Array;
  /** [T, 4] (mul, div, add, 0): x̂ = x̂_in * mul / div + add */
  inv: Float32Array;
}

export function normalizeReference(x: Float32Array, T: number, d: number, norm: ActivationNormalization, applyBDec: boolean, bDec: Float32Array): NormalizeOut {
  const xp = new Float32Array(T * d);
  const inv = new Float32Array(T * 4);
  for (let t = 0; t < T; t++) {
    const row = x.subarray(t * d, (t + 1) * d);
    let mul = 1, div = 1, add = 0;
    let xin: (v: number) => number = (v) => v;
    if (norm.kind === 'expected_average_only_in') {
      div = norm.scale;
      xin = (v) => v * norm.scale;
    } else if (norm.kind === 'constant_norm_rescale') {
      let s = 0;
      for (const v of row) s += v * v;
      const c = Math.sqrt(d) / Math.sqrt(s);
      div = c;
      xin = (v) => v * c;
    } else if (norm.kind === 'layer_norm') {
      let s = 0;
      for (const v of row) s += v;
      const mu = s / d;
      let s2 = 0;
      for (const v of row) s2 += (v - mu) * (v - mu);
      const sigma = Math.sqrt(s2 / (d - 1));
      mul = sigma;
      add = mu;
      xin = (v) => (v - mu) / (sigma + 1e-5);
    }
    for (let j = 0; j < d; j++) xp[t * d + j] = xin(row[j]!) - (applyBDec ? bDec[j]! : 0);
    inv.set([mul, div, add, 0], t * 4);
  }
  return { xp, inv };
}

/** x̂ = x̂_in * mul / div + add, per token. */
export function denormalizeReference(xhatIn: Float32Array, inv: Float32Array, T: number, d: number): Float64Array {
  const out = new Float64Array(T * d);
  for (let t = 0; t < T; t++) {
    const mul = inv[t * 4]!, div = inv[t * 4 + 1]!, add = inv[t * 4 + 2]!;
    for (let j = 0; j < d; j++) out[t * d + j] = (xhatIn[t * d + j]! * mul) / div + add;
  }
  return out;
}
