// DuckDB-WASM's Node build (the same engine as the browser) with Arrow IPC tables, for the data build and tests.
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { frameFromArrow, type ArrowTableLike, type Frame } from '../../src/data/frame.ts';
import { installSaesSql, RAW_SAE_TABLE, rowCountQuery, tableColumnsQuery } from '../../src/query/schema.ts';
import type { SqlQuery } from '../../src/query/sql.ts';

const require = createRequire(import.meta.url);
// DuckDB's Node build returns tables of the CommonJS apache-arrow; serialise them with that copy too.
const arrowCjs = require('apache-arrow') as { tableToIPC: (t: unknown, format: 'stream') => Uint8Array };

export interface NodeDb {
  frame(q: SqlQuery): Frame;
  /** The answer as Arrow IPC stream bytes (what the browser reads from prefetch files). */
  ipc(q: SqlQuery): Uint8Array;
  rows(q: SqlQuery): Record<string, unknown>[];
  insert(name: string, ipc: Uint8Array): void;
}

/** `saes` is loaded as the raw table with the catalog view over it, as the browser does. */
export async function openNodeDb(tables: Record<string, Uint8Array>): Promise<NodeDb> {
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions=false');
  conn.query('SET autoload_known_extensions=false');
  const run = (q: SqlQuery) => {
    const stmt = conn.prepare(q.sql);
    try {
      return stmt.query(...q.params);
    } finally {
      stmt.close();
    }
  };
  const insert = (name: string, ipc: Uint8Array) => conn.insertArrowFromIPCStream(ipc, { name, create: true });
  for (const [name, ipc] of Object.entries(tables)) insert(name === 'saes' ? RAW_SAE_TABLE : name, ipc);
  if (tables.saes) {
    const present = run(tableColumnsQuery(RAW_SAE_TABLE)).toArray().map((r) => String((r.toJSON() as { column_name: string }).column_name));
    const rows = Number((run(rowCountQuery(RAW_SAE_TABLE)).toArray()[0]!.toJSON() as { n: number }).n);
    for (const sql of installSaesSql(present, rows)) conn.query(sql);
  }
  return {
    frame: (q) => frameFromArrow(run(q) as unknown as ArrowTableLike),
    ipc: (q) => arrowCjs.tableToIPC(run(q), 'stream'),
    rows: (q) => run(q).toArray().map((r) => ({ ...(r.toJSON() as Record<string, unknown>) })),
    insert,
  };
}
