// Golden vectors of docs/rescoring-spec.md §7 through the GPU passes and engine, plus progress, cancellation and
// device loss.
import { describe, expect, it } from 'vitest';
import { runMatmul } from '../../src/gpu/encodePass.ts';
import { MODE } from '../../src/gpu/encodeReference.ts';
import { GpuDeviceLostError, rescoreGpu } from '../../src/gpu/gpuEngine.ts';
import { createNodeGpuDevice } from '../../src/gpu/nodeDevice.ts';
import { rescoreCpu } from '../../src/rescore/cpuEngine.ts';
import type { ActivationBundle, CanonicalSae } from '../../src/rescore/types.ts';
import { compareResults } from './compare.ts';
import { HAVE_ICD, getDevice, makeBundle, makeSae } from './helpers.ts';

function sae(p: Partial<CanonicalSae> & Pick<CanonicalSae, 'dIn' | 'dSae' | 'wEnc' | 'wDec'>): CanonicalSae {
  return {
    architecture: 'standard', bDec: new Float32Array(p.dIn), bEnc: new Float32Array(p.dSae), applyBDecToInput: false,
    normalization: { kind: 'none' }, description: { format: 'golden', name: 'golden', notes: [] }, ...p,
  };
}

function bundle(x: number[], nSeq: number, ctx: number, dIn: number, mask?: number[], batchSizePrompts = nSeq): ActivationBundle {
  return { nSeq, ctx, dIn, activations: Float32Array.from(x), tokenMask: Uint8Array.from(mask ?? Array(nSeq * ctx).fill(1)), batchSizePrompts, metadata: {} };
}

const close = (got: number | undefined, want: number, tol = 1e-5) => expect(Math.abs(got! - want)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want)));

describe.skipIf(!HAVE_ICD)('golden vectors (§7) on the GPU', () => {
  it('V1: two tokens, one batch, d = 2', async () => {
    const s = sae({ dIn: 2, dSae: 2, wEnc: Float32Array.from([1, 0, 0, 1]), wDec: Float32Array.from([1, 0.5, 0, 0.75]) });
    const r = await rescoreGpu(await getDevice(), s, bundle([2, 0, 0, 4], 1, 2, 2), { skipWeightMetrics: true });
    const m = r.metrics;
    close(m.mse, 0.5); close(m.mse_corrected, 1.0); close(m.explained_variance_legacy, 0.8); close(m.explained_variance_corrected, 0.8);
    close(m.explained_variance, 16 / 15); close(m.cossim, 0.947214); close(m.l2_norm_in, 3.0); close(m.l2_norm_out, 2.618034);
    close(m.l2_ratio, 0.934017); close(m.relative_reconstruction_bias, 0.875);
  });

  it('V2: JumpReLU threshold is strict', async () => {
    const below = Math.fround(0.5 - 2 ** -25);
    const out = await runMatmul(await getDevice(), Float32Array.from([0.5]), Float32Array.from([1, 1]), Float32Array.from([0, 0, 0, 0.5, 0, 0, 0, below]), MODE.jumprelu, 1, 2, 1);
    expect(Array.from(out)).toEqual([0, 0.5]);
  });

  it('V3: TopK with fewer than k positives', async () => {
    const s = sae({ architecture: 'topk', k: 5, dIn: 1, dSae: 8, wEnc: Float32Array.from([1, 1, -1, -1, -1, -1, -1, -1]), wDec: new Float32Array(8).fill(1) });
    const r = await rescoreGpu(await getDevice(), s, bundle([2, 3], 1, 2, 1), { skipWeightMetrics: true });
    expect(r.metrics.l0).toBe(2);
    expect(r.metrics.l1).toBe(5);
  });

  it('V4: gated', async () => {
    const P = Float32Array.from([-1, 0, Math.exp(Math.log(2)), 0]);
    const out = await runMatmul(await getDevice(), Float32Array.from([0.5, 2]), Float32Array.from([1]), P, MODE.gated, 2, 1, 1);
    expect(Array.from(out)).toEqual([0, 4]);
  });

  it('V6: consistent-activation heuristic with a masked token', async () => {
    const s = sae({ dIn: 1, dSae: 1, wEnc: Float32Array.from([1]), wDec: Float32Array.from([1]) });
    const b = bundle([1, 1, -1, 1, -1, 1], 2, 3, 1, [1, 1, 1, 0, 1, 1]);
    const r = await rescoreGpu(await getDevice(), s, b, { skipWeightMetrics: true });
    close(r.perLatent.featureDensity[0], 3 / 5);
    close(r.perLatent.consistentActivationHeuristic[0], 3 / 2);
  });

  it('V7: layer_norm round trip uses the unbiased std and epsilon only forwards', async () => {
    const d = 4;
    const wEnc = new Float32Array(d * 2 * d), wDec = new Float32Array(2 * d * d);
    for (let j = 0; j < d; j++) { wEnc[j * 2 * d + j] = 1; wEnc[j * 2 * d + d + j] = -1; wDec[j * d + j] = 1; wDec[(d + j) * d + j] = -1; }
    const s = sae({ dIn: d, dSae: 2 * d, wEnc, wDec, normalization: { kind: 'layer_norm' } });
    const x = [0.5, 0.51, 0.49, 0.52, 0.3, 0.31, 0.33, 0.28];
    const r = await rescoreGpu(await getDevice(), s, bundle(x, 1, 2, d), { skipWeightMetrics: true });
    let want = 0;
    for (let t = 0; t < 2; t++) {
      const row = x.slice(t * d, t * d + d);
      const mu = row.reduce((a, b) => a + b, 0) / d;
      const sigma = Math.sqrt(row.reduce((a, b) => a + (b - mu) ** 2, 0) / (d - 1));
      for (const v of row) want += ((v - mu) * (1 - sigma / (sigma + 1e-5))) ** 2;
    }
    want /= 2;
    expect(want).toBeGreaterThan(0);
    expect(Math.abs(r.metrics.mse_corrected! - want) / want).toBeLessThan(0.05);
  });
});

describe.skipIf(!HAVE_ICD)('GPU engine control flow', () => {
  const s = makeSae('standard', 16, 32, 5);
  const b = makeBundle(16, 4, 5, 2, 6);

  it('reports progress per tile and can be cancelled between tiles', async () => {
    const device = await getDevice();
    const seen: number[] = [];
    const r = await rescoreGpu(device, s, b, { tileTokens: 4, skipWeightMetrics: true, onProgress: (p) => { if (p.phase === 'encode') seen.push(p.tokensDone); } });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(r.tokens);
    expect(seen.length).toBe(1 + Math.ceil(r.tokens / 4));
    const ac = new AbortController();
    await expect(rescoreGpu(device, s, b, { tileTokens: 4, signal: ac.signal, onProgress: (p) => { if (p.tokensDone > 0) ac.abort(); } }))
      .rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('recovers from one device loss by re-running on a new device', async () => {
    const first = (await createNodeGpuDevice())!;
    let destroyed = 0;
    const r = await rescoreGpu(first, s, b, {
      tileTokens: 4,
      recreateDevice: createNodeGpuDevice,
      onProgress: (p) => { if (p.tokensDone > 0 && destroyed === 0) { destroyed++; first.destroy(); } },
    });
    expect(r.notes.some((n) => n.includes('lost'))).toBe(true);
    compareResults(r, await rescoreCpu(s, b), 'after device loss');
  });

  it('surfaces a second device loss as an error', async () => {
    const first = (await createNodeGpuDevice())!;
    let current: GPUDevice = first;
    const recreate = async () => { const d = await createNodeGpuDevice(); if (d) current = d; return d; };
    const destroyedDevices = new Set<GPUDevice>();
    await expect(rescoreGpu(first, s, b, {
      tileTokens: 4,
      recreateDevice: recreate,
      onProgress: (p) => { if (p.tokensDone > 0 && !destroyedDevices.has(current)) { destroyedDevices.add(current); current.destroy(); } },
    })).rejects.toBeInstanceOf(GpuDeviceLostError);
    expect(destroyedDevices.size).toBe(2);
  });
});
