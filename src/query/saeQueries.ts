// Query builders for the explorer. Each returns SQL + parameters; the coordinator runs them.
import { DIMENSIONS, EVAL_PROVENANCE_COLUMNS, IDENTITY_COLUMNS, METRIC_PROVENANCE_COLUMNS, type DimensionKey } from '../catalog/columns.ts';
import { METRICS } from '../catalog/metrics.ts';
import { EMPTY_FILTERS, effectiveSort, type Filters, type ViewState } from '../state/viewState.ts';
import { metricExpr, provenanceListSql, whereClause } from './filters.ts';
import { ident, type SqlParam, type SqlQuery } from './sql.ts';

export const SAE_TABLE = 'saes';
export const VALUE_TABLE = 'metric_values';

/** SELECT list of every column, metrics masked by the provenance filter. */
function maskedColumns(prov: readonly string[]): SqlQuery {
  const params: SqlParam[] = [];
  const select = [
    ...IDENTITY_COLUMNS.map((c) => ident(c.id)),
    ...METRICS.map((d) => {
      const e = metricExpr(d.id, prov);
      params.push(...e.params);
      return e.sql === ident(d.id) ? e.sql : `${e.sql} AS ${ident(d.id)}`;
    }),
    ...EVAL_PROVENANCE_COLUMNS.map(ident),
    ...METRIC_PROVENANCE_COLUMNS.map(ident),
  ];
  return { sql: select.join(', '), params };
}

/** Every column of the filtered SAEs, metrics masked by the provenance filter, in table order. */
export function filteredRowsQuery(s: ViewState): SqlQuery {
  const select = maskedColumns(s.prov);
  const where = whereClause(s, { axes: [s.x, s.y] });
  const sort = effectiveSort(s);
  const order = `ORDER BY ${ident(sort.column)} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST, "sae_id"`;
  // The outer SELECT sorts on the masked values, so sorting agrees with what is shown.
  return {
    sql: `SELECT * FROM (SELECT ${select.sql} FROM ${SAE_TABLE} ${where.sql}) ${order}`,
    params: [...select.params, ...where.params],
  };
}

/** Baseline rows (PCA) for the models and layers in the filter. Width, architecture, release and the other
 * filters do not apply: a baseline is a reference for every SAE on the same model and layer. */
export function baselineRowsQuery(s: Filters): SqlQuery {
  const select = maskedColumns(s.prov);
  const where = whereClause({ ...EMPTY_FILTERS, model: s.model, layer: s.layer });
  const cond = where.sql ? `${where.sql} AND "is_baseline"` : 'WHERE "is_baseline"';
  return {
    sql: `SELECT ${select.sql} FROM ${SAE_TABLE} ${cond} ORDER BY "model", "layer", "sae_id"`,
    params: [...select.params, ...where.params],
  };
}

/** How many SAEs in the whole dataset have each metric (for "no data here, n SAEs elsewhere"). */
export function metricTotalsQuery(): SqlQuery {
  return { sql: `SELECT ${METRICS.map((d) => `count(${ident(d.id)})::DOUBLE AS ${ident(d.id)}`).join(', ')} FROM ${SAE_TABLE}`, params: [] };
}

export interface FacetCount {
  value: string | number;
  n: number;
}

/** Count of SAEs per value of one dimension, under every other active filter. */
export function facetCountsQuery(f: Filters, axes: [string, string], key: DimensionKey): SqlQuery {
  const dim = DIMENSIONS.find((d) => d.key === key);
  if (!dim) throw new Error(`unknown dimension ${key}`);
  const where = whereClause(f, { except: key, axes });
  const valueExpr = key === 'prov' ? `unnest(list_distinct(${provenanceListSql()}))` : ident(dim.column);
  return {
    sql: `SELECT value, count(*)::DOUBLE AS n FROM (SELECT ${valueExpr} AS value FROM ${SAE_TABLE} ${where.sql}) WHERE value IS NOT NULL GROUP BY value ORDER BY value`,
    params: where.params,
  };
}

/** Every value of one dimension in the whole dataset (the option list). */
export function domainQuery(key: DimensionKey): SqlQuery {
  return facetCountsQuery(EMPTY_FILTERS, ['l0', 'l0'], key);
}

/** Every dimension's values in one round trip: rows of (dim, value as text); the caller restores types and order. */
export function allDomainsQuery(): SqlQuery {
  const parts = DIMENSIONS.map((d) => {
    const q = domainQuery(d.key);
    return { sql: `SELECT ? AS dim, CAST(value AS VARCHAR) AS value FROM (${q.sql})`, params: [d.key, ...q.params] };
  });
  return { sql: parts.map((p) => p.sql).join(' UNION ALL '), params: parts.flatMap((p) => p.params) };
}

export function saeIdsQuery(): SqlQuery {
  return { sql: `SELECT sae_id FROM ${SAE_TABLE}`, params: [] };
}

/** Every value found for one SAE, with provenance and source (for the detail panel). */
export function saeValuesQuery(saeId: string): SqlQuery {
  return {
    sql: `SELECT eval_type, metric_category, metric, value, provenance, source_repo, source_ref, source_path, note FROM ${VALUE_TABLE} WHERE sae_id = ? ORDER BY eval_type, metric_category, metric, provenance`,
    params: [saeId],
  };
}

export function saeByIdQuery(saeId: string): SqlQuery {
  return { sql: `SELECT * FROM ${SAE_TABLE} WHERE sae_id = ?`, params: [saeId] };
}
