// Whole-engine agreement of rescoreGpu with the CPU engine (rescoreCpu) within docs/rescoring-spec.md §6.6 tolerances.
import { describe, expect, it } from 'vitest';
import { rescoreGpu, type GpuRescoreOptions } from '../../src/gpu/gpuEngine.ts';
import { rescoreCpu } from '../../src/rescore/cpuEngine.ts';
import type { ActivationBundle, ActivationNormalization, CanonicalSae, RescoreResult } from '../../src/rescore/types.ts';
import { compareResults, worst } from './compare.ts';
import { ARCHITECTURES, HAVE_ICD, getDevice, makeBundle, makeSae } from './helpers.ts';

async function both(sae: CanonicalSae, bundle: ActivationBundle, opts: GpuRescoreOptions = {}): Promise<[RescoreResult, RescoreResult]> {
  const device = await getDevice();
  const gpu = await rescoreGpu(device, sae, bundle, opts);
  const cpu = await rescoreCpu(sae, bundle, {});
  return [gpu, cpu];
}

describe.skipIf(!HAVE_ICD)('GPU engine vs CPU engine (§6.6 tolerances)', () => {
  const norms: ActivationNormalization[] = [{ kind: 'none' }, { kind: 'expected_average_only_in', scale: 0.8 }, { kind: 'constant_norm_rescale' }, { kind: 'layer_norm' }];
  ARCHITECTURES.forEach((arch, ai) => {
    const norm = norms[ai % norms.length]!;
    it(`${arch} (${norm.kind}), d=24, F=40, 6x8 tokens in 3 batches`, async () => {
      const sae = makeSae(arch, 24, 40, 10 + ai, norm);
      const bundle = makeBundle(24, 6, 8, 2, 20 + ai);
      const [gpu, cpu] = await both(sae, bundle);
      compareResults(gpu, cpu, arch);
    });
  });

  for (const arch of ['standard', 'topk', 'gated'] as const) {
    it(`${arch}: latent chunks of 16 and token tiles of 5 (sequences split across tiles)`, async () => {
      const sae = makeSae(arch, 20, 50, 3, { kind: 'layer_norm' });
      const bundle = makeBundle(20, 5, 7, 2, 4, 5);
      const [gpu, cpu] = await both(sae, bundle, { maxLatentsPerChunk: 16, tileTokens: 5 });
      expect(gpu.notes.some((n) => n.includes('chunks'))).toBe(true);
      compareResults(gpu, cpu, `${arch} chunked`);
    });
  }

  it('sampled max-cosine metrics above maxCosineSampleAbove use the same latents as the CPU engine', async () => {
    const sae = makeSae('jumprelu', 16, 80, 8);
    const bundle = makeBundle(16, 2, 4, 1, 9);
    const opts = { maxCosineSampleAbove: 32, maxCosineSampleSize: 12, seed: 7 };
    const gpu = await rescoreGpu(await getDevice(), sae, bundle, opts);
    const cpu = await rescoreCpu(sae, bundle, opts);
    expect(gpu.metrics.max_cosine_sampled_latents).toBe(12);
    expect(gpu.perLatent.maxDecoderCosineSim!.filter((v) => !Number.isNaN(v)).length).toBe(12);
    compareResults(gpu, cpu, 'sampled max cosine');
    const cpuSide = await rescoreGpu(await getDevice(), sae, bundle, { ...opts, weightMetricsOnCpu: true });
    compareResults(cpuSide, cpu, 'weight metrics on CPU');
  });

  it('prints the largest CPU-vs-GPU differences', () => {
    console.log('[gpu engine] max |Δ| (scalars relative to max(1,|v|)):', JSON.stringify(worst));
  });
});
