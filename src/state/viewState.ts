// The app's whole state. Its shape is the URL's shape (see urlCodec.ts and README "URL parameters").
import { DIMENSIONS } from '../catalog/columns.ts';
import { axisById, metricById } from '../catalog/metrics.ts';
import type { Domains } from '../data/datasetInfo.ts';

/** Version 2 opens on one sweep per architecture (Gemma-2-2B, layer 12, 65k); version-1 links keep their meaning. */
export const URL_VERSION = 2;

export const VIEWS = ['scatter', 'pareto', 'scaling', 'grid', 'agreement', 'coverage', 'table', 'compare', 'rescore'] as const;
export type ViewKind = (typeof VIEWS)[number];

/** Columns the scatter and Pareto views can split into small multiples ('' = one plot). */
export const FACET_COLUMNS = ['', 'dict_size', 'model', 'layer', 'architecture', 'release'] as const;
export type FacetColumn = (typeof FACET_COLUMNS)[number];

/** What the scaling view puts on its X axis. */
export const SCALING_AXES = ['dict_size', 'training_tokens', 'layer'] as const;
export type ScalingAxis = (typeof SCALING_AXES)[number];

export interface Filters {
  arch: string[];
  model: string[];
  width: number[];
  layer: number[];
  release: string[];
  prov: string[];
  tokens: number[];
  l0min: number | null;
  l0max: number | null;
  /** Only SAEs that have both the X and the Y value. */
  both: boolean;
}

export interface SortSpec {
  column: string;
  desc: boolean;
}

export interface ViewState extends Filters {
  view: ViewKind;
  x: string;
  y: string;
  /** A categorical column (architecture, model, dict_size, layer, release) or a metric id. */
  color: string;
  logx: boolean;
  logy: boolean;
  /** Selected SAE (stable sae_id). */
  sel: string | null;
  /** SAEs side by side in the compare view (at most four). */
  cmp: string[];
  /** Zoomed axis ranges in data units (scatter, Pareto); null: fit the data. */
  xr: [number, number] | null;
  yr: [number, number] | null;
  /** Where the dataset comes from (a folder with manifest.json); null: the bundled SAEBench data. */
  data: string | null;
  /** Extra table columns beyond the default ones. */
  cols: string[];
  /** null: sort by Y, better first. */
  sort: SortSpec | null;
  /** Scatter and Pareto: small multiples, one panel per value of this column ('' = one plot). */
  facet: FacetColumn;
  /** Connect each sweep's points in X order (the paper-figure style). */
  lines: boolean;
  /** Pareto view: draw frontier points only. */
  fonly: boolean;
  /** Draw baseline rows (PCA) as reference lines/markers instead of leaving them out. */
  baselines: boolean;
  /** Scaling view: X axis. */
  scale: ScalingAxis;
  /** Scaling view: the L0 window each point averages over (inclusive). */
  wmin: number;
  wmax: number;
  /** Scaling view: average across models and layers (off: one curve per model and layer). */
  pool: boolean;
  /** Agreement view: partial Spearman correlation controlling for log L0. */
  partial: boolean;
}

export const EMPTY_FILTERS: Filters = {
  arch: [], model: [], width: [], layer: [], release: [], prov: [], tokens: [],
  l0min: null, l0max: null, both: false,
};

export function defaultLog(metricId: string): boolean {
  return axisById(metricId)?.defaultLog ?? false;
}

/** What a version-1 link meant by leaving a key out. */
export const V1_DEFAULTS: ViewState = {
  ...EMPTY_FILTERS,
  view: 'scatter',
  x: 'l0',
  y: 'ce_loss_score',
  color: 'architecture',
  logx: defaultLog('l0'),
  logy: defaultLog('ce_loss_score'),
  sel: null,
  cmp: [],
  xr: null,
  yr: null,
  data: null,
  facet: '',
  cols: [],
  sort: null,
  lines: false,
  fonly: false,
  baselines: true,
  scale: 'dict_size',
  wmin: 40,
  wmax: 200,
  pool: false,
  partial: false,
};

/** The default view: a slice where architectures compare within one sweep each (one model, layer, width),
 * lines per sweep as in the paper's figures. The scaling window's lower edge sits below the suite's k = 40
 * trainers (L0 37.8–42.9), not on them. */
export const DEFAULT_STATE: ViewState = {
  ...V1_DEFAULTS,
  model: ['gemma-2-2b'],
  layer: [12],
  width: [65536],
  release: ['sae_bench_0125'],
  lines: true,
  wmin: 36,
};

/** The default view for a dataset: default filter values it does not have fall away (a synthetic or
 * ingested dataset has no gemma-2-2b, so it opens on everything). */
export function defaultsFor(domains: Domains): ViewState {
  const out: ViewState = { ...DEFAULT_STATE };
  for (const d of DIMENSIONS) {
    const known = domains.values[d.key] as (string | number)[];
    (out as unknown as Record<string, unknown>)[d.key] = (DEFAULT_STATE[d.key] as (string | number)[]).filter((v) => known.includes(v));
  }
  return out;
}

/** The categorical column that groups points into traces, frontiers and lines: the colour column, or
 * architecture when colour is a continuous metric. */
export function groupColumn(s: Pick<ViewState, 'color'>): string {
  return metricById(s.color) ? 'architecture' : s.color;
}

/** Default sort of a metric column: better values first (descending when higher is better; for a metric
 * best at a target, `desc: false` means closest to the target first). */
export function betterFirst(column: string): SortSpec {
  const dir = axisById(column)?.direction;
  return { column, desc: dir === 'higher' };
}

export function effectiveSort(s: ViewState): SortSpec {
  return s.sort ?? betterFirst(s.y);
}
