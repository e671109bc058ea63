// Start-up: the manifest (domains and counts, computed at build time) and the prefetched answers of the
// initial view come first, so the first chart draws before DuckDB-WASM is up; DuckDB starts in parallel
// and is attached to the coordinator when the data is in.
import { tableFromIPC } from 'apache-arrow';
import { infoFromManifest, type DatasetInfo } from '../data/datasetInfo.ts';
import { frameFromArrow, type ArrowTableLike } from '../data/frame.ts';
import { VALUE_TABLE } from '../query/saeQueries.ts';
import { installSaesSql, MATERIALIZE_ROWS, RAW_SAE_TABLE, replaceUserSaesSql, rowCountQuery, tableColumnsQuery, USER_SAE_TABLE, USER_VALUE_TABLE } from '../query/schema.ts';
import type { SqlQuery } from '../query/sql.ts';
import { Coordinator, queryKey, type QueryEngine } from './coordinator.ts';

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
  return res;
}

/** The body as bytes, reporting the share received when the server says how much there is. */
async function fetchBytes(url: string, onProgress?: (share: number) => void): Promise<Uint8Array> {
  const res = await fetchOk(url);
  const total = Number(res.headers.get('content-length'));
  if (!onProgress || !res.body || !(total > 0) || res.headers.get('content-encoding')) return new Uint8Array(await res.arrayBuffer());
  const out = new Uint8Array(total);
  const reader = res.body.getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > total) throw new Error(`${url} is longer than its Content-Length`);
    out.set(value, at);
    at += value.length;
    onProgress(at / total);
  }
  return out.subarray(0, at);
}

export async function loadInfo(base: string): Promise<DatasetInfo> {
  const res = await fetchOk(`${base}manifest.json`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new Error(`${base}manifest.json is not JSON`);
  }
  return infoFromManifest(json);
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
  /** Puts these user tables (Arrow IPC of the catalog columns and of the long values) in place of the user's
   * SAEs so far; null removes them. */
  replaceUserSaes: (tables: { wide: Uint8Array; long: Uint8Array } | null) => Promise<void>;
  /** Runs a query outside the coordinator's cache (after the data changed). */
  run: QueryEngine['run'];
}

/** DuckDB up, the SAE table in, attached to the coordinator; the long value table loads on first use. */
export async function startDatabase(coordinator: Coordinator, base: string, onStep: (step: string) => void): Promise<StartedDatabase> {
  onStep('Starting DuckDB (WebAssembly)…');
  // DuckDB's JS is its own chunk, fetched in parallel with the first chart rather than before it.
  const [db, saes] = await Promise.all([import('./duckdb.ts').then((m) => m.startDuckDb()), fetchBytes(`${base}saes.arrows`, (p) => onStep(`Downloading the SAE table… ${Math.round(100 * p)} %`))]);
  onStep('Loading SAEBench results…');
  await db.loadArrowStream(RAW_SAE_TABLE, saes);
  const present = (await db.engine.run(tableColumnsQuery(RAW_SAE_TABLE))).columns.get('column_name') as string[];
  const rows = (await db.engine.run(rowCountQuery(RAW_SAE_TABLE))).columns.get('n')![0] as number;
  const exec = async (sql: string) => void (await db.engine.run({ sql, params: [] }));
  for (const sql of installSaesSql(present, rows)) await exec(sql);
  coordinator.attach(db.engine);
  let values: Promise<void> | null = null;
  return {
    loadValues: () => {
      values ??= fetchBytes(`${base}values.arrows`).then((b) => db.loadArrowStream(VALUE_TABLE, b));
      return values;
    },
    replaceUserSaes: async (tables) => {
      await exec(`DROP TABLE IF EXISTS ${USER_SAE_TABLE}`);
      await exec(`DELETE FROM ${USER_VALUE_TABLE}`);
      let columns: string[] | null = null;
      if (tables) {
        await db.loadArrowStream(USER_SAE_TABLE, tables.wide);
        columns = (await db.engine.run(tableColumnsQuery(USER_SAE_TABLE))).columns.get('column_name') as string[];
        await exec('DROP TABLE IF EXISTS user_values_new');
        await db.loadArrowStream('user_values_new', tables.long);
        await exec(`INSERT INTO ${USER_VALUE_TABLE} SELECT sae_id, eval_type, metric_category, metric, value::DOUBLE, provenance, source_repo, source_ref, source_path, local_path, note FROM user_values_new`);
        await exec('DROP TABLE user_values_new');
      }
      for (const sql of replaceUserSaesSql(rows <= MATERIALIZE_ROWS, present, columns)) await exec(sql);
      coordinator.invalidate();
    },
    run: (q) => db.engine.run(q),
  };
}
