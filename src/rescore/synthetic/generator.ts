// The project's synthetic data generator (a small version of SynthSAEBench; docs/rescoring-spec.md, "Project
// generator"): G unit features in R^d, Zipf firing probabilities, folded-normal magnitudes, x = Σ_i a_i g_i + b.
// Seeded by `seed` through Rng (prng.ts); the draw order is documented per function.
import { Rng } from './prng.ts';

export interface SynthConfig {
  d: number;
  G: number;
  seed: number;
  /** Zipf exponent: p_r ∝ r^-alpha, then mapped linearly onto [pMin, pMax]. */
  zipfAlpha: number;
  pMax: number;
  pMin: number;
  /** Mean magnitude, linear from magHi (most frequent) to magLo (rarest). */
  magHi: number;
  magLo: number;
  biasNorm: number;
  /** Gradient steps on Σ_{i≠j}(g_i·g_j)² with renormalisation (0 = plain random directions). */
  orthoSteps: number;
}

export const TINY_PRESET: SynthConfig = {
  d: 32, G: 48, seed: 42, zipfAlpha: 0.5, pMax: 0.25, pMin: 0.02, magHi: 5, magLo: 4, biasNorm: 0.5, orthoSteps: 100,
};

export interface SynthModel {
  cfg: SynthConfig;
  /** [G, d], unit rows. */
  features: Float32Array;
  probs: Float64Array;
  mu: Float64Array;
  sigma: Float64Array;
  bias: Float32Array;
}

function normalizeRows(m: Float64Array, rows: number, d: number): void {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += m[i * d + j]! ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) m[i * d + j]! *= inv;
  }
}

/** Draw order from Rng(seed): G·d normals (features), G normals (σ_i = |0.5 + 0.5·n|), d normals (bias direction). */
export function makeSynthModel(cfg: SynthConfig): SynthModel {
  const { d, G } = cfg;
  const rng = new Rng(cfg.seed);
  const g = Float64Array.from({ length: G * d }, () => rng.normal());
  normalizeRows(g, G, d);
  const grad = new Float64Array(G * d);
  for (let step = 0; step < cfg.orthoSteps; step++) {
    grad.fill(0);
    for (let i = 0; i < G; i++) {
      for (let k = i + 1; k < G; k++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += g[i * d + j]! * g[k * d + j]!;
        for (let j = 0; j < d; j++) {
          grad[i * d + j]! += dot * g[k * d + j]!;
          grad[k * d + j]! += dot * g[i * d + j]!;
        }
      }
    }
    for (let t = 0; t < g.length; t++) g[t]! -= 0.05 * grad[t]!;
    normalizeRows(g, G, d);
  }
  const raw = Float64Array.from({ length: G }, (_, r) => (r + 1) ** -cfg.zipfAlpha);
  const rMax = raw[0]!, rMin = raw[G - 1]!;
  const probs = raw.map((v) => (G === 1 ? cfg.pMax : cfg.pMin + ((v - rMin) / (rMax - rMin)) * (cfg.pMax - cfg.pMin)));
  const mu = Float64Array.from({ length: G }, (_, i) => cfg.magHi + ((cfg.magLo - cfg.magHi) * i) / Math.max(1, G - 1));
  const sigma = Float64Array.from({ length: G }, () => Math.abs(0.5 + 0.5 * rng.normal()));
  const b = Float64Array.from({ length: d }, () => rng.normal());
  const bn = Math.hypot(...b);
  return {
    cfg, features: Float32Array.from(g), probs, mu, sigma,
    bias: Float32Array.from(b, (v) => (v / bn) * cfg.biasNorm),
  };
}

export interface SynthSample {
  n: number;
  /** [n, d] */
  x: Float32Array;
  /** CSR true codes: token t has indices[indptr[t]..indptr[t+1]) with values. */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Per token, per feature i in order: one uniform (fires if u < p_i); if it fires, one normal ε, a_i = ReLU(μ_i + σ_i ε). */
export function sampleSynth(model: SynthModel, n: number, rng: Rng): SynthSample {
  const { d, G } = model.cfg;
  const x = new Float32Array(n * d);
  const indptr = new Int32Array(n + 1);
  const idx: number[] = [];
  const val: number[] = [];
  const row = new Float64Array(d);
  for (let t = 0; t < n; t++) {
    row.set(model.bias);
    for (let i = 0; i < G; i++) {
      if (rng.uniform() >= model.probs[i]!) continue;
      const a = Math.max(0, model.mu[i]! + model.sigma[i]! * rng.normal());
      if (a === 0) continue;
      idx.push(i);
      val.push(a);
      for (let j = 0; j < d; j++) row[j]! += a * model.features[i * d + j]!;
    }
    x.set(row, t * d);
    indptr[t + 1] = idx.length;
  }
  return { n, x, indptr, indices: Int32Array.from(idx), values: Float32Array.from(val) };
}
