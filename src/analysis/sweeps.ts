// A sweep is one model, layer, width, architecture, release and training length: the SAEs of one trainer
// family ordered by L0. SAEBench comparisons are only meaningful within a sweep, so lines, interpolation
// and window averages are computed per sweep, and captions say how many sweeps a view pools.
import { num, str, type Frame } from '../data/frame.ts';

export const SWEEP_COLUMNS = ['release', 'model', 'layer', 'dict_size', 'architecture', 'training_tokens'] as const;
export type SweepColumn = (typeof SWEEP_COLUMNS)[number];

const NUMERIC: ReadonlySet<SweepColumn> = new Set(['layer', 'dict_size', 'training_tokens']);

function cell(f: Frame, c: SweepColumn): (i: number) => string {
  if (NUMERIC.has(c)) {
    const col = num(f, c);
    return (i) => (Number.isNaN(col[i]!) ? '' : String(col[i]));
  }
  const col = str(f, c);
  return (i) => col[i] ?? '';
}

/** A key per row naming its sweep; `except` leaves columns out (the scaled axis of a scaling curve). */
export function sweepKeys(f: Frame, except: readonly SweepColumn[] = []): string[] {
  const cells = SWEEP_COLUMNS.filter((c) => !except.includes(c)).map((c) => cell(f, c));
  return Array.from({ length: f.length }, (_, i) => cells.map((c) => c(i)).join('|'));
}

/** Row indices per key, keys in first-seen order. */
export function indexBy(keys: readonly string[], rows?: Iterable<number>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const i of rows ?? keys.keys()) {
    const k = keys[i]!;
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

export interface Pooling {
  sweeps: number;
  /** Distinct values per sweep column among the rows. */
  distinct: Record<SweepColumn, string[]>;
}

export function pooling(f: Frame, rows: Iterable<number>): Pooling {
  const list = [...rows];
  const distinct = {} as Record<SweepColumn, string[]>;
  for (const c of SWEEP_COLUMNS) {
    const get = cell(f, c);
    distinct[c] = [...new Set(list.map(get))].filter((v) => v !== '').sort((a, b) => (NUMERIC.has(c) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  }
  const keys = sweepKeys(f);
  return { sweeps: new Set(list.map((i) => keys[i])).size, distinct };
}
