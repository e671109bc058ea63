// Boots DuckDB and loads the bundled dataset (Arrow IPC streams built by `npm run data`).
import { DIMENSIONS, type DimensionKey } from '../catalog/columns.ts';
import { allDomainsQuery, metricTotalsQuery, saeIdsQuery, SAE_TABLE, VALUE_TABLE } from '../query/saeQueries.ts';
import type { Domains } from '../state/urlCodec.ts';
import { Coordinator } from './coordinator.ts';
import { startDuckDb } from './duckdb.ts';

export interface Dataset {
  coordinator: Coordinator;
  domains: Domains;
  saeCount: number;
  /** SAEs with a value, per metric id, in the whole dataset. */
  metricTotals: Record<string, number>;
  /** Loads the long value table on first use (only the detail panel needs it). */
  loadValues: () => Promise<void>;
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`could not load ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const dataUrl = (file: string) => `${import.meta.env.BASE_URL}data/${file}`;

/** Typed, sorted option lists per dimension (numbers ascending, text by code unit). */
export function domainValues(rows: readonly { dim: string; value: string }[]): Record<DimensionKey, (string | number)[]> {
  const values = {} as Record<DimensionKey, (string | number)[]>;
  for (const d of DIMENSIONS) {
    const raw = rows.filter((r) => r.dim === d.key).map((r) => r.value);
    values[d.key] = d.numeric ? raw.map(Number).sort((a, b) => a - b) : raw.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return values;
}

export async function loadDataset(onStep: (step: string) => void): Promise<Dataset> {
  onStep('Starting DuckDB (WebAssembly)…');
  const [conn, saeBytes] = await Promise.all([startDuckDb(), fetchBytes(dataUrl('saes.arrows'))]);
  const coordinator = new Coordinator(conn);
  onStep('Loading SAEBench results…');
  await coordinator.loadArrowStream(SAE_TABLE, saeBytes);
  const values = domainValues(await coordinator.query<{ dim: string; value: string }>(allDomainsQuery()));
  const ids = await coordinator.query<{ sae_id: string }>(saeIdsQuery());
  const [metricTotals = {}] = await coordinator.query<Record<string, number>>(metricTotalsQuery());
  let valuesLoaded: Promise<void> | null = null;
  return {
    coordinator,
    domains: { values, saeIds: new Set(ids.map((r) => r.sae_id)) },
    saeCount: ids.length,
    metricTotals,
    loadValues: () => {
      valuesLoaded ??= fetchBytes(dataUrl('values.arrows')).then((b) => coordinator.loadArrowStream(VALUE_TABLE, b));
      return valuesLoaded;
    },
  };
}
