// Ground-truth scores against the synthetic generator (docs/rescoring-spec.md §5.2/§5.4): MCC by Hungarian matching
// on |cos|, uniqueness, per-latent precision/recall/F1/accuracy of "latent fires" vs "best-matched true feature
// fires".
import { applyEpilogue, makeEpilogue, normalizeIn, transposeWEnc } from '../encoders.ts';
import { gemmABt } from '../kernel.ts';
import type { CanonicalSae } from '../types.ts';
import { hungarian } from './hungarian.ts';

/** |cos| between decoder rows [F, d] and true features [G, d], as [F, G]. */
export function absCosMatrix(wDec: Float32Array, F: number, features: Float32Array, G: number, d: number): Float64Array {
  const out = new Float64Array(F * G);
  const norm = (m: Float32Array, i: number) => Math.sqrt(m.subarray(i * d, i * d + d).reduce((s, v) => s + v * v, 0));
  for (let i = 0; i < F; i++) {
    const ni = norm(wDec, i);
    for (let g = 0; g < G; g++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += wDec[i * d + j]! * features[g * d + j]!;
      out[i * G + g] = Math.abs(dot / (ni * norm(features, g)));
    }
  }
  return out;
}

/** Mean matched |cos| over min(F, G) Hungarian pairs (maximum total similarity). */
export function mcc(absCos: Float64Array, F: number, G: number): { mcc: number; latentToFeature: Int32Array } {
  const latentToFeature = new Int32Array(F).fill(-1);
  let total = 0;
  if (F <= G) {
    const a = hungarian(absCos.map((v) => -v), F, G);
    for (let i = 0; i < F; i++) { latentToFeature[i] = a[i]!; total += absCos[i * G + a[i]!]!; }
  } else {
    const t = new Float64Array(G * F);
    for (let i = 0; i < F; i++) for (let g = 0; g < G; g++) t[g * F + i] = -absCos[i * G + g]!;
    const a = hungarian(t, G, F);
    for (let g = 0; g < G; g++) { latentToFeature[a[g]!] = g; total += absCos[a[g]! * G + g]!; }
  }
  return { mcc: total / Math.min(F, G), latentToFeature };
}

/** Codes [n, F] of an SAE on raw inputs x [n, d] (small n; uses the engine's kernel and epilogue). */
export function encodeAll(sae: CanonicalSae, x: Float32Array, n: number): Float32Array {
  const d = sae.dIn, F = sae.dSae;
  const a = new Float32Array(n * d);
  const xin = new Float64Array(d), inv = new Float64Array(2);
  for (let t = 0; t < n; t++) {
    normalizeIn(sae, x, t * d, xin, inv);
    for (let j = 0; j < d; j++) a[t * d + j] = xin[j]! - (sae.applyBDecToInput ? sae.bDec[j]! : 0);
  }
  const z = new Float32Array(n * F);
  gemmABt(a, n, transposeWEnc(sae), F, d, z);
  const ep = makeEpilogue(sae);
  for (let t = 0; t < n; t++) applyEpilogue(ep, z, t * F);
  return z;
}

export interface GroundTruthScores {
  mcc: number;
  uniqueness: number;
  meanF1: number;
  meanPrecision: number;
  meanRecall: number;
  meanAccuracy: number;
  /** Per latent: best-matched true feature (argmax |cos|), its |cos| and the latent's F1. */
  bestFeature: number[];
  bestAbsCos: number[];
  f1: number[];
}

/** `trueActive[t*G + g]` = 1 when true feature g fires on token t; codes are the SAE codes [n, F]. */
export function groundTruthScores(
  sae: CanonicalSae, features: Float32Array, G: number, codes: Float32Array, trueActive: Uint8Array, n: number,
): GroundTruthScores {
  const F = sae.dSae, d = sae.dIn;
  const cos = absCosMatrix(sae.wDec, F, features, G, d);
  const { mcc: m } = mcc(cos, F, G);
  const best: number[] = [], bestCos: number[] = [], f1: number[] = [];
  let sp = 0, sr = 0, sa = 0;
  for (let i = 0; i < F; i++) {
    let bg = 0;
    for (let g = 1; g < G; g++) if (cos[i * G + g]! > cos[i * G + bg]!) bg = g;
    best.push(bg);
    bestCos.push(cos[i * G + bg]!);
    let tp = 0, fp = 0, fn = 0;
    for (let t = 0; t < n; t++) {
      const pred = codes[t * F + i]! > 0, truth = trueActive[t * G + bg] === 1;
      if (pred && truth) tp++; else if (pred) fp++; else if (truth) fn++;
    }
    const prec = tp + fp > 0 ? tp / (tp + fp) : 0;
    const rec = tp + fn > 0 ? tp / (tp + fn) : 0;
    f1.push(prec + rec > 0 ? (2 * prec * rec) / (prec + rec) : 0);
    sp += prec; sr += rec; sa += (n - fp - fn) / n;
  }
  return {
    mcc: m,
    uniqueness: new Set(best).size / F,
    meanF1: f1.reduce((a, b) => a + b, 0) / F,
    meanPrecision: sp / F,
    meanRecall: sr / F,
    meanAccuracy: sa / F,
    bestFeature: best,
    bestAbsCos: bestCos,
    f1,
  };
}

/** Dense [n, G] 0/1 activity from CSR true codes. */
export function trueActivity(indptr: Int32Array, indices: Int32Array, n: number, G: number): Uint8Array {
  const out = new Uint8Array(n * G);
  for (let t = 0; t < n; t++) for (let p = indptr[t]!; p < indptr[t + 1]!; p++) out[t * G + indices[p]!] = 1;
  return out;
}
