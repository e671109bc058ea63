import { describe, expect, it } from 'vitest';
import { MAPPING_TOLERANCE, longTableOnly } from '../../scripts/data/buildDataset.ts';
import { mapByL0Rank, MappingError, type RankedItem } from '../../scripts/data/mapByL0Rank.ts';
import { PRECEDENCE, pivotLongRows, type LongRow } from '../../scripts/data/pivot.ts';
import { shippedDataset, shippedRows } from '../helpers/duckdb.ts';

const sweep = { model: 'gemma-2-2b', layer: 12, architecture: 'batch_topk', dictSize: 4096 };
const item = (id: string, l0: number, ce: number | null, s = sweep): RankedItem => ({ id, sweep: s, l0, ceLossScore: ce });

describe('mapping published records onto the dataset by L0 rank', () => {
  const saes = [item('t0', 20, 0.97), item('t1', 40, 0.98), item('t2', 80, 0.99)];

  it('pairs records by the rank of their L0 in the sweep, not by their trainer numbers', () => {
    // The source numbers these trainers 6..8 and lists them out of order.
    const records = [item('trainer_8', 84, 0.991), item('trainer_6', 21, 0.972), item('trainer_7', 41, 0.981)];
    expect(mapByL0Rank(records, saes, MAPPING_TOLERANCE).map((m) => [m.recordId, m.saeId])).toEqual([['trainer_6', 't0'], ['trainer_7', 't1'], ['trainer_8', 't2']]);
  });

  it('fails on a record it cannot place, or a pair outside the tolerance', () => {
    expect(() => mapByL0Rank([item('x', 20, 0.97, { ...sweep, dictSize: 1 })], saes, MAPPING_TOLERANCE)).toThrow(MappingError);
    expect(() => mapByL0Rank([item('a', 20, 0.97), item('b', 40, 0.98)], saes, MAPPING_TOLERANCE)).toThrow(/2 records but 3 SAEs/);
    const offL0 = [item('a', 20, 0.97), item('b', 47, 0.98), item('c', 80, 0.99)];
    expect(() => mapByL0Rank(offL0, saes, MAPPING_TOLERANCE)).toThrow(/b -> t1: L0 47 vs 40 \(17.5 %\)/);
    const offCe = [item('a', 20, 0.95), item('b', 40, 0.98), item('c', 80, 0.99)];
    expect(() => mapByL0Rank(offCe, saes, MAPPING_TOLERANCE)).toThrow(/a -> t0/);
  });
});

const row = (sae: string, metric: string, value: number, provenance: string): LongRow => ({
  sae_id: sae, release: null, model: null, layer: null, architecture: null, dict_size: null, trainer: null,
  eval_type: 'core', metric_category: metric === 'l0' ? 'sparsity' : 'reconstruction_quality', metric, value, provenance,
  source_repo: '', source_ref: '', source_path: '', local_path: '', note: null,
});

describe('pivot of the long values into the wide table', () => {
  it('takes the most authoritative value per cell and keeps its provenance per value', () => {
    const p = pivotLongRows([row('a', 'l0', 21.1057, 'published_0125_rounded'), row('a', 'l0', 21.1057321, 'published_0125_np'), row('a', 'explained_variance', 0.668, 'published_0125_rounded')], ['a']).columns;
    expect(p.get('l0')).toEqual([21.1057321]);
    expect(p.get('l0_prov')).toEqual(['published_0125_np']);
    expect(p.get('explained_variance_prov')).toEqual(['published_0125_rounded']);
    expect(p.get('core_provenance')).toEqual(['published_0125_np;published_0125_rounded']);
  });

  it('never lets a rounded published value replace a full-precision one, even a reproduction', () => {
    expect(PRECEDENCE.indexOf('published_0125_rounded')).toBeGreaterThan(PRECEDENCE.indexOf('reproduction'));
    const p = pivotLongRows([row('a', 'l0', 19.5486, 'published_0125_rounded'), row('a', 'l0', 19.55123, 'reproduction')], ['a']).columns;
    expect(p.get('l0')).toEqual([19.55123]);
  });

  it('refuses two different values of the winning provenance', () => {
    expect(() => pivotLongRows([row('a', 'l0', 1, 'reproduction'), row('a', 'l0', 2, 'reproduction')], ['a'])).toThrow(/two reproduction values/);
    expect(pivotLongRows([row('a', 'l0', 1, 'reproduction'), row('a', 'l0', 2, 'reproduction'), row('a', 'l0', 3, 'published_0125')], ['a']).columns.get('l0')).toEqual([3]);
  });

  it('keeps the absorption re-run under the changed definition out of the wide table', () => {
    expect(longTableOnly({ eval_type: 'absorption_first_letter', source_path: 'results/processed/absorption/pythia-160m_4k_v0.6.0.json' })).toBe(true);
    expect(longTableOnly({ eval_type: 'absorption_first_letter', source_path: 'results/processed/absorption/pythia-160m_4k_v0.3.2.json' })).toBe(false);
  });
});

describe('the shipped dataset', () => {
  const d = shippedDataset();
  const rows = shippedRows();

  it('has all eight evals for every one of the 126 Gemma-2-2B 0125 SAEs, with provenance per value', () => {
    const gemma = rows.filter((r) => r.release === 'sae_bench_0125' && r.model === 'gemma-2-2b');
    expect(gemma).toHaveLength(126);
    for (const m of ['ce_loss_score', 'l0', 'absorption_fraction', 'autointerp_score', 'scr_top20', 'tpp_top20', 'sparse_probing_sae_top1', 'unlearning_score', 'ravel_disentanglement', 'l2_ratio', 'absorption_num_split', 'sparse_probing_sae_top2']) {
      expect(gemma.filter((r) => r[m] !== null).length, m).toBe(126);
      expect(gemma.every((r) => String(r[`${m}_prov`]).startsWith('published_0125')), m).toBe(true);
    }
  });

  it('maps both new sources within the stated tolerance, and they agree with the published values they overlap', () => {
    expect(d.sources.map((s) => [s.provenance, s.records])).toEqual([['published_0125_np', 126], ['published_0125_rounded', 12]]);
    for (const s of d.sources) {
      expect(s.maxDCeLossScore).toBeLessThanOrEqual(MAPPING_TOLERANCE.ceLossScore);
      expect(s.maxL0Relative).toBeLessThanOrEqual(MAPPING_TOLERANCE.l0Relative);
    }
    // I equals source B's published RAVEL and unlearning values (168 of them) to rounding; J is I at 4 decimals.
    expect(d.overlaps[0]).toMatchObject({ a: 'published_0125_np', b: 'published_0125', values: 168 });
    expect(d.overlaps[0]!.maxDiff).toBeLessThan(1e-15);
    expect(d.overlaps[1]).toMatchObject({ a: 'published_0125_rounded', b: 'published_0125_np', values: 48 });
    expect(d.overlaps[1]!.maxDiff).toBeLessThanOrEqual(5e-5 + 1e-12);
  });

  it('fills Pythia-160M 65k BatchTopK from the rounded source only where no full-precision value exists', () => {
    const pythia = rows.filter((r) => r.model === 'pythia-160m-deduped' && r.dict_size === 65536 && r.architecture === 'batch_topk');
    expect(pythia).toHaveLength(6);
    for (const r of pythia) {
      expect(r.l0_prov).toBe('reproduction');
      expect(r.explained_variance_prov).toBe('published_0125_rounded');
      expect(r.sparse_probing_sae_top1_prov).toBe('published_0125_rounded');
      expect(r.kl_div_score).toBeNull(); // -1 in the source: "not computed"
    }
  });
});
