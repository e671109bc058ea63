import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/ingest/csv.ts';
import {
  allDomainsQuery, baselineRowsQuery, domainQuery, facetCountsQuery, filteredRowsQuery, metricTotalsQuery, saeIdsQuery, saeValuesQuery,
} from '../../src/query/saeQueries.ts';
import { activePreset, PRESETS } from '../../src/state/presets.ts';
import { decodeUrl, type Domains } from '../../src/state/urlCodec.ts';
import { DIMENSIONS } from '../../src/catalog/columns.ts';
import { domainValues } from '../../src/db/loadDataset.ts';
import { DEFAULT_STATE, type ViewState } from '../../src/state/viewState.ts';
import { openTestDb, type TestDb } from '../helpers/duckdb.ts';

const csv = parseCsvRecords(readFileSync('data/saebench/saebench_metrics.csv', 'utf8')).records;
let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_STATE, ...patch });
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.sae_id)).sort();

describe('SQL builders on the real data in DuckDB-WASM', () => {
  it('filters by architecture and model exactly as the CSV says', () => {
    const rows = db.query(filteredRowsQuery(view({ arch: ['topk', 'matryoshka_batch_topk'], model: ['gemma-2-2b'] })));
    const expected = csv.filter((r) => ['topk', 'matryoshka_batch_topk'].includes(r.architecture!) && r.model === 'gemma-2-2b');
    expect(ids(rows)).toEqual(expected.map((r) => r.sae_id).sort());
    expect(rows.length).toBeGreaterThan(30);
  });

  it('applies width, layer, L0 range and "both X and Y"', () => {
    const s = view({ width: [4096], layer: [12], l0min: 40, l0max: 200, both: true, y: 'ravel_disentanglement' });
    const expected = csv.filter((r) => r.dict_size === '4096' && r.layer === '12' && r.l0 !== '' && Number(r.l0) >= 40 && Number(r.l0) <= 200 && r.ravel_disentanglement !== '');
    expect(ids(db.query(filteredRowsQuery(s)))).toEqual(expected.map((r) => r.sae_id).sort());
  });

  it('hides values whose provenance is filtered out, and keeps rows with any allowed provenance', () => {
    const rows = db.query(filteredRowsQuery(view({ prov: ['published_0125'] })));
    expect(rows.length).toBe(csv.filter((r) => Object.entries(r).some(([k, v]) => k.endsWith('_provenance') && v === 'published_0125')).length);
    for (const r of rows) {
      if (r.core_provenance !== 'published_0125') expect(r.ce_loss_score).toBeNull();
      if (r.ravel_provenance === 'published_0125') expect(r.ravel_disentanglement).not.toBeNull();
    }
  });

  it('sorts by the Y metric, better first, missing values last', () => {
    const up = db.query(filteredRowsQuery(view({ y: 'ce_loss_score' }))).map((r) => r.ce_loss_score as number | null);
    const present = up.filter((v) => v !== null) as number[];
    expect(present).toEqual([...present].sort((a, b) => b - a));
    expect(up.slice(present.length).every((v) => v === null)).toBe(true);
    const absorption = db.query(filteredRowsQuery(view({ y: 'absorption_fraction' }))).map((r) => r.absorption_fraction).filter((v) => v !== null) as number[];
    expect(absorption).toEqual([...absorption].sort((a, b) => a - b));
  });

  it('counts facet options under the other filters only', () => {
    const s = view({ arch: ['topk'], model: ['gemma-2-2b'] });
    const archCounts = Object.fromEntries(db.query(facetCountsQuery(s, [s.x, s.y], 'arch')).map((r) => [r.value, r.n]));
    const gemma = csv.filter((r) => r.model === 'gemma-2-2b');
    expect(archCounts.jumprelu).toBe(gemma.filter((r) => r.architecture === 'jumprelu').length);
    expect(archCounts.topk).toBe(gemma.filter((r) => r.architecture === 'topk').length);
    const provCounts = Object.fromEntries(db.query(facetCountsQuery(DEFAULT_STATE, ['l0', 'l0'], 'prov')).map((r) => [r.value, r.n]));
    expect(provCounts.published_0125).toBe(csv.filter((r) => r.ravel_provenance === 'published_0125' || r.unlearning_provenance === 'published_0125' || r.absorption_first_letter_provenance === 'published_0125').length);
  });

  it('binds hostile values as parameters: they match nothing and break nothing', () => {
    expect(db.query(filteredRowsQuery(view({ model: ["gemma-2-2b' OR '1'='1", '"; DROP TABLE saes; --'] })))).toEqual([]);
    expect(db.query(filteredRowsQuery(DEFAULT_STATE)).length).toBe(csv.length);
    expect(db.query(saeValuesQuery("x' OR 1=1 --"))).toEqual([]);
  });

  it('finds every value of one SAE with its source', () => {
    const rows = db.query(saeValuesQuery('saebench0125__gemma-2-2b__L12__4k__batch_topk__t0'));
    const ravel = rows.filter((r) => r.eval_type === 'ravel' && r.metric === 'disentanglement_score');
    expect(ravel.map((r) => r.provenance).sort()).toEqual(['published_0125', 'reproduction']);
    expect(ravel.every((r) => r.source_repo === 'meowmaryexe/SAEBench-Reliability')).toBe(true);
  });

  it('takes a configuration column as an axis, unmasked by the provenance filter', () => {
    const rows = db.query(filteredRowsQuery(view({ x: 'dict_size', y: 'ravel_disentanglement', both: true, prov: ['published_0125'] })));
    expect(rows.length).toBe(csv.filter((r) => r.ravel_provenance === 'published_0125' && r.ravel_disentanglement !== '').length);
    expect(rows.every((r) => typeof r.dict_size === 'number')).toBe(true);
  });

  it('finds the baselines of the filtered models and layers, whatever the width or architecture filter', () => {
    const rows = db.query(baselineRowsQuery(view({ model: ['gemma-2-2b'], layer: [12], width: [65536], arch: ['topk'] })));
    expect(ids(rows)).toEqual(csv.filter((r) => r.is_baseline === 'true' && r.model === 'gemma-2-2b' && r.layer === '12').map((r) => r.sae_id));
    expect(rows[0]?.ce_loss_score).toBe(1);
    expect(db.query(baselineRowsQuery(DEFAULT_STATE)).length).toBe(csv.filter((r) => r.is_baseline === 'true').length);
  });

  it('counts how many SAEs have each metric in the whole dataset', () => {
    const [totals] = db.query(metricTotalsQuery());
    expect(totals?.ravel_disentanglement).toBe(csv.filter((r) => r.ravel_disentanglement !== '').length);
    expect(totals?.l0).toBe(csv.filter((r) => r.l0 !== '').length);
  });

  it('every preset is a URL the real data accepts without a notice, and shows SAEs', () => {
    const values = Object.fromEntries(DIMENSIONS.map((d) => [d.key, db.query(domainQuery(d.key)).map((r) => r.value as string | number)]));
    const domains: Domains = { values: values as Domains['values'], saeIds: new Set(db.query(saeIdsQuery()).map((r) => String(r.sae_id))) };
    for (const p of PRESETS) {
      const { state, notices } = decodeUrl(p.search, domains);
      expect(notices, p.id).toEqual([]);
      expect(db.query(filteredRowsQuery(state)).length, p.id).toBeGreaterThan(0);
      expect(activePreset(state, domains)?.id).toBe(p.id);
      expect(activePreset({ ...state, lines: !state.lines }, domains)).toBeUndefined();
    }
  });

  it('reads every dimension\'s options in one query, with types and order as the per-dimension queries give them', () => {
    const one = domainValues(db.query(allDomainsQuery()) as { dim: string; value: string }[]);
    for (const d of DIMENSIONS) expect(one[d.key], d.key).toEqual(db.query(domainQuery(d.key)).map((r) => r.value));
  });
});
