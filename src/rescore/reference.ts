// Plain, readable f64 reference the engines are checked against: straightforward loops, no tiling, metrics computed
// from materialised per-token values with SAEBench 0.6.0's core formulas written out (per-token means over every
// unmasked token; per-batch ratios averaged over batches; docs/rescoring-spec.md, "Per-token reconstruction, shrinkage
// and sparsity metrics"). Small inputs only (tests, verification).
import type { ActivationBundle, CanonicalSae } from './types.ts';

export function encodeReference(sae: CanonicalSae, x: ArrayLike<number>): { f: Float64Array; xhat: Float64Array } {
  const d = sae.dIn, F = sae.dSae;
  const xin = new Float64Array(d);
  let shift = 0, scale = 1;
  const norm = sae.normalization;
  if (norm.kind === 'none') for (let j = 0; j < d; j++) xin[j] = x[j]!;
  if (norm.kind === 'expected_average_only_in') { for (let j = 0; j < d; j++) xin[j] = x[j]! * norm.scale; scale = 1 / norm.scale; }
  if (norm.kind === 'constant_norm_rescale') {
    const len = Math.hypot(...Array.from({ length: d }, (_, j) => x[j]!));
    const c = Math.sqrt(d) / len;
    for (let j = 0; j < d; j++) xin[j] = x[j]! * c;
    scale = 1 / c;
  }
  if (norm.kind === 'layer_norm') {
    const xs = Array.from({ length: d }, (_, j) => x[j]!);
    const mu = xs.reduce((a, b) => a + b, 0) / d;
    const sigma = Math.sqrt(xs.reduce((a, b) => a + (b - mu) ** 2, 0) / (d - 1));
    for (let j = 0; j < d; j++) xin[j] = (xs[j]! - mu) / (sigma + 1e-5);
    shift = mu; scale = sigma;
  }
  const z = new Float64Array(F);
  for (let i = 0; i < F; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (xin[j]! - (sae.applyBDecToInput ? sae.bDec[j]! : 0)) * sae.wEnc[j * F + i]!;
    z[i] = s;
  }
  const f = new Float64Array(F);
  const relu = (v: number) => Math.max(0, v);
  for (let i = 0; i < F; i++) {
    const h = z[i]! + (sae.bEnc?.[i] ?? 0);
    switch (sae.architecture) {
      case 'standard': case 'p_anneal': f[i] = relu(h); break;
      case 'jumprelu': f[i] = h > (sae.threshold as Float32Array)[i]! ? relu(h) : 0; break;
      case 'batch_topk': case 'matryoshka_batch_topk': f[i] = relu(h) > (sae.threshold as number) ? relu(h) : 0; break;
      case 'gated': f[i] = z[i]! + sae.bGate![i]! > 0 ? relu(Math.exp(sae.rMag![i]!) * z[i]! + sae.bMag![i]!) : 0; break;
      case 'topk': f[i] = h; break;
    }
  }
  if (sae.architecture === 'topk') {
    const order = Array.from({ length: F }, (_, i) => i).sort((p, q) => f[q]! - f[p]! || p - q);
    const keep = new Set(order.slice(0, sae.k));
    for (let i = 0; i < F; i++) f[i] = keep.has(i) ? relu(f[i]!) : 0;
  }
  const xhat = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = sae.bDec[j]!;
    for (let i = 0; i < F; i++) s += f[i]! * sae.wDec[i * d + j]!;
    xhat[j] = s * scale + shift;
  }
  return { f, xhat };
}

export interface TokenRecord { batch: number; seq: number; x: number[]; xhat: number[]; f?: ArrayLike<number> }

/** SAEBench's core reconstruction metrics from per-token records, written as plainly as possible. */
export function referenceReconstructionMetrics(tokens: TokenRecord[]): Record<string, number> {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const dot = (a: number[], b: number[]) => a.reduce((s, v, j) => s + v * b[j]!, 0);
  const norm = (a: number[]) => Math.sqrt(dot(a, a));
  const d = tokens[0]!.x.length;
  const batches = [...new Set(tokens.map((t) => t.batch))].sort((a, b) => a - b);
  const sse = (t: TokenRecord) => t.x.reduce((s, v, j) => s + (v - t.xhat[j]!) ** 2, 0);
  const byBatch = batches.map((b) => tokens.filter((t) => t.batch === b));
  const mu = byBatch.map((ts) => Array.from({ length: d }, (_, j) => mean(ts.map((t) => t.x[j]!))));
  const legacy: number[] = [];
  const mseCompat: number[] = [];
  byBatch.forEach((ts, bi) => {
    for (const t of ts) {
      const dev = t.x.map((v, j) => v - mu[bi]![j]!);
      legacy.push(1 - sse(t) / dot(dev, dev));
      mseCompat.push(sse(t) / ts.length);
    }
  });
  const S = byBatch.map((ts) => mean(ts.map((t) => dot(t.x, t.x))));
  const R = byBatch.map((ts) => mean(ts.map(sse)));
  const sBar = mean(S), rBar = mean(R);
  const m = mean(S.map((s) => s / d));
  const muBar = Array.from({ length: d }, (_, j) => mean(mu.map((v) => v[j]!)));
  const all = Array.from({ length: d }, (_, j) => mean(tokens.map((t) => t.x[j]!)));
  return {
    mse: mean(mseCompat),
    mse_corrected: mean(tokens.map(sse)),
    explained_variance_legacy: mean(legacy),
    explained_variance: 1 - rBar / (sBar - m * m),
    explained_variance_corrected: 1 - rBar / (sBar - dot(muBar, muBar)),
    explained_variance_synth: 1 - mean(tokens.map(sse)) / (mean(tokens.map((t) => dot(t.x, t.x))) - dot(all, all)),
    cossim: mean(tokens.map((t) => dot(t.x, t.xhat) / (norm(t.x) * norm(t.xhat)))),
    l2_norm_in: mean(tokens.map((t) => norm(t.x))),
    l2_norm_out: mean(tokens.map((t) => norm(t.xhat))),
    l2_ratio: mean(tokens.map((t) => norm(t.xhat) / (norm(t.x) < 1e-4 ? 1 : norm(t.x)))),
    relative_reconstruction_bias: mean(byBatch.map((ts) => mean(ts.map((t) => dot(t.xhat, t.xhat))) / mean(ts.map((t) => dot(t.x, t.xhat))))),
  };
}

/** Full reference re-score of a (small) bundle: reconstruction metrics, l0/l1, density and CAH. */
export function rescoreReference(sae: CanonicalSae, b: ActivationBundle): { metrics: Record<string, number>; density: number[]; cah: number[] } {
  const recs: TokenRecord[] = [];
  const F = sae.dSae;
  const fired = new Array<number>(F).fill(0);
  const seqsFired = Array.from({ length: F }, () => new Set<number>());
  let l0 = 0, l1 = 0;
  for (let s = 0; s < b.nSeq; s++) {
    for (let p = 0; p < b.ctx; p++) {
      const t = s * b.ctx + p;
      if (!b.tokenMask[t]) continue;
      const x = Array.from(b.activations.subarray(t * b.dIn, (t + 1) * b.dIn));
      const { f, xhat } = encodeReference(sae, x);
      for (let i = 0; i < F; i++) {
        if (f[i] !== 0) { l0++; l1 += f[i]!; }
        if (f[i]! > 0) { fired[i]!++; seqsFired[i]!.add(s); }
      }
      recs.push({ batch: Math.floor(s / b.batchSizePrompts), seq: s, x, xhat: Array.from(xhat) });
    }
  }
  const N = recs.length;
  const metrics = { ...referenceReconstructionMetrics(recs), l0: l0 / N, l1: l1 / N };
  return {
    metrics,
    density: fired.map((c) => c / N),
    cah: fired.map((c, i) => (seqsFired[i]!.size > 0 ? c / seqsFired[i]!.size : -1)),
  };
}
