// The fast CPU engine (wasm SIMD, optionally on worker threads) against the plain f64 reference, within the
// docs/rescoring-spec.md §6.6 tolerances, and the same result whatever the number of workers.
import { describe, expect, it } from 'vitest';
import { rescoreCpu } from '../../src/rescore/cpuEngine.ts';
import { RescoreError } from '../../src/rescore/errors.ts';
import { rescoreCpuFast, splitUnits, type FastCpuOptions } from '../../src/rescore/fastCpuEngine.ts';
import { spawnNodeComputeWorker } from '../../src/rescore/parallel/nodeWorkers.ts';
import { rescoreReference } from '../../src/rescore/reference.ts';
import type { RescoreResult } from '../../src/rescore/types.ts';
import { ARCHS, expectClose, NORMS, randomBundle, randomSae, randomSaeWithNorm, SCALARS } from './helpers.ts';

const WORKERS: FastCpuOptions = { spawnWorker: spawnNodeComputeWorker, threads: 2 };

function expectMatchesReference(r: RescoreResult, ref: ReturnType<typeof rescoreReference>, N: number): void {
  for (const k of SCALARS) expectClose(r.metrics[k], ref.metrics[k]!, k);
  let flips = 0;
  for (let i = 0; i < ref.density.length; i++) {
    const want = ref.density[i]! * N, got = r.perLatent.firedTokens![i]!;
    expect(Math.abs(got - want)).toBeLessThanOrEqual(Math.max(2, 1e-3 * want));
    flips += Math.abs(got - want);
  }
  expect(flips / (N * ref.density.length)).toBeLessThanOrEqual(1e-2); // boundary flips only (tiny N here)
}

describe('fast CPU engine agrees with the plain reference', () => {
  for (const arch of ARCHS) {
    for (const norm of NORMS) {
      it(`${arch}, normalisation ${norm}, one thread`, async () => {
        const sae = randomSaeWithNorm(arch, norm, 13, 22, ARCHS.indexOf(arch) + 10);
        const bundle = randomBundle(13, 5, 9, 2, 7);
        const r = await rescoreCpuFast(sae, bundle, { tileTokens: 4 + (ARCHS.indexOf(arch) % 3), unitTokens: 10 });
        expectMatchesReference(r, rescoreReference(sae, bundle), r.tokens);
        expect(r.engineLabel).toBe('cpu: WebAssembly SIMD, 1 thread');
      });
    }
    it(`${arch} on 2 worker threads: same numbers as one thread, close to the reference`, async () => {
      const norm = NORMS[ARCHS.indexOf(arch) % NORMS.length]!;
      const sae = randomSaeWithNorm(arch, norm, 19, 37, ARCHS.indexOf(arch) + 20);
      const bundle = randomBundle(19, 9, 11, 2, 8);
      const opts: FastCpuOptions = { tileTokens: 6, unitTokens: 12 };
      const [inline, workers] = [await rescoreCpuFast(sae, bundle, opts), await rescoreCpuFast(sae, bundle, { ...opts, ...WORKERS })];
      expect(workers.engineLabel).toBe('cpu: WebAssembly SIMD, 2 workers');
      expect(workers.notes.join(' ')).toMatch(/CPU path: WebAssembly SIMD, 2 workers/);
      expect(workers.metrics).toEqual(inline.metrics);
      expect(workers.perLatent).toEqual(inline.perLatent);
      expectMatchesReference(workers, rescoreReference(sae, bundle), workers.tokens);
    });
  }

  it('unequal batches and masking on workers, with weight metrics', async () => {
    const sae = randomSae('standard', 8, 16, 4);
    const bundle = randomBundle(8, 7, 5, 3, 9, 3);
    const r = await rescoreCpuFast(sae, bundle, { ...WORKERS, unitTokens: 4 });
    expectMatchesReference(r, rescoreReference(sae, bundle), r.tokens);
    expect(r.tokens).toBe(35 - 12);
    expect(r.metrics.average_max_decoder_cosine_sim).toBeGreaterThan(0);
  });
});

describe('fast CPU engine details', () => {
  it('weight metrics (wasm GEMM for the max cosines) match the scalar engine within 1e-5, exact and sampled', async () => {
    const sae = randomSae('standard', 21, 45, 6);
    const bundle = randomBundle(21, 2, 4, 1);
    for (const opts of [{}, { maxCosineSampleAbove: 16, maxCosineSampleSize: 10, seed: 3 }]) {
      const [fast, scalar] = [await rescoreCpuFast(sae, bundle, opts), await rescoreCpu(sae, bundle, opts)];
      for (const k of ['maxDecoderCosineSim', 'maxEncoderCosineSim', 'encoderNorm', 'encoderDecoderCosineSim'] as const) {
        const f = fast.perLatent[k]!, s = scalar.perLatent[k]!;
        for (let i = 0; i < 45; i++) {
          if (Number.isNaN(s[i]!)) expect(f[i]).toBeNaN();
          else expect(Math.abs(f[i]! - s[i]!)).toBeLessThanOrEqual(1e-5);
        }
      }
      for (const k of ['average_max_decoder_cosine_sim', 'average_max_encoder_cosine_sim', 'mean_encoder_norm']) {
        expect(Math.abs(fast.metrics[k]! - scalar.metrics[k]!)).toBeLessThanOrEqual(1e-5);
      }
    }
  });

  it('units are whole sequences of at least the target size', () => {
    const tokens = Int32Array.from([0, 1, 2, 4, 5, 8, 9, 10, 11, 13]); // ctx 4: sequences 0,0,0,1,1,2,2,2,2,3
    expect(splitUnits(tokens, 4, 4)).toEqual([[0, 5], [5, 9], [9, 10]]);
    expect(splitUnits(tokens, 4, 1)).toEqual([[0, 3], [3, 5], [5, 9], [9, 10]]);
    expect(splitUnits(tokens, 4, 100)).toEqual([[0, 10]]);
  });

  it('reports progress and can be cancelled on workers', async () => {
    const sae = randomSae('topk', 8, 16, 4);
    const bundle = randomBundle(8, 20, 16, 4);
    const seen: string[] = [];
    await rescoreCpuFast(sae, bundle, { ...WORKERS, unitTokens: 16, onProgress: (p) => seen.push(`${p.phase}:${p.tokensDone}`) });
    expect(seen[0]).toBe('encode:0');
    expect(seen.filter((s) => s.startsWith('encode')).length).toBeGreaterThan(5);
    expect(seen.at(-1)).toMatch(/^done:/);
    const ctl = new AbortController();
    const p = rescoreCpuFast(sae, bundle, { ...WORKERS, unitTokens: 16, signal: ctl.signal, onProgress: (q) => { if (q.tokensDone > 50) ctl.abort(); } });
    await expect(p).rejects.toBeInstanceOf(RescoreError);
    await expect(rescoreCpuFast(sae, bundle, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
