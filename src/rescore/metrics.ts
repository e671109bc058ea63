// Aggregation of the per-token reconstruction metrics exactly as SAEBench 0.6.0 (docs/rescoring-spec.md §1.2), in f64.
// Per-batch quantities need the batch mean μ_b first; batchStats() is a cheap pre-pass over the raw activations.
import type { ActivationBundle } from './types.ts';

export interface BatchStats {
  nBatches: number;
  /** Unmasked tokens per batch. */
  count: Float64Array;
  /** [nBatches, d] per-batch mean of raw x over unmasked tokens (0 for empty batches). */
  mean: Float64Array;
  /** Σ_t x_t over all unmasked tokens, [d]. */
  totalSum: Float64Array;
}

export function batchOfSeq(seq: number, batchSizePrompts: number): number {
  return Math.floor(seq / batchSizePrompts);
}

/** One token's f64 terms, written to out[o..o+5): ||x||², ||x − μ_b||², ||x̂||², x·x̂, SSE (x̂ in raw space). */
export function tokenTerms(
  x: ArrayLike<number>, xOff: number, xhat: ArrayLike<number>, hOff: number, mu: ArrayLike<number>, mo: number, d: number,
  out: Float64Array, o: number,
): void {
  let x2 = 0, xh2 = 0, dot = 0, sse = 0, dev2 = 0;
  for (let j = 0; j < d; j++) {
    const xv = x[xOff + j]!, hv = xhat[hOff + j]!, e = xv - hv, c = xv - mu[mo + j]!;
    x2 += xv * xv; xh2 += hv * hv; dot += xv * hv; sse += e * e; dev2 += c * c;
  }
  out[o] = x2; out[o + 1] = dev2; out[o + 2] = xh2; out[o + 3] = dot; out[o + 4] = sse;
}

export function batchStats(b: ActivationBundle): BatchStats {
  const d = b.dIn;
  const nBatches = Math.ceil(b.nSeq / b.batchSizePrompts);
  const count = new Float64Array(nBatches);
  const mean = new Float64Array(nBatches * d);
  const totalSum = new Float64Array(d);
  for (let s = 0; s < b.nSeq; s++) {
    const bi = batchOfSeq(s, b.batchSizePrompts);
    for (let p = 0; p < b.ctx; p++) {
      const t = s * b.ctx + p;
      if (!b.tokenMask[t]) continue;
      count[bi]!++;
      for (let j = 0; j < d; j++) mean[bi * d + j]! += b.activations[t * d + j]!;
    }
  }
  for (let bi = 0; bi < nBatches; bi++) {
    for (let j = 0; j < d; j++) totalSum[j]! += mean[bi * d + j]!;
    const c = count[bi]!;
    if (c > 0) for (let j = 0; j < d; j++) mean[bi * d + j]! /= c;
  }
  return { nBatches, count, mean, totalSum };
}

export class ReconstructionAccumulator {
  private readonly d: number;
  private readonly stats: BatchStats;
  private n = 0;
  private sumL0 = 0;
  private sumL1 = 0;
  private sumNormIn = 0;
  private sumNormOut = 0;
  private sumRatio = 0;
  private sumCos = 0;
  private sumSse = 0;
  private sumSseOverNb = 0;
  private sumLegacy = 0;
  private sumX2 = 0;
  private readonly bSse: Float64Array;
  private readonly bX2: Float64Array;
  private readonly bXh2: Float64Array;
  private readonly bDot: Float64Array;
  private readonly terms = new Float64Array(5);

  constructor(d: number, stats: BatchStats) {
    this.d = d;
    this.stats = stats;
    const B = stats.nBatches;
    this.bSse = new Float64Array(B);
    this.bX2 = new Float64Array(B);
    this.bXh2 = new Float64Array(B);
    this.bDot = new Float64Array(B);
  }

  /** x: raw input at x[xOff..xOff+d), xhat: raw-space reconstruction. */
  add(batch: number, x: ArrayLike<number>, xOff: number, xhat: ArrayLike<number>, l0: number, l1: number): void {
    const t = this.terms;
    tokenTerms(x, xOff, xhat, 0, this.stats.mean, batch * this.d, this.d, t, 0);
    this.addScalars(batch, t[0]!, t[1]!, t[2]!, t[3]!, t[4]!, l0, l1);
  }

  /** ||x||² and ||x - μ_b||² of raw token x[xOff .. xOff + d), in f64 (the GPU engine supplies the rest). */
  xTerms(batch: number, x: ArrayLike<number>, xOff: number): [number, number] {
    const mu = this.stats.mean, mo = batch * this.d;
    let x2 = 0, dev2 = 0;
    for (let j = 0; j < this.d; j++) {
      const v = x[xOff + j]!;
      const c = v - mu[mo + j]!;
      x2 += v * v; dev2 += c * c;
    }
    return [x2, dev2];
  }

  /** One token's scalars: ||x||², ||x - μ_b||², ||x̂||², x·x̂, SSE, L0, L1. */
  addScalars(batch: number, x2: number, dev2: number, xh2: number, dot: number, sse: number, l0: number, l1: number): void {
    const nIn = Math.sqrt(x2);
    const nOut = Math.sqrt(xh2);
    this.n++;
    this.sumL0 += l0;
    this.sumL1 += l1;
    this.sumNormIn += nIn;
    this.sumNormOut += nOut;
    this.sumRatio += nOut / (Math.abs(nIn) < 1e-4 ? 1 : nIn);
    this.sumCos += dot / (nIn * nOut);
    this.sumSse += sse;
    this.sumSseOverNb += sse / this.stats.count[batch]!;
    this.sumLegacy += 1 - sse / dev2;
    this.sumX2 += x2;
    this.bSse[batch]! += sse;
    this.bX2[batch]! += x2;
    this.bXh2[batch]! += xh2;
    this.bDot[batch]! += dot;
  }

  get tokens(): number {
    return this.n;
  }

  /** SAEBench key names; NaN stays NaN here (the engine maps it to −1). */
  finish(): Record<string, number> {
    const N = this.n;
    const d = this.d;
    const { nBatches, count, mean, totalSum } = this.stats;
    let B = 0, sBar = 0, rBar = 0, rrb = 0;
    const muBar = new Float64Array(d);
    for (let b = 0; b < nBatches; b++) {
      const nb = count[b]!;
      if (nb === 0) continue;
      B++;
      sBar += this.bX2[b]! / nb;
      rBar += this.bSse[b]! / nb;
      rrb += this.bXh2[b]! / nb / (this.bDot[b]! / nb);
      for (let j = 0; j < d; j++) muBar[j]! += mean[b * d + j]!;
    }
    sBar /= B; rBar /= B; rrb /= B;
    let muBar2 = 0;
    for (let j = 0; j < d; j++) muBar2 += (muBar[j]! / B) ** 2;
    const m = sBar / d;
    let tot2 = 0;
    for (let j = 0; j < d; j++) tot2 += (totalSum[j]! / N) ** 2;
    return {
      l0: this.sumL0 / N,
      l1: this.sumL1 / N,
      l2_norm_in: this.sumNormIn / N,
      l2_norm_out: this.sumNormOut / N,
      l2_ratio: this.sumRatio / N,
      relative_reconstruction_bias: rrb,
      cossim: this.sumCos / N,
      mse: this.sumSseOverNb / N,
      mse_corrected: this.sumSse / N,
      explained_variance_legacy: this.sumLegacy / N,
      explained_variance: 1 - rBar / (sBar - m * m),
      explained_variance_corrected: 1 - rBar / (sBar - muBar2),
      explained_variance_synth: 1 - this.sumSse / N / (this.sumX2 / N - tot2),
    };
  }
}
