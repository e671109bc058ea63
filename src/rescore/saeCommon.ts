// Shared helpers for the SAE readers: tensor fetch with shape checks, canonical validation, load-time folds
// (docs/rescoring-spec.md §2.4).
import { fail } from './errors.ts';
import { getTensorInfo, readFloat, type SafetensorsFile } from './safetensors.ts';
import type { CanonicalSae } from './types.ts';

export function tensor(file: SafetensorsFile, name: string, shape: number[] | null, label: string): Float32Array {
  const t = getTensorInfo(file, name, label);
  if (shape && (t.shape.length !== shape.length || t.shape.some((s, i) => s !== shape[i]))) {
    fail('WRONG_SHAPE', `${label}: tensor "${name}" has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}]`);
  }
  return readFloat(file, t, label);
}

export function optionalTensor(file: SafetensorsFile, name: string, shape: number[] | null, label: string): Float32Array | undefined {
  return file.tensors.has(name) ? tensor(file, name, shape, label) : undefined;
}

/** A scalar stored as a 0-d or 1-element tensor. */
export function scalarTensor(file: SafetensorsFile, name: string, label: string): number | undefined {
  if (!file.tensors.has(name)) return undefined;
  const v = tensor(file, name, null, label);
  if (v.length !== 1) fail('WRONG_SHAPE', `${label}: tensor "${name}" should hold one value, has ${v.length}`);
  return v[0];
}

export function transpose(src: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c]!;
  return out;
}

export function decoderNorms(sae: Pick<CanonicalSae, 'wDec' | 'dSae' | 'dIn'>): Float64Array {
  const n = new Float64Array(sae.dSae);
  for (let i = 0; i < sae.dSae; i++) {
    let s = 0;
    for (let j = 0; j < sae.dIn; j++) { const v = sae.wDec[i * sae.dIn + j]!; s += v * v; }
    n[i] = Math.sqrt(s);
  }
  return n;
}

/** SAELens fold_W_dec_norm: W_dec[i] /= n_i, W_enc[:, i] *= n_i, b_enc/θ/b_gate/b_mag *= n_i. Mutates and returns sae. */
export function foldDecoderNorm(sae: CanonicalSae): CanonicalSae {
  const norms = decoderNorms(sae);
  const { dIn, dSae } = sae;
  for (let i = 0; i < dSae; i++) {
    const n = norms[i]!;
    if (n === 0) continue;
    for (let j = 0; j < dIn; j++) sae.wDec[i * dIn + j]! /= n;
    for (let j = 0; j < dIn; j++) sae.wEnc[j * dSae + i]! *= n;
    if (sae.bEnc) sae.bEnc[i]! *= n;
    if (sae.bGate) sae.bGate[i]! *= n;
    if (sae.bMag) sae.bMag[i]! *= n;
    if (sae.threshold instanceof Float32Array) sae.threshold[i]! *= n;
  }
  sae.description.notes.push('decoder norms folded into the encoder (fold_W_dec_norm)');
  return sae;
}

export function assertUnitDecoder(sae: CanonicalSae, tol: number, label: string): void {
  const norms = decoderNorms(sae);
  for (let i = 0; i < norms.length; i++) {
    if (Math.abs(norms[i]! - 1) > tol) {
      fail('UNSUPPORTED', `${label}: decoder row ${i} has norm ${norms[i]!.toPrecision(6)}; this architecture's loader requires unit-norm decoder rows (tolerance ${tol})`);
    }
  }
}

/** Checks array lengths and finiteness of every parameter; throws WRONG_SHAPE / NON_FINITE_WEIGHTS / BAD_CONFIG. */
const MAX_WEIGHT = 1e15;

export function validateCanonical(sae: CanonicalSae, label: string): CanonicalSae {
  const { dIn, dSae } = sae;
  if (!Number.isInteger(dIn) || dIn <= 0 || !Number.isInteger(dSae) || dSae <= 0) {
    fail('BAD_CONFIG', `${label}: d_in=${dIn} and d_sae=${dSae} must be positive integers`);
  }
  if (sae.k !== undefined && (!Number.isInteger(sae.k) || sae.k < 1 || sae.k > dSae)) {
    fail('BAD_CONFIG', `${label}: k=${sae.k} must be an integer from 1 to d_sae=${dSae}`);
  }
  const arrays: [string, Float32Array | undefined, number][] = [
    ['W_enc', sae.wEnc, dIn * dSae],
    ['W_dec', sae.wDec, dSae * dIn],
    ['b_dec', sae.bDec, dIn],
    ['b_enc', sae.bEnc, dSae],
    ['b_gate', sae.bGate, dSae],
    ['r_mag', sae.rMag, dSae],
    ['b_mag', sae.bMag, dSae],
    ['threshold', sae.threshold instanceof Float32Array ? sae.threshold : undefined, dSae],
  ];
  for (const [name, arr, len] of arrays) {
    if (!arr) continue;
    if (arr.length !== len) fail('WRONG_SHAPE', `${label}: ${name} has ${arr.length} values, expected ${len}`);
    for (let i = 0; i < arr.length; i++) {
      if (!Number.isFinite(arr[i]!)) fail('NON_FINITE_WEIGHTS', `${label}: ${name} contains a non-finite value (${arr[i]}) at index ${i}`);
      // Finite but beyond what a product or square can hold in f32: the GPU would give Infinity, the CPU (f64)
      // a finite number, so the engines would disagree; no trained SAE comes near.
      if (Math.abs(arr[i]!) > MAX_WEIGHT) fail('NON_FINITE_WEIGHTS', `${label}: ${name} has a value of ${arr[i]} at index ${i}, beyond ±${MAX_WEIGHT} (its square overflows 32-bit floats)`);
    }
  }
  const a = sae.architecture;
  if (a === 'gated') {
    if (!sae.bGate || !sae.rMag || !sae.bMag) fail('MISSING_TENSOR', `${label}: gated SAE needs b_gate, r_mag and b_mag`);
  } else if (!sae.bEnc) {
    fail('MISSING_TENSOR', `${label}: ${a} SAE needs b_enc`);
  }
  if (a === 'topk' && (!Number.isInteger(sae.k) || (sae.k ?? 0) < 1)) fail('BAD_CONFIG', `${label}: TopK SAE needs an integer k >= 1, got ${sae.k}`);
  if (a === 'jumprelu' && !(sae.threshold instanceof Float32Array)) fail('MISSING_TENSOR', `${label}: JumpReLU SAE needs a per-latent threshold`);
  if (a === 'batch_topk' || a === 'matryoshka_batch_topk') {
    if (typeof sae.threshold !== 'number' || !Number.isFinite(sae.threshold)) fail('BAD_CONFIG', `${label}: ${a} SAE needs a scalar threshold`);
    if (sae.threshold < 0) fail('BAD_CONFIG', `${label}: ${a} threshold is ${sae.threshold} (< 0 means unset; SAEBench refuses to evaluate it)`);
  }
  if (sae.normalization.kind === 'expected_average_only_in' && !(sae.normalization.scale > 0)) {
    fail('BAD_CONFIG', `${label}: expected_average_only_in needs a positive scale`);
  }
  return sae;
}
