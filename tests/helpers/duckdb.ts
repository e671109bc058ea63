// DuckDB-WASM's Node build (same engine as the browser) loaded with the app's real Arrow files.
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { columnsToArrowIpc } from '../../src/ingest/arrowTable.ts';
import { buildDataset } from '../../scripts/data/buildDataset.ts';
import type { SqlQuery } from '../../src/query/sql.ts';

const require = createRequire(import.meta.url);

export interface TestDb {
  query: (q: SqlQuery) => Record<string, unknown>[];
}

export async function openTestDb(): Promise<TestDb> {
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
  const dataset = buildDataset('data/saebench');
  conn.insertArrowFromIPCStream(columnsToArrowIpc(dataset.saes), { name: 'saes', create: true });
  conn.insertArrowFromIPCStream(columnsToArrowIpc(dataset.values), { name: 'metric_values', create: true });
  return {
    query: (q) => {
      const stmt = conn.prepare(q.sql);
      try {
        return stmt.query(...q.params).toArray().map((r) => ({ ...(r.toJSON() as Record<string, unknown>) }));
      } finally {
        stmt.close();
      }
    },
  };
}
