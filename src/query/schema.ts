// The `saes` view the queries read: every catalog column, over whatever columns the loaded table has (an
// ingested or synthetic dataset may lack most metrics). Missing columns read as NULL.
import { TABLE_COLUMNS, columnType } from '../catalog/columns.ts';
import { ident, type SqlQuery } from './sql.ts';

export const RAW_SAE_TABLE = 'saes_raw';

const SQL_TYPE = { string: 'VARCHAR', number: 'DOUBLE', boolean: 'BOOLEAN' } as const;

export function rowCountQuery(table: string): SqlQuery {
  return { sql: `SELECT count(*)::DOUBLE AS n FROM ${ident(table)}`, params: [] };
}

export function tableColumnsQuery(table: string): SqlQuery {
  return { sql: 'SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position', params: [table] };
}

/** Up to this many rows `saes` is a table (queries plan several times faster than over a 100-column view); above
 * it a view, so absent columns cost no memory. */
export const MATERIALIZE_ROWS = 50_000;

/** The statements that make `saes` from the raw table, given its columns and rows. */
export function installSaesSql(present: readonly string[], rows: number): string[] {
  if (rows > MATERIALIZE_ROWS) return [saesViewSql(present)];
  return [saesViewSql(present).replace('CREATE OR REPLACE VIEW saes AS', 'CREATE OR REPLACE TABLE saes AS'), `DROP TABLE ${RAW_SAE_TABLE}`];
}

/** CREATE VIEW saes over the raw table, given the columns it has. */
export function saesViewSql(present: readonly string[]): string {
  const have = new Set(present);
  const select = TABLE_COLUMNS.map((c) => {
    const type = SQL_TYPE[columnType(c) ?? 'string'];
    if (!have.has(c)) return `${c === 'is_baseline' ? 'FALSE' : 'NULL'}::${type} AS ${ident(c)}`;
    // Narrower numbers (FLOAT, INTEGER) in an ingested file read as DOUBLE like the shipped data.
    return type === 'DOUBLE' ? `${ident(c)}::DOUBLE AS ${ident(c)}` : ident(c);
  });
  return `CREATE OR REPLACE VIEW saes AS SELECT ${select.join(', ')} FROM ${RAW_SAE_TABLE}`;
}
