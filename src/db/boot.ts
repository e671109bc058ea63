// Start-up: the manifest (domains and counts, computed at build time) and the prefetched answers of the
// initial view come first, so the first chart draws before DuckDB-WASM is up; DuckDB starts in parallel
// and is attached to the coordinator when the data is in.
import { tableFromIPC } from 'apache-arrow';
import { infoFromManifest, type DatasetInfo, type Manifest } from '../data/datasetInfo.ts';
import { frameFromArrow, type ArrowTableLike } from '../data/frame.ts';
import { SAE_TABLE, VALUE_TABLE } from '../query/saeQueries.ts';
import type { SqlQuery } from '../query/sql.ts';
import { Coordinator, queryKey } from './coordinator.ts';
import { startDuckDb } from './duckdb.ts';

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
  return res;
}

const fetchBytes = async (url: string) => new Uint8Array(await (await fetchOk(url)).arrayBuffer());

export async function loadInfo(base: string): Promise<DatasetInfo> {
  return infoFromManifest((await (await fetchOk(`${base}manifest.json`)).json()) as Manifest);
}

/** Seeds the coordinator with the build-time answers of these queries (those that were prefetched). */
export async function seedPrefetched(coordinator: Coordinator, info: DatasetInfo, base: string, queries: readonly SqlQuery[]): Promise<void> {
  await Promise.all(queries.map(async (q) => {
    const key = queryKey(q);
    const file = info.prefetch[key];
    if (!file) return;
    try {
      coordinator.seed(key, frameFromArrow(tableFromIPC(await fetchBytes(`${base}${file}`)) as unknown as ArrowTableLike));
    } catch {
      // A missing prefetch file only costs time: DuckDB answers the query once it is up.
    }
  }));
}

export interface StartedDatabase {
  loadValues: () => Promise<void>;
}

/** DuckDB up, the SAE table in, attached to the coordinator; the long value table loads on first use. */
export async function startDatabase(coordinator: Coordinator, base: string, onStep: (step: string) => void): Promise<StartedDatabase> {
  onStep('Starting DuckDB (WebAssembly)…');
  const [db, saes] = await Promise.all([startDuckDb(), fetchBytes(`${base}saes.arrows`)]);
  onStep('Loading SAEBench results…');
  await db.loadArrowStream(SAE_TABLE, saes);
  coordinator.attach(db.engine);
  let values: Promise<void> | null = null;
  return {
    loadValues: () => {
      values ??= fetchBytes(`${base}values.arrows`).then((b) => db.loadArrowStream(VALUE_TABLE, b));
      return values;
    },
  };
}
