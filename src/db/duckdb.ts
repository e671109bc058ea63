// Starts DuckDB-WASM from bundles served by this origin (no CDN, no extension downloads).
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { frameFromArrow, type ArrowTableLike } from '../data/frame.ts';
import type { QueryEngine } from './coordinator.ts';

export interface Database {
  engine: QueryEngine;
  loadArrowStream: (name: string, bytes: Uint8Array) => Promise<void>;
}

/** A policy without 'wasm-unsafe-eval' (a stricter host or extension) refuses every WebAssembly compile. */
async function assertWasmAllowed(): Promise<void> {
  try {
    await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  } catch (e) {
    throw new Error(`this page may not compile WebAssembly (${e instanceof Error ? e.message : String(e)}); its content security policy needs 'wasm-unsafe-eval'`);
  }
}

/** Only the bundle for WebAssembly exceptions ships (every current browser has them): one 34 MB download. */
export async function startDuckDb(): Promise<Database> {
  const features = await duckdb.getPlatformFeatures();
  if (!features.wasmExceptions) throw new Error('this browser lacks WebAssembly exception handling, which DuckDB-WASM needs; use a current Chrome, Edge, Firefox or Safari');
  await assertWasmAllowed();
  const worker = new Worker(ehWorker);
  // A worker that dies (its script refused, its wasm not compiled) never answers; say so instead of waiting.
  const died = new Promise<never>((_, reject) => worker.addEventListener('error', (e) => {
    e.preventDefault();
    reject(new Error(`DuckDB's worker failed${e.message ? `: ${e.message}` : ''}`));
  }));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await Promise.race([db.instantiate(ehWasm), died]);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions=false');
  await conn.query('SET autoload_known_extensions=false');
  // Prepared statements are kept by SQL text: a view's queries repeat with new parameters, and preparing
  // costs a round trip to the worker and a planning pass each time.
  const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const statement = (sql: string) => {
    let stmt = prepared.get(sql);
    if (stmt) {
      prepared.delete(sql);
    } else {
      stmt = conn.prepare(sql);
      stmt.catch(() => prepared.delete(sql));
    }
    prepared.set(sql, stmt);
    if (prepared.size > 200) {
      const [oldest, old] = prepared.entries().next().value!;
      prepared.delete(oldest);
      void old.then((s) => s.close(), () => undefined);
    }
    return stmt;
  };
  return {
    engine: {
      run: async (q) => frameFromArrow((await (await statement(q.sql)).query(...q.params)) as unknown as ArrowTableLike),
    },
    loadArrowStream: async (name, bytes) => {
      await conn.insertArrowFromIPCStream(bytes, { name, create: true });
    },
  };
}
