// Shared set-up for the WebGPU tests: one Node (Dawn + SwiftShader) device per test file.
import { existsSync } from 'node:fs';
import { createNodeGpuDevice, SWIFTSHADER_ICD } from '../../src/gpu/nodeDevice.ts';
import type { ActivationBundle, ActivationNormalization, CanonicalSae, RescoreArchitecture } from '../../src/rescore/types.ts';

export const HAVE_ICD = existsSync(SWIFTSHADER_ICD);
if (!HAVE_ICD) console.warn(`[gpu tests] skipped: ${SWIFTSHADER_ICD} is missing (apt-get install chromium)`);

let devicePromise: Promise<GPUDevice> | null = null;
export function getDevice(): Promise<GPUDevice> {
  devicePromise ??= createNodeGpuDevice().then((d) => {
    if (!d) throw new Error('no WebGPU adapter although the SwiftShader ICD exists');
    d.addEventListener('uncapturederror', (e) => console.error('WebGPU error:', (e as GPUUncapturedErrorEvent).error.message));
    return d;
  });
  return devicePromise;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randn(r: () => number, n: number, scale = 1): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = Math.max(r(), 1e-12), v = r();
    out[i] = scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}


export const ARCHITECTURES: RescoreArchitecture[] = ['standard', 'p_anneal', 'topk', 'batch_topk', 'matryoshka_batch_topk', 'jumprelu', 'gated'];

export function makeSae(arch: RescoreArchitecture, dIn: number, dSae: number, seed = 1, normalization: ActivationNormalization = { kind: 'none' }): CanonicalSae {
  const r = rng(seed);
  const sae: CanonicalSae = {
    architecture: arch, dIn, dSae,
    wEnc: randn(r, dIn * dSae, 1 / Math.sqrt(dIn)),
    wDec: randn(r, dSae * dIn, 1 / Math.sqrt(dIn)),
    bDec: randn(r, dIn, 0.1),
    applyBDecToInput: arch !== 'jumprelu',
    normalization,
    description: { format: 'test', name: `gpu-test-${arch}`, notes: [] },
  };
  if (arch === 'gated') {
    sae.bGate = randn(r, dSae, 0.1); sae.rMag = randn(r, dSae, 0.2); sae.bMag = randn(r, dSae, 0.1);
  } else {
    sae.bEnc = randn(r, dSae, 0.1);
  }
  if (arch === 'topk') sae.k = 5;
  if (arch === 'jumprelu') sae.threshold = Float32Array.from({ length: dSae }, () => r() * 0.3);
  if (arch === 'batch_topk' || arch === 'matryoshka_batch_topk') sae.threshold = 0.2;
  return sae;
}

export function makeBundle(dIn: number, nSeq: number, ctx: number, batchSizePrompts: number, seed = 2, maskEvery = 7): ActivationBundle {
  const r = rng(seed);
  const activations = randn(r, nSeq * ctx * dIn);
  for (let i = 0; i < activations.length; i++) activations[i]! += 0.3;
  const tokenMask = Uint8Array.from({ length: nSeq * ctx }, (_, i) => (i % maskEvery === 0 ? 0 : 1));
  return { nSeq, ctx, dIn, activations, tokenMask, batchSizePrompts, metadata: {} };
}
