// f64 CPU aggregation of the per-token records read back from the GPU, exactly per RESCORING §1.2 and mirroring
// src/rescore/metrics.ts ReconstructionAccumulator.finish() (same keys, same batch structure from batchStats()).
// x-only terms (||x||², ||x - μ_b||²) are computed here in f64 from the raw activations (the batch means μ_b need a
// full pass over the batch first anyway); x̂-dependent terms (||x̂||², x·x̂, SSE, L0, L1) come from the GPU records.
import type { BatchStats } from '../rescore/metrics.ts';

export class TokenScalarAccumulator {
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

  constructor(private readonly d: number, private readonly stats: BatchStats) {
    const B = stats.nBatches;
    this.bSse = new Float64Array(B);
    this.bX2 = new Float64Array(B);
    this.bXh2 = new Float64Array(B);
    this.bDot = new Float64Array(B);
  }

  /** ||x||² and ||x - μ_b||² of raw token x[xOff .. xOff + d) in f64. */
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

  add(batch: number, x2: number, dev2: number, xh2: number, dot: number, sse: number, l0: number, l1: number): void {
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

  finish(): Record<string, number> {
    const N = this.n, d = this.d;
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
