// Per-token normalisation (docs/rescoring-spec.md §2.3) and encoder epilogues for every architecture (§2.1). The GEMM
// z = x'·W_enc is done elsewhere (kernel.ts); here h = z (+ b_enc) is turned into codes in place.
import type { CanonicalSae } from './types.ts';

export const LAYER_NORM_EPS = 1e-5;

/**
 * Writes x_in = N_in(x) into `out` and returns the inverse as [shift, scale]: x̂ = x̂_in·scale + shift.
 * constant_norm_rescale: c = √d/‖x‖. layer_norm: unbiased σ, ε only in the forward direction.
 */
export function normalizeIn(sae: CanonicalSae, x: ArrayLike<number>, xOff: number, out: Float64Array, inv: Float64Array): void {
  const d = sae.dIn;
  const n = sae.normalization;
  if (n.kind === 'none') {
    for (let j = 0; j < d; j++) out[j] = x[xOff + j]!;
    inv[0] = 0; inv[1] = 1;
  } else if (n.kind === 'expected_average_only_in') {
    for (let j = 0; j < d; j++) out[j] = x[xOff + j]! * n.scale;
    inv[0] = 0; inv[1] = 1 / n.scale;
  } else if (n.kind === 'constant_norm_rescale') {
    let s = 0;
    for (let j = 0; j < d; j++) s += x[xOff + j]! ** 2;
    const c = Math.sqrt(d) / Math.sqrt(s);
    for (let j = 0; j < d; j++) out[j] = x[xOff + j]! * c;
    inv[0] = 0; inv[1] = 1 / c;
  } else {
    let mu = 0;
    for (let j = 0; j < d; j++) mu += x[xOff + j]!;
    mu /= d;
    let v = 0;
    for (let j = 0; j < d; j++) v += (x[xOff + j]! - mu) ** 2;
    const sigma = Math.sqrt(v / (d - 1));
    for (let j = 0; j < d; j++) out[j] = (x[xOff + j]! - mu) / (sigma + LAYER_NORM_EPS);
    inv[0] = mu; inv[1] = sigma;
  }
}

/** Per-SAE constants for the epilogue, computed once. */
export interface Epilogue {
  sae: CanonicalSae;
  /** exp(r_mag), gated only. */
  expRMag?: Float64Array;
  heapIdx: Int32Array;
  heapVal: Float64Array;
}

export function makeEpilogue(sae: CanonicalSae): Epilogue {
  const k = Math.max(1, Math.min(sae.k ?? 1, sae.dSae));
  return {
    sae,
    expRMag: sae.rMag ? Float64Array.from(sae.rMag, Math.exp) : undefined,
    heapIdx: new Int32Array(k),
    heapVal: new Float64Array(k),
  };
}

/** Turns pre-activations z[off .. off+F) (= x'·W_enc, no bias) into codes, in place. */
export function applyEpilogue(ep: Epilogue, z: Float32Array | Float64Array, off: number): void {
  const sae = ep.sae;
  const F = sae.dSae;
  const bEnc = sae.bEnc;
  switch (sae.architecture) {
    case 'standard':
    case 'p_anneal':
      for (let i = 0; i < F; i++) {
        const h = z[off + i]! + bEnc![i]!;
        z[off + i] = h > 0 ? h : 0;
      }
      return;
    case 'jumprelu': {
      const th = sae.threshold as Float32Array;
      for (let i = 0; i < F; i++) {
        const h = z[off + i]! + bEnc![i]!;
        z[off + i] = h > th[i]! && h > 0 ? h : 0;
      }
      return;
    }
    case 'batch_topk':
    case 'matryoshka_batch_topk': {
      const th = sae.threshold as number;
      for (let i = 0; i < F; i++) {
        const r = Math.max(0, z[off + i]! + bEnc![i]!);
        z[off + i] = r > th ? r : 0;
      }
      return;
    }
    case 'gated': {
      const bGate = sae.bGate!, bMag = sae.bMag!, e = ep.expRMag!;
      for (let i = 0; i < F; i++) {
        const zi = z[off + i]!;
        const mag = e[i]! * zi + bMag[i]!;
        z[off + i] = zi + bGate[i]! > 0 && mag > 0 ? mag : 0;
      }
      return;
    }
    case 'topk':
      for (let i = 0; i < F; i++) z[off + i] = z[off + i]! + bEnc![i]!;
      topkInPlace(ep, z, off, F);
      return;
  }
}

// Min-heap "less": smaller value, or equal value with the larger index (ties keep the lower latent index).
function less(val: Float64Array, idx: Int32Array, a: number, b: number): boolean {
  return val[a]! < val[b]! || (val[a] === val[b] && idx[a]! > idx[b]!);
}

function siftDown(val: Float64Array, idx: Int32Array, n: number, i: number): void {
  for (;;) {
    const l = 2 * i + 1, r = l + 1;
    let m = i;
    if (l < n && less(val, idx, l, m)) m = l;
    if (r < n && less(val, idx, r, m)) m = r;
    if (m === i) return;
    const tv = val[i]!; val[i] = val[m]!; val[m] = tv;
    const ti = idx[i]!; idx[i] = idx[m]!; idx[m] = ti;
    i = m;
  }
}

/** Keeps the k largest positive entries of z[off..off+F), zeroes the rest (ReLU then top-k = top-k then ReLU). */
export function topkInPlace(ep: Epilogue, z: Float32Array | Float64Array, off: number, F: number): void {
  const k = ep.heapIdx.length;
  const val = ep.heapVal, idx = ep.heapIdx;
  let n = 0;
  for (let i = 0; i < F; i++) {
    const v = z[off + i]!;
    if (!(v > 0)) continue;
    if (n < k) {
      val[n] = v; idx[n] = i; n++;
      if (n === k) for (let p = (k >> 1) - 1; p >= 0; p--) siftDown(val, idx, k, p);
    } else if (v > val[0]!) {
      val[0] = v; idx[0] = i;
      siftDown(val, idx, k, 0);
    }
  }
  for (let i = 0; i < F; i++) z[off + i] = 0;
  for (let p = 0; p < n; p++) z[off + idx[p]!] = val[p]!;
}

/** Transposes W_enc [dIn, dSae] to [dSae, dIn] so each latent's weights are contiguous for the kernel. */
export function transposeWEnc(sae: CanonicalSae): Float32Array {
  const { dIn, dSae, wEnc } = sae;
  const t = new Float32Array(dIn * dSae);
  for (let j = 0; j < dIn; j++) for (let i = 0; i < dSae; i++) t[i * dIn + j] = wEnc[j * dSae + i]!;
  return t;
}
