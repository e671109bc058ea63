// Long values (SAE × eval × metric × provenance) -> the wide table's metric cells. Where several values exist
// for one cell the most authoritative provenance wins (PRECEDENCE); every value stays in the long table.
import { isSentinel } from '../../src/ingest/saebenchJson.ts';
import { BUNDLED_PROVENANCE, EVAL_PROVENANCE_COLUMNS, PROVENANCE_EVALS, provenanceColumnOf } from '../../src/catalog/columns.ts';
import { METRIC_BY_VALUE_KEY, METRICS } from '../../src/catalog/metrics.ts';

export interface LongRow {
  sae_id: string;
  release: string | null;
  model: string | null;
  layer: number | null;
  architecture: string | null;
  dict_size: number | null;
  trainer: number | null;
  eval_type: string;
  metric_category: string;
  metric: string;
  value: number;
  provenance: string;
  source_repo: string;
  source_ref: string;
  source_path: string;
  local_path: string;
  note: string | null;
}

/** Most authoritative first. Rounded published values (J) come last: they never replace a full-precision value. */
export const PRECEDENCE = [
  'published_0125', 'published_0125_np', 'published_baseline', 'test_fixture', 'reproduction', 'third_party_run',
  'published_0125_rounded', BUNDLED_PROVENANCE,
] as const;


export interface WideMetrics {
  /** Column name -> one cell per SAE, in the order of saeIds. */
  columns: Map<string, (number | string | null)[]>;
}

/** `metricIds` limits the pivot to some metric columns (and the eval provenance summary to their values). */
export function pivotLongRows(rows: readonly LongRow[], saeIds: readonly string[], metricIds?: readonly string[]): WideMetrics {
  const catalog = metricIds ? METRICS.filter((d) => metricIds.includes(d.id)) : METRICS;
  const index = new Map(saeIds.map((id, i) => [id, i]));
  const rank = (p: string) => {
    const r = (PRECEDENCE as readonly string[]).indexOf(p);
    if (r < 0) throw new Error(`unknown provenance ${JSON.stringify(p)}`);
    return r;
  };
  const best = new Map<string, { value: number; prov: string; rank: number }>();
  for (const r of rows) {
    const def = METRIC_BY_VALUE_KEY.get(`${r.eval_type}|${r.metric_category}|${r.metric}`);
    const i = index.get(r.sae_id);
    if (!def || !catalog.includes(def) || i === undefined || isSentinel(r.metric, r.value)) continue;
    const key = `${i}|${def.id}`;
    const cur = best.get(key);
    const k = rank(r.provenance);
    if (!cur || k < cur.rank) best.set(key, { value: r.value, prov: r.provenance, rank: k });
  }
  // Two different values of the winning provenance would make the cell ambiguous.
  for (const r of rows) {
    const def = METRIC_BY_VALUE_KEY.get(`${r.eval_type}|${r.metric_category}|${r.metric}`);
    const i = index.get(r.sae_id);
    if (!def || !catalog.includes(def) || i === undefined || isSentinel(r.metric, r.value)) continue;
    const won = best.get(`${i}|${def.id}`)!;
    if (won.prov === r.provenance && won.value !== r.value) {
      throw new Error(`${r.sae_id} ${def.id}: two ${r.provenance} values (${won.value}, ${r.value}) and nothing ranks above them`);
    }
  }
  const columns = new Map<string, (number | string | null)[]>();
  for (const d of catalog) {
    const values: (number | null)[] = saeIds.map((_, i) => best.get(`${i}|${d.id}`)?.value ?? null);
    const provs: (string | null)[] = saeIds.map((_, i) => best.get(`${i}|${d.id}`)?.prov ?? null);
    columns.set(d.id, values);
    columns.set(provenanceColumnOf(d.id), provs);
  }
  PROVENANCE_EVALS.forEach((evalId, e) => {
    const defs = catalog.filter((d) => d.eval === evalId);
    columns.set(EVAL_PROVENANCE_COLUMNS[e]!, saeIds.map((_, i) => {
      const labels = new Set(defs.map((d) => best.get(`${i}|${d.id}`)?.prov).filter((p): p is string => !!p));
      return labels.size ? PRECEDENCE.filter((p) => labels.has(p)).join(';') : null;
    }));
  });
  return { columns };
}
