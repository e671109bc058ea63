// CPU-vs-GPU result comparison with the docs/rescoring-spec.md §6.6 tolerances; records the largest differences seen.
import { expect } from 'vitest';
import type { RescoreResult } from '../../src/rescore/types.ts';

const COUNT_KEYS = new Set(['dead_latents', 'dense_latents', 'total_tokens_eval_sparsity_variance', 'unmasked_tokens', 'max_cosine_sampled_latents']);
const WEIGHT_KEYS = new Set(['average_max_decoder_cosine_sim', 'average_max_encoder_cosine_sim', 'mean_encoder_norm']);

/** Largest differences seen, printed at the end of the file (for the report). */
export const worst: Record<string, number> = {};
function note(key: string, v: number): void {
  worst[key] = Math.max(worst[key] ?? 0, v);
}

export function compareResults(gpu: RescoreResult, cpu: RescoreResult, label: string): void {
  expect(gpu.engine).toBe('gpu');
  expect(gpu.tokens).toBe(cpu.tokens);
  expect(Object.keys(gpu.metrics).sort()).toEqual(Object.keys(cpu.metrics).sort());
  for (const [key, want] of Object.entries(cpu.metrics)) {
    const got = gpu.metrics[key]!;
    const diff = Math.abs(got - want);
    if (key === 'l0') { note('l0', diff); expect(diff, `${label} ${key}`).toBeLessThanOrEqual(1e-3); continue; }
    if (COUNT_KEYS.has(key)) { expect(Math.abs(got - want), `${label} ${key}`).toBeLessThanOrEqual(Math.max(2, 1e-3 * want)); continue; }
    const tol = WEIGHT_KEYS.has(key) ? 1e-5 : 1e-4 * Math.max(1, Math.abs(want));
    note(key, diff / Math.max(1, Math.abs(want)));
    expect(diff, `${label} ${key}: gpu ${got} cpu ${want}`).toBeLessThanOrEqual(tol);
  }
  const F = cpu.perLatent.featureDensity.length;
  const fg = gpu.perLatent.firedTokens!, fc = cpu.perLatent.firedTokens!;
  const sg = gpu.perLatent.firedSequences!, sc = cpu.perLatent.firedSequences!;
  let flips = 0;
  for (let i = 0; i < F; i++) {
    expect(Math.abs(fg[i]! - fc[i]!), `${label} fired[${i}]`).toBeLessThanOrEqual(Math.max(2, 1e-3 * fc[i]!));
    expect(Math.abs(sg[i]! - sc[i]!), `${label} firedSeq[${i}]`).toBeLessThanOrEqual(Math.max(2, 1e-3 * sc[i]!));
    flips += Math.abs(fg[i]! - fc[i]!);
    note('fired count', Math.abs(fg[i]! - fc[i]!));
  }
  note('activity decision flip fraction', flips / (cpu.tokens * F));
  expect(flips / (cpu.tokens * F)).toBeLessThanOrEqual(1e-4 + 2 / (cpu.tokens * F));
  for (const key of ['encoderNorm', 'encoderDecoderCosineSim', 'maxDecoderCosineSim', 'maxEncoderCosineSim'] as const) {
    const a = gpu.perLatent[key], b = cpu.perLatent[key];
    if (!a || !b) { expect(a).toEqual(b); continue; }
    for (let i = 0; i < F; i++) {
      if (Number.isNaN(b[i]!)) { expect(a[i]).toBeNaN(); continue; }
      note(`perLatent.${key}`, Math.abs(a[i]! - b[i]!));
      expect(Math.abs(a[i]! - b[i]!), `${label} ${key}[${i}]`).toBeLessThanOrEqual(1e-5);
    }
  }
}

