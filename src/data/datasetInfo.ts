// What the app knows about a dataset before DuckDB is up: computed at build time into manifest.json.
import { DIMENSIONS, type DimensionKey } from '../catalog/columns.ts';

export interface Domains {
  /** Every value per filter dimension, typed and sorted (numbers ascending, text by code unit). */
  values: Record<DimensionKey, (string | number)[]>;
  /** Every sae_id, where the dataset is small enough to list them; otherwise ids are checked on use. */
  saeIds: ReadonlySet<string> | null;
}

export interface DatasetInfo {
  name: string;
  /** Generated data (scale benchmarks): labelled wherever it shows. */
  synthetic: boolean;
  saeCount: number;
  domains: Domains;
  /** SAEs with a value per metric, in the whole dataset. */
  metricTotals: Record<string, number>;
  /** The same per model. */
  metricTotalsByModel: Record<string, Record<string, number>>;
  /** Query keys answered by files under prefetch/ (the initial views, computed at build time). */
  prefetch: Record<string, string>;
}

/** The manifest as written to JSON (sets as lists). */
export interface Manifest extends Omit<DatasetInfo, 'domains'> {
  domains: { values: Record<DimensionKey, (string | number)[]>; saeIds: string[] | null };
  [extra: string]: unknown;
}

/** Typed, sorted option lists per dimension from rows of (dim, value as text). */
export function domainValues(rows: readonly { dim: string | null; value: string | null }[]): Record<DimensionKey, (string | number)[]> {
  const values = {} as Record<DimensionKey, (string | number)[]>;
  for (const d of DIMENSIONS) {
    const raw = rows.filter((r) => r.dim === d.key && r.value !== null).map((r) => r.value!);
    values[d.key] = d.numeric ? raw.map(Number).sort((a, b) => a - b) : raw.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return values;
}

export class ManifestError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const counts = (v: unknown, what: string): Record<string, number> => {
  if (!isRecord(v) || !Object.values(v).every((n) => typeof n === 'number' && Number.isFinite(n))) throw new ManifestError(`${what} is not a map of counts`);
  return v as Record<string, number>;
};

/** Checks a manifest read from the network (a dataset by URL can hold anything) and makes it usable. */
export function infoFromManifest(raw: unknown): DatasetInfo {
  if (!isRecord(raw)) throw new ManifestError('manifest.json is not an object');
  const m = raw as Partial<Manifest>;
  if (typeof m.saeCount !== 'number' || !Number.isSafeInteger(m.saeCount) || m.saeCount < 0) throw new ManifestError('manifest.json: saeCount is not a count');
  const domains = isRecord(m.domains) ? m.domains : null;
  if (!domains || !isRecord(domains.values)) throw new ManifestError('manifest.json: no domains');
  const values = {} as Record<DimensionKey, (string | number)[]>;
  for (const d of DIMENSIONS) {
    const list = (domains.values as Record<string, unknown>)[d.key] ?? [];
    if (!Array.isArray(list) || !list.every((v) => (d.numeric ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string'))) {
      throw new ManifestError(`manifest.json: the ${d.label.toLowerCase()} values are not ${d.numeric ? 'numbers' : 'text'}`);
    }
    values[d.key] = list as (string | number)[];
  }
  const ids = domains.saeIds;
  if (ids !== null && ids !== undefined && !(Array.isArray(ids) && ids.every((v) => typeof v === 'string'))) throw new ManifestError('manifest.json: saeIds is not a list of ids');
  const prefetch = isRecord(m.prefetch) ? m.prefetch : {};
  for (const file of Object.values(prefetch)) {
    if (typeof file !== 'string' || !/^prefetch\/[0-9a-f]{8}\.arrows$/.test(file)) throw new ManifestError('manifest.json: a prefetch entry is not a prefetch file name');
  }
  const byModel = isRecord(m.metricTotalsByModel) ? m.metricTotalsByModel : {};
  return {
    name: typeof m.name === 'string' ? m.name.slice(0, 200) : 'dataset',
    synthetic: m.synthetic === true,
    saeCount: m.saeCount,
    domains: { values, saeIds: ids ? new Set(ids as string[]) : null },
    metricTotals: counts(m.metricTotals ?? {}, 'metricTotals'),
    metricTotalsByModel: Object.fromEntries(Object.entries(byModel).map(([k, v]) => [k, counts(v, `metricTotalsByModel.${k}`)])),
    prefetch: prefetch as Record<string, string>,
  };
}

/** Domains and metric counts from the rows of allDomainsQuery, metricTotalsByModelQuery and saeIdsQuery. */
export function statsFromRows(
  domainRows: readonly { dim: string | null; value: string | null }[],
  byModelRows: readonly Record<string, unknown>[],
  ids: readonly string[] | null,
): Pick<DatasetInfo, 'domains' | 'metricTotals' | 'metricTotalsByModel'> {
  const metricTotalsByModel: Record<string, Record<string, number>> = {};
  const metricTotals: Record<string, number> = {};
  for (const { model, ...counts } of byModelRows) {
    const c = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
    metricTotalsByModel[String(model)] = c;
    for (const [k, n] of Object.entries(c)) metricTotals[k] = (metricTotals[k] ?? 0) + n;
  }
  return { domains: { values: domainValues(domainRows), saeIds: ids ? new Set(ids) : null }, metricTotals, metricTotalsByModel };
}
