// The `saes` table or view the queries read: every catalog column, over whatever columns the loaded table has
// (an ingested or synthetic dataset may lack most metrics; missing columns read as NULL), plus the SAEs the
// user added in the page. Pure SQL builders; db/boot.ts and the Node helpers run them.
import { METRIC_PROVENANCE_COLUMNS, TABLE_COLUMNS, columnType } from '../catalog/columns.ts';
import { ident, type SqlQuery } from './sql.ts';

export const RAW_SAE_TABLE = 'saes_raw';
export const USER_SAE_TABLE = 'user_saes';
export const USER_VALUE_TABLE = 'user_metric_values';

/** Up to this many rows `saes` is a table (queries plan several times faster than over a 100-column view); above
 * it a view, so absent columns cost no memory. */
export const MATERIALIZE_ROWS = 50_000;

/** The distinct provenance labels of a row's values, ';'-joined: the "provenance" filter and facet read this one
 * column instead of building a list from every metric's provenance column per row and query. Datasets carry it
 * (the synthetic generator and the ingest CLI write it); otherwise it is computed here. */
export const PROVENANCES_COLUMN = 'provenances';

const SQL_TYPE = { string: 'VARCHAR', number: 'DOUBLE', boolean: 'BOOLEAN' } as const;

export function rowCountQuery(table: string): SqlQuery {
  return { sql: `SELECT count(*)::DOUBLE AS n FROM ${ident(table)}`, params: [] };
}

export function tableColumnsQuery(table: string): SqlQuery {
  return { sql: 'SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position', params: [table] };
}

export function provenancesSql(present: ReadonlySet<string>): string {
  const cols = METRIC_PROVENANCE_COLUMNS.filter((c) => present.has(c)).map(ident);
  if (!cols.length) return 'NULL::VARCHAR';
  return `nullif(array_to_string(list_sort(list_distinct(list_filter([${cols.join(', ')}], p -> p IS NOT NULL))), ';'), '')`;
}

/** SELECT list giving every catalog column (and the provenances column) from a table with these columns. */
function catalogSelect(present: readonly string[]): string {
  const have = new Set(present);
  const select = TABLE_COLUMNS.map((c) => {
    const type = SQL_TYPE[columnType(c) ?? 'string'];
    if (!have.has(c)) return `${c === 'is_baseline' || c === 'is_user' ? 'FALSE' : 'NULL'}::${type} AS ${ident(c)}`;
    // Narrower numbers (FLOAT, INTEGER) in an ingested file read as DOUBLE like the shipped data.
    return type === 'DOUBLE' ? `${ident(c)}::DOUBLE AS ${ident(c)}` : ident(c);
  });
  const provenances = have.has(PROVENANCES_COLUMN) ? ident(PROVENANCES_COLUMN) : `${provenancesSql(have)} AS ${ident(PROVENANCES_COLUMN)}`;
  return [...select, provenances].join(', ');
}

/** The statements that make `saes` (and the empty table of the user's values) from the raw table. */
export function installSaesSql(present: readonly string[], rows: number): string[] {
  const kind = rows > MATERIALIZE_ROWS ? 'VIEW' : 'TABLE';
  return [
    `CREATE OR REPLACE ${kind} saes AS SELECT ${catalogSelect(present)} FROM ${RAW_SAE_TABLE}`,
    ...(kind === 'TABLE' ? [`DROP TABLE ${RAW_SAE_TABLE}`] : []),
    `CREATE OR REPLACE TABLE ${USER_VALUE_TABLE} (sae_id VARCHAR, eval_type VARCHAR, metric_category VARCHAR, metric VARCHAR, value DOUBLE, provenance VARCHAR, source_repo VARCHAR, source_ref VARCHAR, source_path VARCHAR, local_path VARCHAR, note VARCHAR)`,
  ];
}

/** Replaces the user's SAEs in `saes` with those of the freshly loaded user tables (none: just removes them).
 * `saes` is a table on small datasets (rows are deleted and inserted) and a view on large ones (redefined). */
export function replaceUserSaesSql(materialized: boolean, present: readonly string[], userColumns: readonly string[] | null): string[] {
  const user = userColumns ? `SELECT ${catalogSelect(userColumns)} FROM ${USER_SAE_TABLE}` : null;
  if (materialized) return ['DELETE FROM saes WHERE "is_user"', ...(user ? [`INSERT INTO saes ${user}`] : [])];
  const base = `SELECT ${catalogSelect(present)} FROM ${RAW_SAE_TABLE}`;
  return [`CREATE OR REPLACE VIEW saes AS ${base}${user ? ` UNION ALL ${user}` : ''}`];
}
