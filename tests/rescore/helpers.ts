import { Rng } from '../../src/rescore/synthetic/prng.ts';
import type { ActivationBundle, CanonicalSae, RescoreArchitecture } from '../../src/rescore/types.ts';

export const ARCHS: RescoreArchitecture[] = ['standard', 'p_anneal', 'topk', 'batch_topk', 'matryoshka_batch_topk', 'jumprelu', 'gated'];
export const NORMS = ['none', 'constant_norm_rescale', 'layer_norm', 'expected_average_only_in'] as const;
/** The docs/rescoring-spec.md §1.2 scalar metrics every engine must reproduce. */
export const SCALARS = [
  'l0', 'l1', 'mse', 'mse_corrected', 'explained_variance_legacy', 'explained_variance', 'explained_variance_corrected',
  'explained_variance_synth', 'cossim', 'l2_norm_in', 'l2_norm_out', 'l2_ratio', 'relative_reconstruction_bias',
];

/** A random SAE of `arch` with the given input normalisation (JumpReLU without b_dec subtraction, as SAEBench). */
export function randomSaeWithNorm(arch: RescoreArchitecture, norm: (typeof NORMS)[number], dIn: number, dSae: number, seed: number): CanonicalSae {
  const sae = randomSae(arch, dIn, dSae, seed);
  sae.normalization = norm === 'expected_average_only_in' ? { kind: norm, scale: 0.7 } : { kind: norm };
  if (arch === 'jumprelu') sae.applyBDecToInput = false;
  return sae;
}

export function randn(rng: Rng, n: number, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal() * scale);
}

export function randomSae(arch: RescoreArchitecture, dIn: number, dSae: number, seed = 1): CanonicalSae {
  const rng = new Rng(seed);
  const sae: CanonicalSae = {
    architecture: arch,
    dIn,
    dSae,
    wEnc: randn(rng, dIn * dSae, 1 / Math.sqrt(dIn)),
    wDec: randn(rng, dSae * dIn, 1 / Math.sqrt(dIn)),
    bDec: randn(rng, dIn, 0.1),
    applyBDecToInput: true,
    normalization: { kind: 'none' },
    description: { format: 'test', name: `random-${arch}`, notes: [] },
  };
  if (arch === 'gated') {
    sae.bGate = randn(rng, dSae, 0.1);
    sae.rMag = randn(rng, dSae, 0.2);
    sae.bMag = randn(rng, dSae, 0.1);
  } else {
    sae.bEnc = randn(rng, dSae, 0.1);
  }
  if (arch === 'topk') sae.k = 3;
  if (arch === 'jumprelu') sae.threshold = Float32Array.from({ length: dSae }, () => rng.uniform() * 0.3);
  if (arch === 'batch_topk' || arch === 'matryoshka_batch_topk') sae.threshold = 0.2;
  return sae;
}

export function randomBundle(dIn: number, nSeq: number, ctx: number, batchSizePrompts: number, seed = 2, maskEvery = 7): ActivationBundle {
  const rng = new Rng(seed);
  const activations = randn(rng, nSeq * ctx * dIn);
  for (let i = 0; i < activations.length; i++) activations[i]! += 0.3;
  const tokenMask = Uint8Array.from({ length: nSeq * ctx }, (_, i) => (i % maskEvery === 0 ? 0 : 1));
  return { nSeq, ctx, dIn, activations, tokenMask, batchSizePrompts, metadata: {} };
}

export function bundleFromTokens(x: number[][], nSeq: number, ctx: number, batchSizePrompts: number, mask?: number[]): ActivationBundle {
  const dIn = x[0]!.length;
  return {
    nSeq, ctx, dIn,
    activations: Float32Array.from(x.flat()),
    tokenMask: Uint8Array.from(mask ?? x.map(() => 1)),
    batchSizePrompts,
    metadata: {},
  };
}

/** docs/rescoring-spec.md §6.6 scalar tolerance: |Δ| ≤ tol·max(1, |v|). */
export function expectClose(got: number | undefined, want: number, label: string, tol = 1e-4): void {
  if (got === undefined || !(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)))) {
    throw new Error(`${label}: got ${got}, want ${want} (tolerance ${tol}·max(1,|v|))`);
  }
}
