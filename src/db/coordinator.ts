// The one owner of the database: clients hand it a query (SQL with ? placeholders + parameters) and get
// plain row objects back. Nothing else in the app talks to DuckDB.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { SqlQuery } from '../query/sql.ts';

export type Row = Record<string, unknown>;

export class Coordinator {
  constructor(private readonly conn: AsyncDuckDBConnection) {}

  async query<T extends Row = Row>(q: SqlQuery): Promise<T[]> {
    const stmt = await this.conn.prepare(q.sql);
    try {
      const table = await stmt.query(...q.params);
      return table.toArray().map((r) => ({ ...(r.toJSON() as T) }));
    } finally {
      await stmt.close();
    }
  }

  async loadArrowStream(name: string, bytes: Uint8Array): Promise<void> {
    await this.conn.insertArrowFromIPCStream(bytes, { name, create: true });
  }
}
