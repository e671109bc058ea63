import { describe, expect, it } from 'vitest';
import { rescoreCpu } from '../../src/rescore/cpuEngine.ts';
import { RescoreError } from '../../src/rescore/errors.ts';
import { gemmABt, gemmABtNaive } from '../../src/rescore/kernel.ts';
import { log10DensityHistogram } from '../../src/rescore/latentMetrics.ts';
import { rescoreReference } from '../../src/rescore/reference.ts';
import { Rng } from '../../src/rescore/synthetic/prng.ts';
import { ARCHS, expectClose, NORMS, randn, randomBundle, randomSae, randomSaeWithNorm, SCALARS } from './helpers.ts';

describe('CPU engine agrees with the plain reference', () => {
  for (const arch of ARCHS) {
    for (const norm of NORMS) {
      it(`${arch}, normalisation ${norm}`, async () => {
        const sae = randomSaeWithNorm(arch, norm, 13, 22, ARCHS.indexOf(arch) + 10);
        const bundle = randomBundle(13, 5, 9, 2, 7);
        const ref = rescoreReference(sae, bundle);
        const r = await rescoreCpu(sae, bundle, { tileTokens: 4 + (ARCHS.indexOf(arch) % 3) });
        for (const k of SCALARS) expectClose(r.metrics[k], ref.metrics[k]!, k);
        for (let i = 0; i < sae.dSae; i++) {
          expect(r.perLatent.featureDensity[i]).toBeCloseTo(ref.density[i]!, 12);
          expect(r.perLatent.consistentActivationHeuristic[i]).toBeCloseTo(ref.cah[i]!, 12);
        }
        expect(r.metrics.l0).toBeGreaterThan(0);
      });
    }
  }

  it('unequal batches and empty-batch-free masking give per-batch aggregation as the reference', async () => {
    const sae = randomSae('standard', 8, 16, 4);
    const bundle = randomBundle(8, 7, 5, 3, 9, 3); // batches of 3, 3, 1 sequences
    const ref = rescoreReference(sae, bundle);
    const r = await rescoreCpu(sae, bundle);
    for (const k of SCALARS) expectClose(r.metrics[k], ref.metrics[k]!, k);
    expect(r.metrics.total_tokens_eval_sparsity_variance).toBe(35);
    expect(r.tokens).toBe(35 - 12);
  });
});

describe('CPU engine details', () => {
  it('blocked kernel equals the naive kernel on odd sizes', () => {
    const rng = new Rng(5);
    const a = randn(rng, 7 * 13), b = randn(rng, 11 * 13);
    const c1 = new Float32Array(77), c2 = new Float32Array(77);
    gemmABt(a, 7, b, 11, 13, c1);
    gemmABtNaive(a, 7, b, 11, 13, c2);
    for (let i = 0; i < 77; i++) expect(c1[i]).toBeCloseTo(c2[i]!, 5);
  });

  it('weight metrics: exact max cosine below the sampling size, sampled above it with a note', async () => {
    const sae = randomSae('standard', 6, 40, 8);
    const bundle = randomBundle(6, 2, 4, 1);
    const exact = await rescoreCpu(sae, bundle);
    const dec = exact.perLatent.maxDecoderCosineSim!;
    const row = (i: number) => Array.from(sae.wDec.subarray(i * 6, i * 6 + 6));
    const cos = (p: number[], q: number[]) => p.reduce((s, v, j) => s + v * q[j]!, 0) / Math.hypot(...p) / Math.hypot(...q);
    const want = Math.max(...Array.from({ length: 40 }, (_, j) => (j === 3 ? -Infinity : cos(row(3), row(j)))));
    expect(dec[3]).toBeCloseTo(want, 5);
    expect(exact.perLatent.encoderNorm[5]).toBeCloseTo(Math.hypot(...Array.from({ length: 6 }, (_, j) => sae.wEnc[j * 40 + 5]!)), 5);
    const sampled = await rescoreCpu(sae, bundle, { maxCosineSampleAbove: 16, maxCosineSampleSize: 10, seed: 3 });
    const got = sampled.perLatent.maxDecoderCosineSim!;
    expect(Array.from(got).filter((v) => !Number.isNaN(v))).toHaveLength(10);
    for (let i = 0; i < 40; i++) if (!Number.isNaN(got[i]!)) expect(got[i]).toBeCloseTo(dec[i]!, 6);
    expect(sampled.notes.join(' ')).toMatch(/10 latents \(seed 3\)/);
    expect(sampled.metrics.max_cosine_sampled_latents).toBe(10);
  });

  it('density aggregates and histogram', async () => {
    const sae = randomSae('standard', 6, 30, 8);
    const r = await rescoreCpu(sae, randomBundle(6, 4, 10, 2));
    const dens = Array.from(r.perLatent.featureDensity);
    expect(r.metrics.frac_alive).toBeCloseTo(dens.filter((v) => v > 0).length / 30, 12);
    expect(r.metrics.dead_latents).toBe(dens.filter((v) => v === 0).length);
    expect(r.metrics.freq_over_10_percent).toBeCloseTo(dens.filter((v) => v > 0.1).length / 30, 12);
    const h = log10DensityHistogram(dens, 10);
    expect(h.counts.reduce((a, b) => a + b, 0) + h.dead).toBe(30);
  });

  it('reports progress and can be cancelled', async () => {
    const sae = randomSae('standard', 8, 16, 4);
    const bundle = randomBundle(8, 20, 16, 4);
    const phases: string[] = [];
    await rescoreCpu(sae, bundle, { tileTokens: 8, onProgress: (p) => phases.push(p.phase) });
    expect(phases[0]).toBe('encode');
    expect(phases.at(-1)).toBe('done');
    const ctl = new AbortController();
    ctl.abort();
    await expect(rescoreCpu(sae, bundle, { signal: ctl.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    const ctl2 = new AbortController();
    const p = rescoreCpu(sae, bundle, { tileTokens: 1, signal: ctl2.signal, onProgress: (q) => { if (q.tokensDone > 10) ctl2.abort(); } });
    await expect(p).rejects.toBeInstanceOf(RescoreError);
  });

  it('a zero reconstruction gives cossim NaN, written as -1', async () => {
    const sae = randomSae('standard', 4, 4, 1);
    sae.bEnc!.fill(-100);
    sae.bDec.fill(0);
    const r = await rescoreCpu(sae, randomBundle(4, 2, 3, 1));
    expect(r.metrics.cossim).toBe(-1);
    expect(r.metrics.l0).toBe(0);
    expect(r.notes.join(' ')).toMatch(/cossim is NaN/);
  });
});
