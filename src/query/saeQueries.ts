// Query builders. Each is pure: state in, SQL with ? placeholders and parameters out; the coordinator runs
// them. A view asks for the columns it draws, never for every column.
import { DIMENSIONS, IDENTITY_COLUMNS, provenanceColumnOf, type DimensionKey } from '../catalog/columns.ts';
import { axisById, METRICS, metricById } from '../catalog/metrics.ts';
import { EMPTY_FILTERS, type Filters, type SortSpec } from '../state/viewState.ts';
import { metricExpr, provenanceListSql, whereClause, type WhereOptions } from './filters.ts';
import { USER_VALUE_TABLE } from './schema.ts';
import { ident, type SqlParam, type SqlQuery } from './sql.ts';

export const SAE_TABLE = 'saes';
export const VALUE_TABLE = 'metric_values';

const IDENTITY = new Set(IDENTITY_COLUMNS.map((c) => c.id));

/** SELECT list for the given columns: a metric is masked by the provenance filter and brings its provenance
 * column along (`<id>_prov`), so hover and tables can say where each value comes from. */
export function selectColumns(ids: readonly string[], prov: readonly string[]): { sql: string; params: SqlParam[] } {
  const params: SqlParam[] = [];
  const parts: string[] = [];
  for (const id of new Set(ids)) {
    if (IDENTITY.has(id)) {
      parts.push(id === 'is_baseline' || id === 'is_user' ? `${ident(id)}::DOUBLE AS ${ident(id)}` : ident(id));
      continue;
    }
    const def = axisById(id);
    if (!def) {
      parts.push(ident(id)); // a provenance column asked for by name (table columns)
      continue;
    }
    const e = metricExpr(id, prov);
    params.push(...e.params);
    parts.push(`${e.sql} AS ${ident(id)}`);
    if (metricById(id)) {
      const p = provenanceColumnOf(id);
      parts.push(prov.length ? `CASE WHEN ${ident(p)} IN (${prov.map(() => '?').join(', ')}) THEN ${ident(p)} END AS ${ident(p)}` : ident(p));
      params.push(...prov);
    }
  }
  return { sql: parts.join(', '), params };
}

/** ORDER BY for a sort spec; metrics best at a target sort by their distance to it. */
function orderBy(sort: SortSpec | undefined): { sql: string; params: SqlParam[] } {
  if (!sort) return { sql: 'ORDER BY "sae_id"', params: [] };
  const def = axisById(sort.column);
  const dir = sort.desc ? 'DESC' : 'ASC';
  if (def?.direction === 'target') {
    return { sql: `ORDER BY abs(${ident(sort.column)} - ?) ${dir} NULLS LAST, "sae_id"`, params: [def.target ?? 1] };
  }
  return { sql: `ORDER BY ${ident(sort.column)} ${dir} NULLS LAST, "sae_id"`, params: [] };
}

export interface RowsOptions extends WhereOptions {
  sort?: SortSpec;
  limit?: number;
}

/** The filtered SAEs (baselines included, as rows that match), with the given columns. */
export function rowsQuery(f: Filters, columns: readonly string[], opts: RowsOptions = {}): SqlQuery {
  const select = selectColumns(columns, f.prov);
  const where = whereClause(f, opts);
  // The outer SELECT sorts on the masked values, so sorting agrees with what is shown.
  const order = orderBy(opts.sort);
  const limit = opts.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(opts.limit))}` : '';
  return {
    sql: `SELECT * FROM (SELECT ${select.sql} FROM ${SAE_TABLE} ${where.sql}) ${order.sql}${limit}`,
    params: [...select.params, ...where.params, ...order.params],
  };
}

/** Baseline rows (PCA) of the models and layers that the filtered SAEs are on: a baseline is a reference for
 * every SAE of its model and layer, so width, architecture and the other filters do not apply to it. */
export function baselineRowsQuery(f: Filters, columns: readonly string[]): SqlQuery {
  const select = selectColumns(['sae_id', 'model', 'layer', ...columns], f.prov);
  const where = whereClause(f);
  const inView = `SELECT DISTINCT "model", "layer" FROM ${SAE_TABLE} ${where.sql ? `${where.sql} AND` : 'WHERE'} NOT "is_baseline"`;
  return {
    sql: `SELECT ${select.sql} FROM ${SAE_TABLE} WHERE "is_baseline" AND ("model", "layer") IN (${inView}) ORDER BY "model", "layer", "sae_id"`,
    params: [...select.params, ...where.params],
  };
}

/** How many filtered SAEs there are and how many have each metric (for the row count and the metric picker). */
export function countsQuery(f: Filters, opts: WhereOptions = {}): SqlQuery {
  const where = whereClause(f, opts);
  const params: SqlParam[] = [];
  const counts = METRICS.map((d) => {
    const e = metricExpr(d.id, f.prov);
    params.push(...e.params);
    return `count(${e.sql})::DOUBLE AS ${ident(d.id)}`;
  });
  return {
    sql: `SELECT count(*)::DOUBLE AS "n", count(*) FILTER (WHERE NOT "is_baseline")::DOUBLE AS "n_saes", ${counts.join(', ')} FROM ${SAE_TABLE} ${where.sql}`,
    params: [...params, ...where.params],
  };
}

/** Count of SAEs per value of one dimension, under every other active filter. */
export function facetCountsQuery(f: Filters, axes: [string, string], key: DimensionKey): SqlQuery {
  const dim = DIMENSIONS.find((d) => d.key === key);
  if (!dim) throw new Error(`unknown dimension ${key}`);
  const where = whereClause(f, { except: key, axes });
  const valueExpr = key === 'prov' ? `unnest(${provenanceListSql()})` : ident(dim.column);
  return {
    sql: `SELECT value, count(*)::DOUBLE AS n FROM (SELECT ${valueExpr} AS value FROM ${SAE_TABLE} ${where.sql}) WHERE value IS NOT NULL GROUP BY value ORDER BY value`,
    params: where.params,
  };
}

/** Every dimension's counts in one round trip: rows of (dim, value as text, n). */
export function allFacetCountsQuery(f: Filters, axes: [string, string]): SqlQuery {
  const parts = DIMENSIONS.map((d) => {
    const q = facetCountsQuery(f, axes, d.key);
    return { sql: `SELECT ? AS dim, CAST(value AS VARCHAR) AS value, n FROM (${q.sql})`, params: [d.key, ...q.params] };
  });
  return { sql: parts.map((p) => p.sql).join(' UNION ALL '), params: parts.flatMap((p) => p.params) };
}

/** Every value of every dimension in the whole dataset (the option lists; built into the manifest). */
export function allDomainsQuery(): SqlQuery {
  return allFacetCountsQuery(EMPTY_FILTERS, ['l0', 'l0']);
}

/** SAEs with a value per metric, in the whole dataset and per model (for "no data here, n SAEs elsewhere"). */
export function metricTotalsByModelQuery(): SqlQuery {
  return {
    sql: `SELECT "model", ${METRICS.map((d) => `count(${ident(d.id)})::DOUBLE AS ${ident(d.id)}`).join(', ')} FROM ${SAE_TABLE} WHERE NOT "is_baseline" GROUP BY "model" ORDER BY "model"`,
    params: [],
  };
}

export function saeIdsQuery(): SqlQuery {
  return { sql: `SELECT sae_id FROM ${SAE_TABLE} ORDER BY sae_id`, params: [] };
}

/** Every value found for one SAE, with provenance and source (for the detail panel), the user's own included. */
export function saeValuesQuery(saeId: string): SqlQuery {
  const cols = 'eval_type, metric_category, metric, value, provenance, source_repo, source_ref, source_path, note';
  return {
    sql: `SELECT * FROM (SELECT ${cols} FROM ${VALUE_TABLE} WHERE sae_id = ? UNION ALL SELECT ${cols} FROM ${USER_VALUE_TABLE} WHERE sae_id = ?) ORDER BY eval_type, metric_category, metric, provenance`,
    params: [saeId, saeId],
  };
}

export function saeByIdQuery(saeId: string): SqlQuery {
  return { sql: `SELECT * REPLACE ("is_baseline"::DOUBLE AS "is_baseline") FROM ${SAE_TABLE} WHERE sae_id = ?`, params: [saeId] };
}

/** Per group (architecture, or model and width): SAEs, and how many have each eval's headline metric. */
export function coverageQuery(f: Filters, groupColumns: readonly string[], evals: readonly { id: string; column: string }[]): SqlQuery {
  const where = whereClause(f);
  const params: SqlParam[] = [];
  const counts = evals.map((e) => {
    const m = metricExpr(e.column, f.prov);
    params.push(...m.params);
    return `count(${m.sql})::DOUBLE AS ${ident(e.id)}`;
  });
  const keys = groupColumns.map(ident).join(', ');
  return {
    sql: `SELECT ${keys}, count(*)::DOUBLE AS "total", ${counts.join(', ')} FROM ${SAE_TABLE} ${where.sql} GROUP BY ${keys} ORDER BY ${keys}`,
    params: [...params, ...where.params],
  };
}

/** Grid cells per axis for level-of-detail scatter plots of large datasets: about the plot's size in
 * 3-pixel cells, so a cell is what a marker covers anyway. */
export const LOD_BINS: [number, number] = [300, 200];

export interface BinnedOptions {
  group: string;
  logx: boolean;
  logy: boolean;
  xr: [number, number] | null;
  yr: [number, number] | null;
  bins?: [number, number];
}

/** The filtered SAEs (baselines aside) binned on a grid over the visible range, per group: each occupied cell
 * with its count, mean position and one SAE of it; a cell of one SAE is that SAE exactly. */
export function binnedPointsQuery(f: Filters, x: string, y: string, o: BinnedOptions): SqlQuery {
  const xe = metricExpr(x, f.prov);
  const ye = metricExpr(y, f.prov);
  const where = whereClause(f, { axes: [x, y] });
  const [nx, ny] = o.bins ?? LOD_BINS;
  const t = (v: string, log: boolean) => (log ? `log10(${v})` : v);
  const conds = ['x IS NOT NULL', 'y IS NOT NULL', 'isfinite(x)', 'isfinite(y)', ...(o.logx ? ['x > 0'] : []), ...(o.logy ? ['y > 0'] : [])];
  const params: SqlParam[] = [...xe.params, ...ye.params, ...where.params];
  if (o.xr) {
    conds.push('x BETWEEN ? AND ?');
    params.push(...o.xr);
  }
  if (o.yr) {
    conds.push('y BETWEEN ? AND ?');
    params.push(...o.yr);
  }
  const pts = `SELECT CAST(${ident(o.group)} AS VARCHAR) AS g, ${xe.sql} AS x, ${ye.sql} AS y, "sae_id" FROM ${SAE_TABLE} ${where.sql ? `${where.sql} AND` : 'WHERE'} NOT "is_baseline"`;
  const sql = `WITH p AS (SELECT * FROM (${pts}) WHERE ${conds.join(' AND ')}),
    r AS (SELECT min(${t('x', o.logx)}) AS x0, max(${t('x', o.logx)}) AS x1, min(${t('y', o.logy)}) AS y0, max(${t('y', o.logy)}) AS y1 FROM p)
    SELECT g, count(*)::DOUBLE AS n, avg(x)::DOUBLE AS x, avg(y)::DOUBLE AS y, min("sae_id") AS sae_id
    FROM (SELECT p.*, floor((${t('x', o.logx)} - x0) / coalesce(nullif(x1 - x0, 0), 1) * ${nx - 1}) AS cx,
                      floor((${t('y', o.logy)} - y0) / coalesce(nullif(y1 - y0, 0), 1) * ${ny - 1}) AS cy FROM p, r)
    GROUP BY g, cx, cy ORDER BY g, cx, cy`;
  return { sql, params };
}

/** These SAEs and every SAE of their sweeps (for ranks within a sweep), unfiltered and unmasked. */
export function sweepMatesQuery(ids: readonly string[], columns: readonly string[]): SqlQuery {
  const select = selectColumns(columns, []);
  const same = (cols: readonly string[]) => cols.map(ident).map((c) => `${SAE_TABLE}.${c} IS NOT DISTINCT FROM t.${c}`).join(' AND ');
  const list = ids.length ? ids.map(() => '?').join(', ') : 'NULL';
  // A bundled SAE's mates are its sweep; one of yours is set among the sweeps of its model, layer, width and
  // architecture (where it would rank had it been trained with them).
  return {
    sql: `WITH t AS (SELECT release, model, layer, dict_size, architecture, training_tokens, is_user FROM ${SAE_TABLE} WHERE sae_id IN (${list}))
      SELECT ${select.sql} FROM ${SAE_TABLE} WHERE EXISTS (SELECT 1 FROM t WHERE ${same(['model', 'layer', 'dict_size', 'architecture'])}
        AND (t.is_user OR (${same(['release', 'training_tokens'])})))
      ORDER BY "sae_id"`,
    params: [...ids, ...select.params],
  };
}
