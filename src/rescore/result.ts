// The result record every engine returns: per-latent density and CAH from the token pass, then SAEBench's NaN
// conventions once the weight phase has run.
import { densityAggregates } from './latentMetrics.ts';
import type { ActivationBundle, RescoreOptions, RescoreResult } from './types.ts';

export function tokenPassResult(
  engine: RescoreResult['engine'], bundle: ActivationBundle, metrics: Record<string, number>,
  fired: Float64Array, firedSeq: Float64Array, tokens: number, notes: string[],
): RescoreResult {
  const F = fired.length;
  const density = new Float64Array(F);
  const cah = new Float64Array(F);
  for (let i = 0; i < F; i++) {
    density[i] = fired[i]! / tokens;
    cah[i] = firedSeq[i]! > 0 ? fired[i]! / firedSeq[i]! : -1;
  }
  Object.assign(metrics, densityAggregates(density));
  metrics.total_tokens_eval_sparsity_variance = bundle.nSeq * bundle.ctx;
  metrics.unmasked_tokens = tokens;
  return {
    engine,
    tokens,
    metrics,
    perLatent: {
      featureDensity: density,
      consistentActivationHeuristic: cah,
      encoderNorm: new Float64Array(F),
      encoderDecoderCosineSim: new Float64Array(F),
      firedTokens: fired,
      firedSequences: firedSeq,
    },
    notes,
  };
}

/** NaN metrics are written as -1, as SAEBench does; reports the final progress. */
export function finishResult(result: RescoreResult, opts: RescoreOptions): RescoreResult {
  for (const [k, v] of Object.entries(result.metrics)) {
    if (Number.isNaN(v)) {
      result.metrics[k] = -1;
      result.notes.push(`${k} is NaN (e.g. a zero vector), written as -1 as SAEBench does`);
    }
  }
  result.notes.push('consistent_activation_heuristic is -1 for latents that never fired (SAEBench NaN convention)');
  opts.onProgress?.({ tokensDone: result.tokens, tokensTotal: result.tokens, phase: 'done' });
  return result;
}
