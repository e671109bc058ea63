import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../src/rescore/bundle.ts';
import { rescoreCpu } from '../../src/rescore/cpuEngine.ts';
import { loadSaeFromFiles } from '../../src/rescore/loadSae.ts';
import { getTensorInfo, readFloat, readI32 } from '../../src/rescore/safetensors.ts';
import { makeSynthModel, sampleSynth, TINY_PRESET } from '../../src/rescore/synthetic/generator.ts';
import { encodeAll, groundTruthScores, mcc, trueActivity } from '../../src/rescore/synthetic/groundTruth.ts';
import { hungarian } from '../../src/rescore/synthetic/hungarian.ts';
import { oracleSae } from '../../src/rescore/synthetic/demo.ts';
import { Rng } from '../../src/rescore/synthetic/prng.ts';

describe('PRNG', () => {
  it('is deterministic and roughly standard normal', () => {
    const a = new Rng(42), b = new Rng(42);
    for (let i = 0; i < 5; i++) expect(a.next()).toBe(b.next());
    const r = new Rng(1);
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const m = xs.reduce((s, v) => s + v, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
    expect(new Set(new Rng(3).sample(100, 10)).size).toBe(10);
  });
});

describe('Hungarian matching', () => {
  it('finds the optimum of small problems (checked by brute force)', () => {
    const rng = new Rng(9);
    for (let trial = 0; trial < 20; trial++) {
      const rows = 1 + (trial % 4), cols = rows + (trial % 3);
      const cost = Float64Array.from({ length: rows * cols }, () => rng.uniform());
      const a = hungarian(cost, rows, cols);
      const total = Array.from(a).reduce((s, c, r) => s + cost[r * cols + c]!, 0);
      expect(new Set(a).size).toBe(rows);
      let best = Infinity;
      const perm = (r: number, used: Set<number>, acc: number): void => {
        if (r === rows) { best = Math.min(best, acc); return; }
        for (let c = 0; c < cols; c++) if (!used.has(c)) { used.add(c); perm(r + 1, used, acc + cost[r * cols + c]!); used.delete(c); }
      };
      perm(0, new Set(), 0);
      expect(total).toBeCloseTo(best, 12);
    }
  });

  it('MCC handles F > G and F < G', () => {
    // 3 latents, 2 features: identity-like similarity.
    const cos = Float64Array.from([0.9, 0.1, 0.2, 0.8, 0.5, 0.5]);
    expect(mcc(cos, 3, 2).mcc).toBeCloseTo((0.9 + 0.8) / 2, 12);
    const t = Float64Array.from([0.9, 0.2, 0.5, 0.1, 0.8, 0.5]);
    expect(mcc(t, 2, 3).mcc).toBeCloseTo((0.9 + 0.8) / 2, 12);
  });
});

describe('ground truth', () => {
  it('the oracle SAE scores MCC = 1 and uniqueness = 1; F1 ≈ 1 without superposition', () => {
    const model = makeSynthModel({ ...TINY_PRESET, d: 16, G: 12, orthoSteps: 300, seed: 5 });
    const s = sampleSynth(model, 600, new Rng(11));
    const sae = oracleSae(model, 1e-3);
    const gt = groundTruthScores(sae, model.features, 12, encodeAll(sae, s.x, s.n), trueActivity(s.indptr, s.indices, s.n, 12), s.n);
    expect(gt.mcc).toBeCloseTo(1, 6);
    expect(gt.uniqueness).toBe(1);
    expect(gt.meanF1).toBeGreaterThan(0.97);
  });

  it('duplicating m latents gives uniqueness (F − m)/F', () => {
    const model = makeSynthModel({ ...TINY_PRESET, d: 16, G: 12, orthoSteps: 0, seed: 6 });
    const sae = oracleSae(model);
    for (const i of [3, 7]) sae.wDec.copyWithin(i * 16, 0, 16);
    const gt = groundTruthScores(sae, model.features, 12, new Float32Array(12), new Uint8Array(12), 1);
    expect(gt.uniqueness).toBeCloseTo(10 / 12, 12);
  });
});

describe('demo SAEs in public/demo-saes', () => {
  const root = join(__dirname, '..', '..', 'public', 'demo-saes');
  const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as { synthetic: boolean; saes: { name: string; label: string; bundle: string }[] };

  it('index lists synthetic SAEs of every trained architecture, all files under 2 MB', () => {
    expect(index.synthetic).toBe(true);
    const names = index.saes.map((s) => s.name);
    for (const n of ['synthetic-relu', 'synthetic-topk', 'synthetic-batchtopk', 'synthetic-jumprelu', 'synthetic-gated']) expect(names).toContain(n);
    for (const s of index.saes) { expect(s.label).toBe('synthetic'); expect(s.name.startsWith('synthetic-')).toBe(true); }
    let total = 0;
    const walk = (p: string): void => { for (const f of readdirSync(p)) { const q = join(p, f); if (statSync(q).isDirectory()) walk(q); else total += statSync(q).size; } };
    walk(root);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });

  for (const entry of index.saes) {
    it(`${entry.name} loads and re-scores with plausible values matching its ground truth`, async () => {
      const dir = join(root, entry.name);
      const files = new Map<string, Uint8Array>();
      for (const f of readdirSync(dir)) if (statSync(join(dir, f)).isFile()) files.set(f, new Uint8Array(readFileSync(join(dir, f))));
      const sae = loadSaeFromFiles(files, { name: entry.name });
      const cfg = JSON.parse(new TextDecoder().decode(files.get('cfg.json'))) as { metadata: { synthetic: boolean } };
      expect(cfg.metadata.synthetic).toBe(true);
      const bundle = parseBundle(files.get(entry.bundle)!);
      expect(bundle.metadata.synthetic).toBe('true');
      const r = await rescoreCpu(sae, bundle);
      const gt = JSON.parse(new TextDecoder().decode(files.get('ground_truth.json'))) as Record<string, number>;
      expect(r.metrics.l0).toBeCloseTo(gt.l0!, 4);
      expect(r.metrics.l0).toBeGreaterThan(1);
      expect(r.metrics.l0).toBeLessThan(30);
      expect(r.metrics.explained_variance_legacy).toBeGreaterThan(0.5);
      expect(r.metrics.explained_variance_legacy).toBeLessThanOrEqual(1);
      expect(r.metrics.cossim).toBeGreaterThan(0.8);
      expect(r.metrics.l2_ratio).toBeGreaterThan(0.5);
      expect(gt.mcc).toBeGreaterThan(0.8);
      // True codes in the bundle are consistent with the activations: x = Σ a_i g_i + b.
      const feats = readFloat(bundle.file, getTensorInfo(bundle.file, 'true_features'));
      const indptr = readI32(bundle.file, getTensorInfo(bundle.file, 'true_codes_indptr'));
      const idx = readI32(bundle.file, getTensorInfo(bundle.file, 'true_codes_indices'));
      const val = readFloat(bundle.file, getTensorInfo(bundle.file, 'true_codes_values'));
      const d = bundle.dIn, t = 5;
      const model = makeSynthModel(TINY_PRESET);
      for (let j = 0; j < d; j++) {
        let s = model.bias[j]!;
        for (let p = indptr[t]!; p < indptr[t + 1]!; p++) s += val[p]! * feats[idx[p]! * d + j]!;
        expect(bundle.activations[t * d + j]).toBeCloseTo(s, 4);
      }
      if (entry.name === 'synthetic-batchtopk') {
        const dl = new Map<string, Uint8Array>();
        for (const f of readdirSync(join(dir, 'dictionary_learning'))) dl.set(f, new Uint8Array(readFileSync(join(dir, 'dictionary_learning', f))));
        const dsae = loadSaeFromFiles(dl);
        expect(dsae.architecture).toBe('batch_topk');
        const r2 = await rescoreCpu(dsae, bundle, { skipWeightMetrics: true });
        expect(r2.metrics.l0).toBeCloseTo(r.metrics.l0!, 3);
      }
    });
  }
});
