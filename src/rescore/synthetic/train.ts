// Tiny deterministic SAE trainer (Adam, manual gradients, f64) for the synthetic demo SAEs (docs/rescoring-spec.md
// §5.4 item 3). Decoder rows are renormalised to unit norm after every step. b_dec gets gradient from the decoder
// path only. ReLU: MSE + λ·Σf. TopK: per-token top-k. BatchTopK: top k·B over the batch, threshold EMA of the
// smallest kept value. JumpReLU: MSE + λ·L0 with rectangle-kernel straight-through gradients for log θ. Gated: MSE +
// λ·Σ ReLU(π_gate) + auxiliary reconstruction from ReLU(π_gate) through a detached decoder.
import type { CanonicalSae } from '../types.ts';
import { Rng } from './prng.ts';

export type TrainArch = 'standard' | 'topk' | 'batch_topk' | 'jumprelu' | 'gated';

export interface TrainConfig {
  arch: TrainArch;
  dSae: number;
  steps: number;
  batch: number;
  lr: number;
  seed: number;
  k?: number;
  l1?: number;
  l0?: number;
  bandwidth?: number;
}

class Adam {
  private m: Float64Array;
  private v: Float64Array;
  private t = 0;
  constructor(readonly p: Float64Array, private readonly lr: number) {
    this.m = new Float64Array(p.length);
    this.v = new Float64Array(p.length);
  }
  step(g: Float64Array): void {
    this.t++;
    const b1 = 0.9, b2 = 0.999, c1 = 1 - b1 ** this.t, c2 = 1 - b2 ** this.t;
    for (let i = 0; i < g.length; i++) {
      const gi = g[i]!;
      this.m[i] = b1 * this.m[i]! + (1 - b1) * gi;
      this.v[i] = b2 * this.v[i]! + (1 - b2) * gi * gi;
      this.p[i]! -= (this.lr * (this.m[i]! / c1)) / (Math.sqrt(this.v[i]! / c2) + 1e-8);
    }
  }
}

function unitRows(w: Float64Array, rows: number, d: number): void {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += w[i * d + j]! ** 2;
    const inv = 1 / Math.max(Math.sqrt(s), 1e-12);
    for (let j = 0; j < d; j++) w[i * d + j]! *= inv;
  }
}

/** `sample(n)` returns n fresh inputs [n, d]. */
export function trainSae(d: number, cfg: TrainConfig, sample: (n: number) => Float32Array): CanonicalSae {
  const F = cfg.dSae, B = cfg.batch;
  const rng = new Rng(cfg.seed);
  const wDec = Float64Array.from({ length: F * d }, () => rng.normal());
  unitRows(wDec, F, d);
  const wEnc = new Float64Array(d * F);
  for (let i = 0; i < F; i++) for (let j = 0; j < d; j++) wEnc[j * F + i] = wDec[i * d + j]!;
  const bEnc = new Float64Array(F);
  const bDec = new Float64Array(d);
  const init = sample(256);
  for (let t = 0; t < 256; t++) for (let j = 0; j < d; j++) bDec[j]! += init[t * d + j]! / 256;
  const bGate = new Float64Array(F), rMag = new Float64Array(F), bMag = new Float64Array(F);
  const logTh = new Float64Array(F).fill(Math.log(1));
  let batchTh = 0;
  const params: Float64Array[] = [wEnc, bEnc, wDec, bDec, bGate, rMag, bMag, logTh];
  const grads = params.map((p) => new Float64Array(p.length));
  const opts = params.map((p) => new Adam(p, cfg.lr));
  const [gWEnc, gBEnc, gWDec, gBDec, gBGate, gRMag, gBMag, gLogTh] = grads as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const xc = new Float64Array(B * d), z = new Float64Array(B * F), f = new Float64Array(B * F);
  const dz = new Float64Array(B * F), df = new Float64Array(B * F), dxh = new Float64Array(B * d), auxR = new Float64Array(B * d);
  const k = cfg.k ?? 4, lam1 = cfg.l1 ?? 0.05, lam0 = cfg.l0 ?? 0.5, eps = cfg.bandwidth ?? 0.5;
  for (let step = 0; step < cfg.steps; step++) {
    const x = sample(B);
    for (const g of grads) g.fill(0);
    for (let t = 0; t < B; t++) for (let j = 0; j < d; j++) xc[t * d + j] = x[t * d + j]! - bDec[j]!;
    for (let t = 0; t < B; t++) {
      for (let i = 0; i < F; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += xc[t * d + j]! * wEnc[j * F + i]!;
        z[t * F + i] = s;
      }
    }
    // Codes f and, for the gated aux loss, gate pre-activations.
    if (cfg.arch === 'gated') {
      for (let q = 0; q < B * F; q++) {
        const i = q % F;
        const mag = Math.exp(rMag[i]!) * z[q]! + bMag[i]!;
        f[q] = z[q]! + bGate[i]! > 0 && mag > 0 ? mag : 0;
      }
    } else if (cfg.arch === 'jumprelu') {
      for (let q = 0; q < B * F; q++) { const h = z[q]! + bEnc[q % F]!; f[q] = h > Math.exp(logTh[q % F]!) ? h : 0; }
    } else {
      for (let q = 0; q < B * F; q++) f[q] = Math.max(0, z[q]! + bEnc[q % F]!);
      if (cfg.arch === 'topk') {
        for (let t = 0; t < B; t++) {
          const row = f.subarray(t * F, t * F + F);
          const kth = [...row].sort((a, b) => b - a)[k - 1] ?? 0;
          let kept = 0;
          for (let i = 0; i < F; i++) { if (row[i]! >= kth && row[i]! > 0 && kept < k) kept++; else row[i] = 0; }
        }
      } else if (cfg.arch === 'batch_topk') {
        const kth = [...f].sort((a, b) => b - a)[k * B - 1] ?? 0;
        let minKept = Infinity;
        for (let q = 0; q < B * F; q++) { if (f[q]! < kth || f[q]! <= 0) f[q] = 0; else minKept = Math.min(minKept, f[q]!); }
        if (Number.isFinite(minKept)) batchTh = step === 0 ? minKept : 0.99 * batchTh + 0.01 * minKept;
      }
    }
    // Decoder and reconstruction gradient: L = (1/B) Σ ‖x̂ − x‖².
    for (let t = 0; t < B; t++) {
      for (let j = 0; j < d; j++) {
        let s = bDec[j]!;
        for (let i = 0; i < F; i++) { const fv = f[t * F + i]!; if (fv !== 0) s += fv * wDec[i * d + j]!; }
        dxh[t * d + j] = (2 * (s - x[t * d + j]!)) / B;
      }
    }
    for (let t = 0; t < B; t++) {
      for (let i = 0; i < F; i++) {
        const fv = f[t * F + i]!;
        let s = 0;
        for (let j = 0; j < d; j++) {
          const g = dxh[t * d + j]!;
          s += g * wDec[i * d + j]!;
          if (fv !== 0) gWDec[i * d + j]! += fv * g;
        }
        df[t * F + i] = s;
      }
      for (let j = 0; j < d; j++) gBDec[j]! += dxh[t * d + j]!;
    }
    if (cfg.arch === 'gated') {
      // aux: ‖ReLU(π_gate)·W_dec(detached) + b_dec − x‖²/B, residual gradient per (token, dim).
      for (let t = 0; t < B; t++) {
        for (let j = 0; j < d; j++) {
          let s = bDec[j]! - x[t * d + j]!;
          for (let i = 0; i < F; i++) s += Math.max(0, z[t * F + i]! + bGate[i]!) * wDec[i * d + j]!;
          auxR[t * d + j] = (2 * s) / B;
        }
      }
    }
    // Code gradient -> pre-activation gradient dz (per architecture).
    for (let q = 0; q < B * F; q++) {
      const i = q % F;
      const fv = f[q]!;
      if (cfg.arch === 'gated') {
        const e = Math.exp(rMag[i]!);
        const gateOpen = z[q]! + bGate[i]! > 0;
        const dmag = fv > 0 ? df[q]! : 0;
        gRMag[i]! += dmag * e * z[q]!;
        gBMag[i]! += dmag;
        let dg = gateOpen ? lam1 / B : 0;
        if (gateOpen) {
          const t = (q - i) / F;
          let s = 0;
          for (let j = 0; j < d; j++) s += wDec[i * d + j]! * auxR[t * d + j]!;
          dg += s;
        }
        gBGate[i]! += dg;
        dz[q] = dmag * e + dg;
      } else if (cfg.arch === 'jumprelu') {
        const h = z[q]! + bEnc[i]!;
        const th = Math.exp(logTh[i]!);
        const kern = Math.abs((h - th) / eps) < 0.5 ? 1 / eps : 0;
        gLogTh[i]! += (df[q]! * -th * kern + (lam0 / B) * -kern) * th;
        dz[q] = fv > 0 ? df[q]! : 0;
        gBEnc[i]! += dz[q]!;
      } else {
        dz[q] = fv > 0 ? df[q]! + (cfg.arch === 'standard' ? lam1 / B : 0) : 0;
        gBEnc[i]! += dz[q]!;
      }
    }
    for (let t = 0; t < B; t++) {
      for (let i = 0; i < F; i++) {
        const g = dz[t * F + i]!;
        if (g === 0) continue;
        for (let j = 0; j < d; j++) gWEnc[j * F + i]! += xc[t * d + j]! * g;
      }
    }
    opts.forEach((o, p) => o.step(grads[p]!));
    unitRows(wDec, F, d);
  }
  const f32 = (a: Float64Array) => Float32Array.from(a);
  const sae: CanonicalSae = {
    architecture: cfg.arch,
    dIn: d,
    dSae: F,
    wEnc: f32(wEnc),
    wDec: f32(wDec),
    bDec: f32(bDec),
    applyBDecToInput: true,
    normalization: { kind: 'none' },
    description: { format: 'synthetic', name: `synthetic-${cfg.arch}`, notes: [`trained ${cfg.steps} Adam steps, batch ${B}, seed ${cfg.seed}`] },
  };
  if (cfg.arch === 'gated') { sae.bGate = f32(bGate); sae.rMag = f32(rMag); sae.bMag = f32(bMag); } else sae.bEnc = f32(bEnc);
  if (cfg.arch === 'topk') sae.k = k;
  if (cfg.arch === 'jumprelu') sae.threshold = Float32Array.from(logTh, Math.exp);
  if (cfg.arch === 'batch_topk') { sae.threshold = batchTh; sae.k = k; }
  return sae;
}
