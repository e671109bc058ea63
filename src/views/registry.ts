// Every view in one place: its label, controls, the queries it states for a view state, the pure function
// from query results to its model, the caption saying what it pools, and the rows behind its CSV. The UI
// draws a model with the view's component (ui/views/); the data build runs the same queries to prefetch.
import { TABLE_COLUMNS } from '../catalog/columns.ts';
import { EVAL_HEADLINE } from '../catalog/metrics.ts';
import type { DatasetInfo } from '../data/datasetInfo.ts';
import { EMPTY_FRAME, rowsFromFrame, takeRows, type Frame } from '../data/frame.ts';
import { allFacetCountsQuery, baselineRowsQuery, binnedPointsQuery, countsQuery, coverageQuery, rowsQuery, sweepMatesQuery } from '../query/saeQueries.ts';
import type { SqlQuery } from '../query/sql.ts';
import { effectiveSort, groupColumn, type ViewKind, type ViewState } from '../state/viewState.ts';
import { AGREEMENT_EXPORT_COLUMNS, agreementColumns, agreementExportRows, agreementView, type AgreementView } from './agreementSpec.ts';
import { COVERAGE_EVALS, COVERAGE_EXPORT_COLUMNS, COVERAGE_GROUPINGS, coverageExportRows, coverageTable, type CoverageTable } from './coverageSpec.ts';
import { GRID_PANELS, gridColumns } from './gridSpec.ts';
import { facetPanels } from './facets.ts';
import { countOf } from './encodings.ts';
import { saeRows } from './groups.ts';
import { l0MatchedTable, type L0MatchedTable } from './l0MatchedSpec.ts';
import { PARETO_EXPORT_EXTRA, paretoSpec, paretoStatus, type ParetoSpec } from './paretoSpec.ts';
import { COMPARE_EXPORT_COLUMNS, compareColumns, compareExportRows, compareModel, type CompareModel } from './compareSpec.ts';
import { agreementFinding, gridFinding, matchedFinding, scalingFinding } from './findings.ts';
import { poolingCaption } from './pooling.ts';
import { SCALING_AXIS_DIMENSION, SCALING_EXPORT_COLUMNS, scalingColumns, scalingExportRows, scalingSpec, type ScalingSpec } from './scalingSpec.ts';
import { scatterSpec, xyColumns, type ScatterSpec, type UserPointInput } from './scatterSpec.ts';
import { binnedScatterSpec, type BinnedScatterSpec } from './binnedScatterSpec.ts';
import { visibleColumns } from './tableSpec.ts';

export type Control = 'x' | 'y' | 'log' | 'color' | 'facet' | 'lines' | 'fonly' | 'baselines' | 'scale' | 'window' | 'pool' | 'partial';

/** What a view's queries may depend on besides the state. */
export type DatasetSize = Pick<DatasetInfo, 'saeCount'> & { domains: { values: { arch: readonly (string | number)[] } } };

/** Baselines are asked for only where the dataset has some (the question costs a scan on a large one). */
const baselinesQuery = (s: ViewState, info: DatasetSize, columns: string[]): Record<string, SqlQuery> =>
  (info.domains.values.arch.includes('pca') ? { baselines: baselineRowsQuery(s, columns) } : {});
const baselinesOf = (d: Record<string, Frame>): Frame => d.baselines ?? EMPTY_FRAME;

export interface ViewContext {
  info: DatasetInfo;
  userPoints: readonly UserPointInput[];
}

export interface ExportTable {
  columns: string[];
  rows: Record<string, unknown>[];
}

export type RunQuery = (q: SqlQuery) => Promise<Frame>;

export interface ViewDef<M> {
  id: ViewKind;
  label: string;
  controls: readonly Control[];
  /** Has a figure to export (PNG/SVG). */
  figure: boolean;
  /** The queries this view needs; null for views without data (re-scoring). */
  queries(s: ViewState, info: DatasetSize): Record<string, SqlQuery> | null;
  /** Above this many filtered SAEs the view does not draw (it needs every SAE as a row); none: no limit. */
  maxRows?: number;
  model(data: Record<string, Frame>, s: ViewState, ctx: ViewContext): M;
  /** What the view shows and pools, in a sentence or two. */
  caption(m: M, s: ViewState, ctx: ViewContext): string;
  /** What the data shows, measured from the model (e.g. who is best at each width); null when nothing to say. */
  finding(m: M, s: ViewState): string | null;
  /** The rows behind the view's CSV (may run a query for every column). */
  exportRows(m: M, s: ViewState, run: RunQuery): Promise<ExportTable>;
  /** Words for export file names. */
  fileParts(s: ViewState): string[];
}

/** Every column of the filtered SAEs, as the dataset holds them (is_baseline and is_user as true/false). */
const allColumnsExport = async (s: ViewState, run: RunQuery, opts: Parameters<typeof rowsQuery>[2] = {}): Promise<ExportTable> => {
  const rows = rowsFromFrame(await run(rowsQuery(s, TABLE_COLUMNS, { axes: [s.x, s.y], ...opts })), TABLE_COLUMNS);
  return { columns: [...TABLE_COLUMNS], rows: rows.map((r) => ({ ...r, is_baseline: r.is_baseline === 1, is_user: r.is_user === 1 })) };
};

const xyParts = (s: ViewState) => [s.view, s.y, 'vs', s.x, ...s.model, ...s.arch];

export interface MatchedPanel {
  /** The facet panel's title ('' without facets). */
  label: string;
  table: L0MatchedTable;
}

export interface XyModel<S> {
  spec: S;
  matched: MatchedPanel[];
  rows: Frame;
}

/** Datasets above this many SAEs draw the scatter at a level of detail (binned in SQL). */
export const LOD_ROW_LIMIT = 5_000;
/** Views that draw every SAE as a row stop here and ask for narrower filters. */
export const ROW_VIEW_LIMIT = 50_000;

export type ScatterModel = XyModel<ScatterSpec> | { binned: BinnedScatterSpec };

/** The matched-L0 table, one per facet panel. */
function matchedPanels(f: Frame, s: ViewState): MatchedPanel[] {
  return facetPanels(f, s.facet, saeRows(f)).flatMap((p) => {
    const table = l0MatchedTable(s.facet ? takeRows(f, p.rows) : f, s);
    return table && table.groups.length ? [{ label: p.label, table }] : [];
  });
}

const matchedFindings = (m: XyModel<unknown>, s: ViewState) => {
  const parts = m.matched.flatMap((p) => {
    const text = matchedFinding(p.table, s.y);
    return text ? [p.label ? `${p.label}: ${text}` : text] : [];
  });
  return parts.length ? parts.join(' ') : null;
};

const xyQueries = (s: ViewState, info: DatasetSize) => ({ rows: rowsQuery(s, xyColumns(s), { axes: [s.x, s.y] }), ...baselinesQuery(s, info, [s.x, s.y]) });

const scatter: ViewDef<ScatterModel> = {
  id: 'scatter', label: 'Scatter', controls: ['x', 'log', 'y', 'color', 'facet', 'lines', 'baselines'], figure: true,
  queries: (s, info) => (info.saeCount > LOD_ROW_LIMIT
    ? { bins: binnedPointsQuery(s, s.x, s.y, { group: groupColumn(s) === s.color ? groupColumn(s) : 'architecture', logx: s.logx, logy: s.logy, xr: s.xr, yr: s.yr }), ...baselinesQuery(s, info, [s.x, s.y]) }
    : xyQueries(s, info)),
  model: (d, s, ctx) => (d.bins
    ? { binned: binnedScatterSpec(d.bins, baselinesOf(d), s) }
    : { spec: scatterSpec({ rows: d.rows!, baselines: baselinesOf(d), userPoints: ctx.userPoints }, s), matched: matchedPanels(d.rows!, s), rows: d.rows! }),
  caption: (m) => ('binned' in m
    ? `${m.binned.plotted.toLocaleString('en')} SAEs in ${m.binned.cells.toLocaleString('en')} grid cells of the visible range (${m.binned.exactCells.toLocaleString('en')} cells hold one SAE and are drawn exactly); zoom in for detail. Lines, panels and the matched-L0 table need at most ${LOD_ROW_LIMIT.toLocaleString('en')} SAEs in the dataset.`
    : `Pools ${poolingCaption(m.rows, saeRows(m.rows))}${m.spec.sweeps > 0 ? ' Lines, when on, join the SAEs of one sweep only.' : ''}`),
  finding: (m, s) => ('binned' in m ? null : matchedFindings(m, s)),
  exportRows: (_m, s, run) => allColumnsExport(s, run),
  fileParts: xyParts,
};

const pareto: ViewDef<XyModel<ParetoSpec>> = {
  id: 'pareto', label: 'Pareto', controls: ['x', 'log', 'y', 'color', 'facet', 'fonly', 'baselines'], figure: true, maxRows: ROW_VIEW_LIMIT,
  queries: xyQueries,
  model: (d, s, ctx) => ({ spec: paretoSpec({ rows: d.rows!, baselines: baselinesOf(d), userPoints: ctx.userPoints }, s), matched: matchedPanels(d.rows!, s), rows: d.rows! }),
  caption: (m) => `Pools ${poolingCaption(m.rows, saeRows(m.rows))} Each frontier is one sweep's; pooled frontiers compare the groups of one model, layer and width.`,
  finding: matchedFindings,
  exportRows: async (m, s, run) => {
    const all = await allColumnsExport(s, run);
    const ids = m.rows.columns.get('sae_id') as (string | null)[];
    const status = new Map([...paretoStatus({ rows: m.rows, baselines: m.rows }, s)].map(([i, st]) => [ids[i], st]));
    const rows = all.rows.filter((r) => r.is_baseline !== true).map((r) => {
      const st = status.get(String(r.sae_id));
      return { ...r, on_frontier: st?.on ?? false, frontier_group: st?.group ?? '', frontier_sweep: st?.sweep ?? '' };
    }).filter((r) => !s.fonly || r.on_frontier);
    return { columns: [...all.columns, ...PARETO_EXPORT_EXTRA], rows };
  },
  fileParts: xyParts,
};

export interface ScalingModel {
  spec: ScalingSpec;
  rows: Frame;
}

const scaling: ViewDef<ScalingModel> = {
  id: 'scaling', label: 'Scaling', controls: ['y', 'color', 'scale', 'window', 'pool', 'baselines'], figure: true, maxRows: 4 * ROW_VIEW_LIMIT,
  queries: (s, info) => ({
    rows: rowsQuery(s, scalingColumns(s), { except: SCALING_AXIS_DIMENSION[s.scale] }),
    ...baselinesQuery(s, info, [s.y, s.scale]),
  }),
  model: (d, s) => ({ spec: scalingSpec(d.rows!, baselinesOf(d), s), rows: d.rows! }),
  caption: (m, s) => {
    const used = m.spec.result.points.reduce((n, p) => n + p.n, 0);
    const pooled = s.pool ? ' Curves are pooled across models and layers (each point averages SAEs of several sweeps).' : ' One curve per model and layer; nothing is averaged across them.';
    return `Pools ${poolingCaption(m.rows, saeRows(m.rows))} ${countOf(used)} in ${m.spec.result.points.length} points.${pooled}`;
  },
  finding: (m, s) => scalingFinding(m.spec, s),
  exportRows: async (m, s) => ({ columns: SCALING_EXPORT_COLUMNS, rows: scalingExportRows(m.spec, s) }),
  fileParts: (s) => ['scaling', s.y, 'vs', s.scale, ...s.model, ...s.arch],
};

export interface GridModel {
  rows: Frame;
  baselines: Frame;
}

const grid: ViewDef<GridModel> = {
  id: 'grid', label: 'All metrics', controls: ['color', 'lines', 'baselines'], figure: true, maxRows: ROW_VIEW_LIMIT,
  queries: (s, info) => ({ rows: rowsQuery(s, gridColumns(s)), ...baselinesQuery(s, info, ['l0', ...GRID_PANELS.map((p) => p.metric)]) }),
  // The spec is laid out by the view, which knows the screen width.
  model: (d) => ({ rows: d.rows!, baselines: baselinesOf(d) }),
  caption: (m) => `Pools ${poolingCaption(m.rows, saeRows(m.rows))} Lines join the SAEs of one sweep.`,
  finding: (m, s) => gridFinding(m.rows, s),
  exportRows: (_m, s, run) => allColumnsExport(s, run, { axes: undefined }),
  fileParts: (s) => ['grid', ...s.model, ...s.width.map(String)],
};

export interface AgreementModel {
  view: AgreementView;
  rows: Frame;
}

const agreement: ViewDef<AgreementModel> = {
  id: 'agreement', label: 'Agreement', controls: ['partial'], figure: true, maxRows: 4 * ROW_VIEW_LIMIT,
  // "Only SAEs with both X and Y" does not apply: this view shows neither X nor Y.
  queries: (s) => ({ rows: rowsQuery({ ...s, both: false }, agreementColumns()) }),
  model: (d, s) => ({ view: agreementView(d.rows!, s), rows: d.rows! }),
  caption: (m) => `Pools ${poolingCaption(m.rows, m.view.rows)} Correlations across SAEs of different sweeps mix sparsity, width and architecture effects; "Control for log L0" removes the first.`,
  finding: (m) => agreementFinding(m.view),
  exportRows: async (m) => ({ columns: AGREEMENT_EXPORT_COLUMNS, rows: agreementExportRows(m.view) }),
  fileParts: (s) => ['agreement', s.partial ? 'partial' : 'spearman', ...s.model, ...s.width.map(String)],
};

export interface CoverageModel {
  tables: CoverageTable[];
  total: number;
}

const coverageEvalColumns = COVERAGE_EVALS.map((id) => ({ id, column: EVAL_HEADLINE[id] }));

const coverage: ViewDef<CoverageModel> = {
  id: 'coverage', label: 'Coverage', controls: [], figure: true,
  queries: (s) => Object.fromEntries(Object.entries(COVERAGE_GROUPINGS).map(([g, def]) => [g, coverageQuery(s, def.columns, coverageEvalColumns)])),
  model: (d) => {
    const tables = (Object.keys(COVERAGE_GROUPINGS) as (keyof typeof COVERAGE_GROUPINGS)[]).map((g) => coverageTable(g, d[g]!));
    return { tables, total: tables[0]!.groups.reduce((n, g) => n + g.total, 0) };
  },
  caption: (m) => `SAEs with a value for each eval among the ${countOf(m.total, 'filtered SAE')} (count / SAEs in the group). Empty cells are holes in the real data, never filled in.`,
  finding: () => null,
  exportRows: async (m) => ({ columns: COVERAGE_EXPORT_COLUMNS, rows: coverageExportRows(m.tables) }),
  fileParts: (s) => ['coverage', ...s.model],
};

/** The table shows this many rows at most (sorted in the database; the CSV has them all). */
export const TABLE_ROW_LIMIT = 5000;

export interface TableModel {
  rows: Frame;
  columns: string[];
}

const table: ViewDef<TableModel> = {
  id: 'table', label: 'Table', controls: ['x', 'log', 'y'], figure: false,
  queries: (s) => ({ rows: rowsQuery(s, [...visibleColumns(s), 'is_baseline', 'is_user'], { axes: [s.x, s.y], sort: effectiveSort(s), limit: TABLE_ROW_LIMIT }) }),
  model: (d, s) => ({ rows: d.rows!, columns: visibleColumns(s) }),
  caption: (m) => `${m.rows.length === TABLE_ROW_LIMIT ? `The first ${TABLE_ROW_LIMIT.toLocaleString('en')}` : countOf(m.rows.length)} in sort order (sorted in the database); click a header to sort, a row to see the SAE. Download CSV holds every filtered SAE.`,
  finding: () => null,
  exportRows: (_m, s, run) => allColumnsExport(s, run, { sort: effectiveSort(s) }),
  fileParts: (s) => ['table', ...s.model, ...s.arch],
};

const compare: ViewDef<CompareModel> = {
  id: 'compare', label: 'Compare', controls: [], figure: false,
  queries: (s) => ({ rows: sweepMatesQuery(s.cmp, compareColumns()) }),
  model: (d, s) => compareModel(d.rows!, s.cmp),
  caption: (m) => (m.saes.length
    ? `${m.saes.length} SAE${m.saes.length === 1 ? '' : 's'} side by side; each rank is within the SAE's own sweep (same model, layer, width and architecture), 1 = best by the metric's direction.`
    : ''),
  finding: () => null,
  exportRows: async (m) => ({ columns: COMPARE_EXPORT_COLUMNS, rows: compareExportRows(m) }),
  fileParts: (s) => ['compare', ...s.cmp],
};

const rescore: ViewDef<null> = {
  id: 'rescore', label: 'Re-score an SAE', controls: [], figure: false,
  queries: () => null,
  model: () => null,
  caption: () => '',
  finding: () => null,
  exportRows: async () => ({ columns: [], rows: [] }),
  fileParts: () => ['rescore'],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const VIEW_DEFS: Record<ViewKind, ViewDef<any>> = { scatter, pareto, scaling, grid, agreement, coverage, table, compare, rescore };

/** The filter panel's queries: facet counts and how many filtered SAEs have each metric. */
export function panelQueries(s: ViewState): Record<string, SqlQuery> {
  return { facets: allFacetCountsQuery(s, [s.x, s.y]), counts: countsQuery(s, { axes: [s.x, s.y] }) };
}
