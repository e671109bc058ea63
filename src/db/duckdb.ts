// Starts DuckDB-WASM from bundles served by this origin (no CDN, no extension downloads).
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { frameFromArrow, type ArrowTableLike } from '../data/frame.ts';
import type { QueryEngine } from './coordinator.ts';

export interface Database {
  engine: QueryEngine;
  loadArrowStream: (name: string, bytes: Uint8Array) => Promise<void>;
}

export async function startDuckDb(): Promise<Database> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  if (!bundle.mainWorker) throw new Error('No DuckDB worker bundle for this browser');
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions=false');
  await conn.query('SET autoload_known_extensions=false');
  return {
    engine: {
      run: async (q) => {
        const stmt = await conn.prepare(q.sql);
        try {
          return frameFromArrow((await stmt.query(...q.params)) as unknown as ArrowTableLike);
        } finally {
          await stmt.close();
        }
      },
    },
    loadArrowStream: async (name, bytes) => {
      await conn.insertArrowFromIPCStream(bytes, { name, create: true });
    },
  };
}
