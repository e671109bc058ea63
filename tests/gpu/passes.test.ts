import { describe, expect, it } from 'vitest';
import { runMatmul } from '../../src/gpu/encodePass.ts';
import { MODE, matmulReference, type EpilogueMode } from '../../src/gpu/encodeReference.ts';
import { runNormalize } from '../../src/gpu/normalizePass.ts';
import { normalizeReference } from '../../src/gpu/normalizeReference.ts';
import { runTopk } from '../../src/gpu/topkPass.ts';
import { topkReference } from '../../src/gpu/topkReference.ts';
import type { ActivationNormalization } from '../../src/rescore/types.ts';
import { HAVE_ICD, getDevice, maxAbsDiff, randn, rng } from './helpers.ts';

describe.skipIf(!HAVE_ICD)('gpu passes vs TypeScript references', () => {
  const modes: [string, EpilogueMode][] = [['relu', MODE.relu], ['jumprelu', MODE.jumprelu], ['threshold', MODE.threshold], ['gated', MODE.gated], ['preact', MODE.preact], ['decode', MODE.decode]];
  for (const [name, mode] of modes) {
    it(`matmul + ${name} epilogue (M=70, K=37, N=83)`, async () => {
      const device = await getDevice();
      const r = rng(mode + 1);
      const M = 70, K = 37, N = 83;
      const A = randn(r, M * K), B = randn(r, K * N, 0.3), P = randn(r, N * 4, 0.5);
      for (let c = 0; c < N; c++) { P[c * 4 + 2] = Math.exp(P[c * 4 + 2]!); P[c * 4 + 3] = Math.abs(P[c * 4 + 3]!); }
      const init = mode === MODE.decode ? randn(r, M * N) : undefined;
      const gpu = await runMatmul(device, A, B, P, mode, M, N, K, init);
      const ref = matmulReference(A, B, P, mode, M, N, K, init);
      // outputs near a threshold may flip; count them
      let flips = 0, maxd = 0;
      for (let i = 0; i < ref.length; i++) {
        const d = Math.abs(gpu[i]! - ref[i]!);
        if (d > 1e-4 * Math.max(1, Math.abs(ref[i]!))) flips++; else maxd = Math.max(maxd, d);
      }
      expect(flips).toBe(0);
      expect(maxd).toBeLessThan(1e-4);
    });
  }

  const norms: ActivationNormalization[] = [{ kind: 'none' }, { kind: 'expected_average_only_in', scale: 1.7 }, { kind: 'constant_norm_rescale' }, { kind: 'layer_norm' }];
  for (const norm of norms) {
    it(`normalize ${norm.kind}`, async () => {
      const device = await getDevice();
      const r = rng(7);
      const T = 19, d = 150;
      const x = randn(r, T * d, 2), bDec = randn(r, d);
      for (const alpha of [false, true]) {
        const gpu = await runNormalize(device, x, T, d, norm, alpha, bDec);
        const ref = normalizeReference(x, T, d, norm, alpha, bDec);
        expect(maxAbsDiff(gpu.xp, ref.xp)).toBeLessThan(2e-5);
        expect(maxAbsDiff(gpu.inv, ref.inv)).toBeLessThan(2e-5);
      }
    });
  }

  it('topk select with ties, negatives and short rows', async () => {
    const device = await getDevice();
    const r = rng(3);
    const T = 9, M = 300;
    const vals = new Float32Array(T * M);
    for (let i = 0; i < vals.length; i++) vals[i] = Math.round((r() - 0.6) * 8) / 4; // many exact ties, many <= 0
    for (const k of [1, 5, 32, 299, 300, 301, 400]) {
      const gpu = await runTopk(device, vals, T, M, k, undefined, 1000);
      const ref = topkReference(vals, T, M, k, undefined, 1000);
      expect(Array.from(gpu.idx)).toEqual(Array.from(ref.idx));
      expect(Array.from(gpu.val)).toEqual(Array.from(ref.val));
    }
  });

  it('topk merges candidates with explicit indices', async () => {
    const device = await getDevice();
    const r = rng(4);
    const T = 5, M = 40, k = 8;
    const vals = randn(r, T * M);
    const idx = new Uint32Array(T * M);
    for (let i = 0; i < idx.length; i++) idx[i] = (i % M) * 3 + 1;
    const gpu = await runTopk(device, vals, T, M, k, idx);
    const ref = topkReference(vals, T, M, k, idx);
    expect(Array.from(gpu.idx)).toEqual(Array.from(ref.idx));
    expect(Array.from(gpu.val)).toEqual(Array.from(ref.val));
  });
});

import { runScatter, runSparseDecode } from '../../src/gpu/decodePass.ts';
import { scatterReference, sparseDecodeReference } from '../../src/gpu/decodeReference.ts';
import { runLatentStats } from '../../src/gpu/latentStatsPass.ts';
import { latentStatsReference } from '../../src/gpu/latentStatsReference.ts';
import { runReduce } from '../../src/gpu/reducePass.ts';
import { reduceReference } from '../../src/gpu/reduceReference.ts';
import { denormalizeReference } from '../../src/gpu/normalizeReference.ts';

describe.skipIf(!HAVE_ICD)('gpu decode / reduce / latent-stat passes vs references', () => {
  it('sparse decode (one chunk and chunks of 16) and scatter', async () => {
    const device = await getDevice();
    const r = rng(11);
    const T = 13, F = 45, d = 30, k = 6;
    const vals = randn(r, T * F);
    const sel = topkReference(vals, T, F, k);
    const wDec = randn(r, F * d), bDec = randn(r, d);
    const ref = sparseDecodeReference(sel.idx, sel.val, T, k, wDec, F, d, bDec);
    expect(maxAbsDiff(await runSparseDecode(device, sel.idx, sel.val, T, k, wDec, F, d, bDec), ref)).toBeLessThan(1e-5);
    expect(maxAbsDiff(await runSparseDecode(device, sel.idx, sel.val, T, k, wDec, F, d, bDec, 16), ref)).toBeLessThan(1e-5);
    const dense = scatterReference(sel.idx, sel.val, T, k, F);
    const chunk = await runScatter(device, sel.idx, sel.val, T, k, 16, 16);
    const want = new Float32Array(T * 16);
    for (let t = 0; t < T; t++) want.set(dense.subarray(t * F + 16, t * F + 32), t * 16);
    expect(Array.from(chunk)).toEqual(Array.from(want));
  });

  it('per-token reductions with inverse normalisation', async () => {
    const device = await getDevice();
    const r = rng(12);
    const T = 11, d = 37, F = 29;
    const x = randn(r, T * d), xhatIn = randn(r, T * d);
    const inv = new Float32Array(T * 4);
    for (let t = 0; t < T; t++) inv.set([1 + r(), 0.5 + r(), r() - 0.5, 0], t * 4);
    const codes = randn(r, T * F).map((v) => (v > 0.5 ? v : 0));
    const gpu = await runReduce(device, x, xhatIn, inv, codes, T, d, F);
    const ref = reduceReference(x, denormalizeReference(xhatIn, inv, T, d), codes, T, d, F);
    for (let i = 0; i < ref.length; i++) expect(Math.abs(gpu[i]! - ref[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(ref[i]!)));
  });

  it('per-latent fired counts and sequence counts across tiles', async () => {
    const device = await getDevice();
    const r = rng(13);
    const ctx = 6, nSeq = 5, T = ctx * nSeq, F = 70;
    const codes = randn(r, T * F).map((v) => (v > 1 ? v : 0));
    const mask = Uint8Array.from({ length: T }, (_, i) => (i % 4 === 0 ? 0 : 1));
    const ref = latentStatsReference(codes, mask, T, F, ctx);
    for (const tile of [T, 7, 1]) {
      const gpu = await runLatentStats(device, codes, mask, T, F, ctx, tile);
      expect(Array.from(gpu.fired)).toEqual(Array.from(ref.fired));
      expect(Array.from(gpu.seqs)).toEqual(Array.from(ref.seqs));
    }
  });
});
