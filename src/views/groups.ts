// Splits rows into the groups that become traces (one colour and marker shape per group). Pure.
import { num, str, type Frame } from '../data/frame.ts';
import { architectureStyle, categoryColor, categoryLabel, categorySymbol } from './encodings.ts';

export interface RowGroup {
  key: string;
  label: string;
  color: string;
  symbol: string;
  /** Row indices into the frame. */
  rows: number[];
}

const NUMERIC_GROUPS = new Set(['dict_size', 'layer', 'training_tokens']);

/** Indices of the rows that are SAEs (not baselines), optionally only those passing `keep`. */
export function saeRows(f: Frame, keep?: (i: number) => boolean): number[] {
  const baseline = num(f, 'is_baseline');
  const out: number[] = [];
  for (let i = 0; i < f.length; i++) if (baseline[i] !== 1 && (!keep || keep(i))) out.push(i);
  return out;
}

/** Groups in a stable order (numbers ascending, text by code unit); styles follow that order. */
export function groupRows(f: Frame, column: string, rows: readonly number[]): RowGroup[] {
  const numeric = NUMERIC_GROUPS.has(column);
  const values = numeric ? num(f, column) : str(f, column);
  const map = new Map<string, number[]>();
  for (const i of rows) {
    const v = values[i];
    const key = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v);
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  }
  const keys = [...map.keys()].sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key, i) => {
    const style = column === 'architecture' ? architectureStyle(key, i) : { color: categoryColor(i), symbol: categorySymbol(i) };
    return { key, label: key === '' ? '(none)' : categoryLabel(column, numeric ? Number(key) : key), ...style, rows: map.get(key)! };
  });
}
