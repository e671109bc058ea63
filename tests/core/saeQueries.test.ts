import { beforeAll, describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../src/catalog/columns.ts';
import { domainValues, type Domains } from '../../src/data/datasetInfo.ts';
import { num, str } from '../../src/data/frame.ts';
import {
  allDomainsQuery, allFacetCountsQuery, baselineRowsQuery, countsQuery, coverageQuery, facetCountsQuery, metricTotalsByModelQuery, rowsQuery, saeIdsQuery, saeValuesQuery,
} from '../../src/query/saeQueries.ts';
import { activePreset, PRESETS } from '../../src/state/presets.ts';
import { decodeUrl } from '../../src/state/urlCodec.ts';
import { DEFAULT_STATE, EMPTY_FILTERS, type ViewState } from '../../src/state/viewState.ts';
import { VIEW_DEFS } from '../../src/views/registry.ts';
import { openTestDb, shippedRows, type TestDb } from '../helpers/duckdb.ts';

const all = shippedRows();
let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_STATE, ...EMPTY_FILTERS, ...patch });
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.sae_id)).sort();

describe('SQL builders on the real data in DuckDB-WASM', () => {
  it('filters by architecture and model exactly as the data says, with only the columns asked for', () => {
    const rows = db.rows(rowsQuery(view({ arch: ['topk', 'matryoshka_batch_topk'], model: ['gemma-2-2b'] }), ['sae_id', 'l0']));
    const expected = all.filter((r) => ['topk', 'matryoshka_batch_topk'].includes(String(r.architecture)) && r.model === 'gemma-2-2b');
    expect(ids(rows)).toEqual(ids(expected));
    expect(rows.length).toBeGreaterThan(30);
    expect(Object.keys(rows[0]!).sort()).toEqual(['l0', 'l0_prov', 'sae_id']);
  });

  it('applies width, layer, L0 range and "both X and Y"', () => {
    const s = view({ width: [4096], layer: [12], l0min: 40, l0max: 200, both: true, y: 'ravel_disentanglement' });
    const expected = all.filter((r) => r.dict_size === 4096 && r.layer === 12 && typeof r.l0 === 'number' && r.l0 >= 40 && r.l0 <= 200 && r.ravel_disentanglement !== null);
    expect(ids(db.rows(rowsQuery(s, ['sae_id'], { axes: [s.x, s.y] })))).toEqual(ids(expected));
  });

  it('hides values whose provenance is filtered out, per value, and keeps rows with any allowed provenance', () => {
    const rows = db.rows(rowsQuery(view({ prov: ['published_0125_rounded'] }), ['sae_id', 'l0', 'frac_alive', 'explained_variance']));
    const expected = all.filter((r) => Object.entries(r).some(([k, v]) => k.endsWith('_prov') && v === 'published_0125_rounded'));
    expect(ids(rows)).toEqual(ids(expected));
    expect(rows.length).toBe(12);
    for (const r of rows) {
      const src = all.find((x) => x.sae_id === r.sae_id)!;
      // frac_alive comes only from the rounded source; L0 of these SAEs from a full-precision one.
      expect(r.frac_alive).toBe(src.frac_alive);
      expect(r.frac_alive_prov).toBe('published_0125_rounded');
      expect(r.l0).toBeNull();
    }
  });

  it('sorts by a column, better first, missing values last; a metric best at 1 by its distance to 1', () => {
    const up = db.rows(rowsQuery(view({}), ['sae_id', 'ce_loss_score'], { sort: { column: 'ce_loss_score', desc: true } })).map((r) => r.ce_loss_score as number | null);
    const present = up.filter((v) => v !== null) as number[];
    expect(present).toEqual([...present].sort((a, b) => b - a));
    expect(up.slice(present.length).every((v) => v === null)).toBe(true);
    const l2 = db.rows(rowsQuery(view({}), ['sae_id', 'l2_ratio'], { sort: { column: 'l2_ratio', desc: false } })).map((r) => r.l2_ratio).filter((v) => v !== null) as number[];
    expect(l2.map((v) => Math.abs(v - 1))).toEqual([...l2].map((v) => Math.abs(v - 1)).sort((a, b) => a - b));
  });

  it('counts facet options under the other filters only, every dimension in one query', () => {
    const s = view({ arch: ['topk'], model: ['gemma-2-2b'] });
    const archCounts = Object.fromEntries(db.rows(facetCountsQuery(s, [s.x, s.y], 'arch')).map((r) => [r.value, r.n]));
    const gemma = all.filter((r) => r.model === 'gemma-2-2b');
    expect(archCounts.jumprelu).toBe(gemma.filter((r) => r.architecture === 'jumprelu').length);
    expect(archCounts.topk).toBe(gemma.filter((r) => r.architecture === 'topk').length);
    const one = db.rows(allFacetCountsQuery(s, [s.x, s.y]));
    expect(one.filter((r) => r.dim === 'arch').map((r) => [r.value, r.n])).toEqual(Object.entries(archCounts));
    const provCounts = Object.fromEntries(db.rows(facetCountsQuery(EMPTY_FILTERS, ['l0', 'l0'], 'prov')).map((r) => [r.value, r.n]));
    expect(provCounts.published_0125_np).toBe(126);
    expect(provCounts.published_0125_rounded).toBe(12);
  });

  it('binds hostile values as parameters: they match nothing and break nothing', () => {
    expect(db.rows(rowsQuery(view({ model: ["gemma-2-2b' OR '1'='1", '"; DROP TABLE saes; --'] }), ['sae_id']))).toEqual([]);
    expect(db.rows(rowsQuery(view({}), ['sae_id'])).length).toBe(all.length);
    expect(db.rows(saeValuesQuery("x' OR 1=1 --"))).toEqual([]);
  });

  it('finds every value of one SAE with its source, published values of two sources agreeing', () => {
    const rows = db.rows(saeValuesQuery('saebench0125__gemma-2-2b__L12__4k__batch_topk__t0'));
    const ravel = rows.filter((r) => r.eval_type === 'ravel' && r.metric === 'disentanglement_score');
    expect(ravel.map((r) => r.provenance).sort()).toEqual(['published_0125', 'published_0125_np', 'reproduction']);
    const values = ravel.filter((r) => String(r.provenance).startsWith('published')).map((r) => r.value as number);
    expect(Math.abs(values[0]! - values[1]!)).toBeLessThan(1e-12);
  });

  it('finds the baselines of the models and layers of the filtered SAEs only', () => {
    const rows = db.rows(baselineRowsQuery(view({ model: ['gemma-2-2b'], width: [65536], arch: ['topk'] }), ['ce_loss_score']));
    // Gemma SAEs are at layer 12 (and 5, 12, 19 for Gemma Scope, filtered out by the 65k width).
    expect(ids(rows)).toEqual(['pca_baseline__gemma-2-2b__L12']);
    expect(rows[0]?.ce_loss_score).toBe(1);
    expect(db.rows(baselineRowsQuery(view({}), ['l0'])).length).toBe(all.filter((r) => r.is_baseline === true).length);
  });

  it('counts the filtered SAEs and how many have each metric', () => {
    const [c] = db.rows(countsQuery(view({ model: ['gemma-2-2b'], width: [65536] })));
    expect(c?.n).toBe(all.filter((r) => r.model === 'gemma-2-2b' && r.dict_size === 65536).length);
    expect(c?.scr_top20).toBe(42);
    expect(c?.frac_alive).toBe(6);
    const totals = db.rows(metricTotalsByModelQuery());
    expect(totals.find((r) => r.model === 'gemma-2-2b')?.scr_top20).toBe(126);
    expect(totals.find((r) => r.model === 'pythia-160m-deduped')?.scr_top20).toBe(0);
  });

  it('counts coverage per group in SQL', () => {
    const f = db.frame(coverageQuery(view({ model: ['gemma-2-2b'] }), ['architecture'], [{ id: 'scr', column: 'scr_top20' }]));
    const arch = str(f, 'architecture');
    const i = arch.indexOf('topk');
    expect(num(f, 'total')[i]).toBe(all.filter((r) => r.model === 'gemma-2-2b' && r.architecture === 'topk').length);
    expect(num(f, 'scr')[i]).toBe(18);
  });

  it('every preset is a URL the real data accepts without a notice, and its view shows SAEs', () => {
    const values = domainValues(db.rows(allDomainsQuery()) as { dim: string; value: string }[]);
    const domains: Domains = { values, saeIds: new Set(db.rows(saeIdsQuery()).map((r) => String(r.sae_id))) };
    for (const d of DIMENSIONS) expect(values[d.key].length, d.key).toBeGreaterThan(0);
    for (const p of PRESETS) {
      const { state, notices } = decodeUrl(p.search, domains);
      expect(notices, p.id).toEqual([]);
      const queries = VIEW_DEFS[state.view].queries(state, { saeCount: all.length, domains })!;
      expect(db.frame(Object.values(queries)[0]!).length, p.id).toBeGreaterThan(0);
      expect(activePreset(state, domains)?.id).toBe(p.id);
      expect(activePreset({ ...state, fonly: !state.fonly }, domains)).toBeUndefined();
    }
  });

  it('the agreement view ignores "both X and Y" (it shows neither)', () => {
    const s = view({ view: 'agreement', both: true, y: 'ravel_disentanglement', model: ['pythia-160m-deduped'] });
    expect(db.frame(VIEW_DEFS.agreement.queries(s, { saeCount: all.length, domains: { values: { arch: [] } } })!.rows!).length).toBe(all.filter((r) => r.model === 'pythia-160m-deduped').length);
  });
});
