// The app's whole state. Its shape is the URL's shape (see urlCodec.ts and README "URL parameters").
import { metricById } from '../catalog/metrics.ts';

export const URL_VERSION = 1;

export const VIEWS = ['scatter', 'table', 'rescore'] as const;
export type ViewKind = (typeof VIEWS)[number];

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
  /** Extra table columns beyond the default ones. */
  cols: string[];
  /** null: sort by Y, better first. */
  sort: SortSpec | null;
}

export const EMPTY_FILTERS: Filters = {
  arch: [], model: [], width: [], layer: [], release: [], prov: [], tokens: [],
  l0min: null, l0max: null, both: false,
};

export function defaultLog(metricId: string): boolean {
  return metricById(metricId)?.defaultLog ?? false;
}

export const DEFAULT_STATE: ViewState = {
  ...EMPTY_FILTERS,
  view: 'scatter',
  x: 'l0',
  y: 'ce_loss_score',
  color: 'architecture',
  logx: defaultLog('l0'),
  logy: defaultLog('ce_loss_score'),
  sel: null,
  cols: [],
  sort: null,
};

/** Default sort of a metric column: better values first (descending when higher is better). */
export function betterFirst(column: string): SortSpec {
  const dir = metricById(column)?.direction;
  return { column, desc: dir !== 'lower' && dir !== 'control' };
}

export function effectiveSort(s: ViewState): SortSpec {
  return s.sort ?? betterFirst(s.y);
}
