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

export function infoFromManifest(m: Manifest): DatasetInfo {
  return { ...m, domains: { values: m.domains.values, saeIds: m.domains.saeIds ? new Set(m.domains.saeIds) : null } };
}
