// WHERE clauses and provenance-aware metric expressions for the SAE table. Pure: state in, SQL out.
import { DIMENSIONS, provenanceColumnOf, type DimensionKey } from '../catalog/columns.ts';
import { PROVENANCES_COLUMN } from './schema.ts';
import { axisById } from '../catalog/metrics.ts';
import type { Filters } from '../state/viewState.ts';
import { ident, placeholders, type SqlParam } from './sql.ts';

export interface SqlFragment {
  sql: string;
  params: SqlParam[];
}

/** A metric's value, or NULL where its eval's provenance is not among the allowed ones. */
export function metricExpr(metricId: string, prov: readonly string[]): SqlFragment {
  const def = axisById(metricId);
  if (!def) throw new Error(`unknown metric ${metricId}`);
  if (prov.length === 0 || def.eval === 'config') return { sql: ident(metricId), params: [] };
  return {
    sql: `CASE WHEN ${ident(provenanceColumnOf(metricId))} IN (${placeholders(prov.length)}) THEN ${ident(metricId)} END`,
    params: [...prov],
  };
}

/** Provenance labels of a row's values, as a DuckDB list (the virtual "provenance" dimension). */
export function provenanceListSql(): string {
  return `string_split(${ident(PROVENANCES_COLUMN)}, ';')`;
}

export interface WhereOptions {
  /** Leave this dimension's own filter out (for "count under the other filters"). */
  except?: DimensionKey;
  /** X and Y, for `both`. */
  axes?: [string, string];
}

export function whereClause(f: Filters, opts: WhereOptions = {}): SqlFragment {
  const conds: string[] = [];
  const params: SqlParam[] = [];
  for (const d of DIMENSIONS) {
    const values = f[d.key];
    if (d.key === opts.except || values.length === 0) continue;
    if (d.key === 'prov') {
      conds.push(`list_has_any(${provenanceListSql()}, [${placeholders(values.length)}])`);
    } else {
      conds.push(`${ident(d.column)} IN (${placeholders(values.length)})`);
    }
    params.push(...values);
  }
  const l0 = metricExpr('l0', f.prov);
  if (f.l0min !== null) {
    conds.push(`${l0.sql} >= ?`);
    params.push(...l0.params, f.l0min);
  }
  if (f.l0max !== null) {
    conds.push(`${l0.sql} <= ?`);
    params.push(...l0.params, f.l0max);
  }
  if (f.both && opts.axes) {
    for (const axis of opts.axes) {
      const e = metricExpr(axis, f.prov);
      conds.push(`${e.sql} IS NOT NULL`);
      params.push(...e.params);
    }
  }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}
