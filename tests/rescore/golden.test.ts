import { describe, expect, it } from 'vitest';
import { rescoreCpu } from '../../src/rescore/cpuEngine.ts';
import { applyEpilogue, makeEpilogue, normalizeIn } from '../../src/rescore/encoders.ts';
import { batchStats, ReconstructionAccumulator } from '../../src/rescore/metrics.ts';
import { referenceReconstructionMetrics } from '../../src/rescore/reference.ts';
import { foldDecoderNorm } from '../../src/rescore/saeCommon.ts';
import type { CanonicalSae } from '../../src/rescore/types.ts';
import { bundleFromTokens, randomBundle, randomSae } from './helpers.ts';

const V1 = {
  mse: 0.5, mse_corrected: 1.0, explained_variance_legacy: 0.8, explained_variance_corrected: 0.8,
  explained_variance: 1.0666667, cossim: 0.947214, l2_norm_in: 3.0, l2_norm_out: 2.618034, l2_ratio: 0.934017,
  relative_reconstruction_bias: 0.875,
};

function tinySae(arch: CanonicalSae['architecture'], F: number, extra: Partial<CanonicalSae> = {}): CanonicalSae {
  // d = 1, W_enc = 1, W_dec = 1: z_i equals the input for every latent.
  return {
    architecture: arch, dIn: 1, dSae: F,
    wEnc: new Float32Array(F).fill(1), wDec: new Float32Array(F).fill(1), bDec: new Float32Array(1),
    bEnc: new Float32Array(F), applyBDecToInput: true, normalization: { kind: 'none' },
    description: { format: 'test', name: 'tiny', notes: [] }, ...extra,
  };
}

describe('§7 golden vectors', () => {
  it('V1: two tokens, one batch, d = 2 (accumulator and reference)', () => {
    const x = [[2, 0], [0, 4]], xhat = [[2, 1], [0, 3]];
    const b = bundleFromTokens(x, 1, 2, 1);
    const acc = new ReconstructionAccumulator(2, batchStats(b));
    acc.add(0, b.activations, 0, xhat[0]!, 0, 0);
    acc.add(0, b.activations, 2, xhat[1]!, 0, 0);
    const m = acc.finish();
    const ref = referenceReconstructionMetrics(x.map((v, i) => ({ batch: 0, seq: 0, x: v, xhat: xhat[i]! })));
    for (const [k, v] of Object.entries(V1)) {
      expect(m[k], k).toBeCloseTo(v, 5);
      expect(ref[k], k).toBeCloseTo(v, 5);
    }
  });

  it('V1 through the engine: an SAE whose reconstruction is the V1 x̂', async () => {
    // F = 2, codes f = x (ReLU of identity), W_dec = [[1, 0.5], [0, 0.75]] maps [2,0] -> [2,1] and [0,4] -> [0,3].
    const sae: CanonicalSae = {
      architecture: 'standard', dIn: 2, dSae: 2,
      wEnc: Float32Array.from([1, 0, 0, 1]), wDec: Float32Array.from([1, 0.5, 0, 0.75]),
      bDec: new Float32Array(2), bEnc: new Float32Array(2), applyBDecToInput: true,
      normalization: { kind: 'none' }, description: { format: 'test', name: 'v1', notes: [] },
    };
    const r = await rescoreCpu(sae, bundleFromTokens([[2, 0], [0, 4]], 1, 2, 1));
    for (const [k, v] of Object.entries(V1)) expect(r.metrics[k], k).toBeCloseTo(v, 5);
    expect(r.metrics.l0).toBe(1);
    expect(r.metrics.l1).toBe(3);
  });

  it('V2: JumpReLU threshold is strict', () => {
    const theta = 0.5;
    const ulp = Math.fround(theta + 2 ** -24) - theta;
    const sae = tinySae('jumprelu', 2, { threshold: Float32Array.from([theta, theta]), bEnc: Float32Array.from([0, ulp]) });
    const z = Float32Array.from([theta, theta]);
    applyEpilogue(makeEpilogue(sae), z, 0);
    expect(z[0]).toBe(0);
    expect(z[1]).toBe(Math.fround(theta + ulp));
  });

  it('V3: TopK with fewer than k positives keeps only the positives', () => {
    const sae = tinySae('topk', 6, { k: 4, bEnc: Float32Array.from([-1, 2, -3, 1, -0.5, 0]) });
    const z = new Float32Array(6);
    applyEpilogue(makeEpilogue(sae), z, 0);
    expect(Array.from(z)).toEqual([0, 2, 0, 1, 0, 0]);
  });

  it('V3b: TopK keeps the k largest, ties broken by lower index', () => {
    const sae = tinySae('topk', 6, { k: 2, bEnc: new Float32Array(6) });
    const z = Float32Array.from([1, 3, 2, 3, 0.5, 3]);
    applyEpilogue(makeEpilogue(sae), z, 0);
    expect(Array.from(z)).toEqual([0, 3, 0, 3, 0, 0]);
  });

  it('V4: gated (r_mag = ln 2, b_gate = -1, b_mag = 0)', () => {
    const sae = tinySae('gated', 2, {
      bEnc: undefined, rMag: new Float32Array(2).fill(Math.LN2), bGate: new Float32Array(2).fill(-1), bMag: new Float32Array(2),
    });
    const z = Float32Array.from([0.5, 2]);
    applyEpilogue(makeEpilogue(sae), z, 0);
    expect(z[0]).toBe(0);
    expect(z[1]).toBeCloseTo(4, 6);
  });

  it('V5: folding decoder norms keeps x̂ and L0, scales L1 and θ', async () => {
    for (const arch of ['standard', 'jumprelu', 'gated'] as const) {
      const sae = randomSae(arch, 6, 10, 3);
      const scales = Float64Array.from({ length: 10 }, (_, i) => 0.5 + i * 0.3);
      for (let i = 0; i < 10; i++) for (let j = 0; j < 6; j++) sae.wDec[i * 6 + j]! *= scales[i]!;
      const bundle = randomBundle(6, 3, 8, 2);
      const before = await rescoreCpu(sae, bundle, { skipWeightMetrics: true });
      const th0 = sae.threshold instanceof Float32Array ? Float32Array.from(sae.threshold) : undefined;
      const folded = foldDecoderNorm(structuredClone(sae));
      const after = await rescoreCpu(folded, bundle, { skipWeightMetrics: true });
      for (const k of ['mse_corrected', 'explained_variance_legacy', 'cossim', 'l2_norm_out', 'l0']) {
        expect(after.metrics[k]!, `${arch} ${k}`).toBeCloseTo(before.metrics[k]!, 4);
      }
      if (th0) expect((folded.threshold as Float32Array)[3]).toBeCloseTo(th0[3]! * Math.hypot(...sae.wDec.subarray(18, 24)), 5);
      if (before.metrics.l0! > 0) expect(after.metrics.l1).not.toBeCloseTo(before.metrics.l1!, 3);
    }
  });

  it('V6: consistent activation heuristic with a masked token', async () => {
    // d = 1, F = 1, latent fires when x > 0. s1 = [1, 1, -1], s2 = [1(masked), -1, 1].
    const sae = tinySae('standard', 1);
    const b = bundleFromTokens([[1], [1], [-1], [1], [-1], [1]], 2, 3, 2, [1, 1, 1, 0, 1, 1]);
    const r = await rescoreCpu(sae, b);
    expect(r.perLatent.featureDensity[0]).toBeCloseTo(3 / 5, 12);
    expect(r.perLatent.consistentActivationHeuristic[0]).toBeCloseTo(3 / 2, 12);
  });

  it('V7: layer_norm uses the unbiased std and ε only forward', () => {
    const sae = randomSae('standard', 4, 2);
    sae.normalization = { kind: 'layer_norm' };
    const x = [1, 2, 3, 6];
    const out = new Float64Array(4), inv = new Float64Array(2);
    normalizeIn(sae, x, 0, out, inv);
    const mu = 3, sigma = Math.sqrt((4 + 1 + 0 + 9) / 3);
    expect(inv[0]).toBeCloseTo(mu, 12);
    expect(inv[1]).toBeCloseTo(sigma, 12);
    expect(out[3]).toBeCloseTo((6 - mu) / (sigma + 1e-5), 12);
    // Round trip: x̂ = x_in·σ + μ without ε, so it misses x by the factor σ/(σ+ε).
    const back = out[3]! * inv[1]! + inv[0]!;
    expect(back).toBeCloseTo(mu + (6 - mu) * (sigma / (sigma + 1e-5)), 12);
    expect(Math.abs(back - 6)).toBeGreaterThan(0);
  });
});
