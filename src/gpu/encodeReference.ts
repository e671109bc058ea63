// Plain TypeScript reference of encode.wgsl (f64 accumulation, results rounded to f32).
import type { CanonicalSae } from '../rescore/types.ts';

export const MODE = { relu: 0, jumprelu: 1, threshold: 2, gated: 3, preact: 4, decode: 5 } as const;
export type EpilogueMode = (typeof MODE)[keyof typeof MODE];

export function modeForArchitecture(arch: CanonicalSae['architecture']): EpilogueMode {
  switch (arch) {
    case 'standard':
    case 'p_anneal':
      return MODE.relu;
    case 'jumprelu':
      return MODE.jumprelu;
    case 'batch_topk':
    case 'matryoshka_batch_topk':
      return MODE.threshold;
    case 'gated':
      return MODE.gated;
    case 'topk':
      return MODE.preact;
  }
}

/** Per-latent epilogue parameters (b1, b2, s, thr) for latents [f0, f0 + count), zero-padded to `padTo` columns. */
export function epilogueParams(sae: CanonicalSae, f0: number, count: number, padTo: number): Float32Array {
  const p = new Float32Array(padTo * 4);
  const scalarThr = typeof sae.threshold === 'number' ? sae.threshold : 0;
  for (let c = 0; c < count; c++) {
    const i = f0 + c;
    if (sae.architecture === 'gated') {
      p[c * 4] = sae.bGate![i]!;
      p[c * 4 + 1] = sae.bMag![i]!;
      p[c * 4 + 2] = Math.exp(sae.rMag![i]!);
    } else {
      p[c * 4] = sae.bEnc?.[i] ?? 0;
      p[c * 4 + 3] = sae.threshold instanceof Float32Array ? sae.threshold[i]! : scalarThr;
    }
  }
  return p;
}

/** One epilogue value, in f32 like the shader. */
export function epilogue(mode: EpilogueMode, z: number, b1: number, b2: number, s: number, thr: number): number {
  const f = Math.fround;
  switch (mode) {
    case MODE.relu: return Math.max(f(z + b1), 0);
    case MODE.jumprelu: { const h = f(z + b1); return h > thr ? Math.max(h, 0) : 0; }
    case MODE.threshold: { const r = Math.max(f(z + b1), 0); return r > thr ? r : 0; }
    case MODE.gated: return f(z + b1) > 0 ? Math.max(f(f(s * z) + b2), 0) : 0;
    default: return f(z + b1);
  }
}

/**
 * out[M, N] = epilogue(A[M, K] · B[K, N]). For MODE.decode: out = A·B + (init ? init : b1 per column).
 * Unpadded row-major inputs; params is (b1, b2, s, thr) per column.
 */
export function matmulReference(
  A: Float32Array, B: Float32Array, params: Float32Array, mode: EpilogueMode, M: number, N: number, K: number, init?: Float32Array,
): Float32Array {
  const out = new Float32Array(M * N);
  const acc = new Float64Array(N);
  for (let r = 0; r < M; r++) {
    acc.fill(0);
    for (let k = 0; k < K; k++) {
      const a = A[r * K + k]!;
      if (a === 0) continue;
      for (let c = 0; c < N; c++) acc[c]! += a * B[k * N + c]!;
    }
    for (let c = 0; c < N; c++) {
      const z = Math.fround(acc[c]!);
      if (mode === MODE.decode) out[r * N + c] = z + (init ? init[r * N + c]! : params[c * 4]!);
      else out[r * N + c] = epilogue(mode, z, params[c * 4]!, params[c * 4 + 1]!, params[c * 4 + 2]!, params[c * 4 + 3]!);
    }
  }
  return out;
}
