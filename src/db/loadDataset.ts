// Boots DuckDB and loads the bundled dataset (Arrow IPC streams built by `npm run data`).
import { DIMENSIONS, type DimensionKey } from '../catalog/columns.ts';
import { domainQuery, metricTotalsQuery, saeIdsQuery, SAE_TABLE, VALUE_TABLE } from '../query/saeQueries.ts';
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

export async function loadDataset(onStep: (step: string) => void): Promise<Dataset> {
  onStep('Starting DuckDB (WebAssembly)…');
  const [conn, saeBytes] = await Promise.all([startDuckDb(), fetchBytes(dataUrl('saes.arrows'))]);
  const coordinator = new Coordinator(conn);
  onStep('Loading SAEBench results…');
  await coordinator.loadArrowStream(SAE_TABLE, saeBytes);
  const values = {} as Record<DimensionKey, (string | number)[]>;
  for (const d of DIMENSIONS) {
    values[d.key] = (await coordinator.query<{ value: string | number }>(domainQuery(d.key))).map((r) => r.value);
  }
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
