// Splits rows into the groups that become traces (one colour and marker shape per group). Pure.
import { architectureStyle, categoryColor, categoryLabel, categorySymbol } from './encodings.ts';

export type SaeRow = Record<string, unknown>;

export interface RowGroup {
  key: string;
  label: string;
  color: string;
  symbol: string;
  rows: SaeRow[];
}

export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const isBaseline = (r: SaeRow): boolean => r.is_baseline === true;

const NUMERIC_GROUPS = new Set(['dict_size', 'layer', 'training_tokens']);

/** Groups in a stable order (numbers ascending, text by code unit); styles follow that order. */
export function groupRows(rows: readonly SaeRow[], column: string): RowGroup[] {
  const map = new Map<string, SaeRow[]>();
  for (const r of rows) {
    const key = String(r[column] ?? '');
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }
  const keys = [...map.keys()].sort((a, b) => (NUMERIC_GROUPS.has(column) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key, i) => {
    const groupRowsList = map.get(key) ?? [];
    const style = column === 'architecture' ? architectureStyle(key, i) : { color: categoryColor(i), symbol: categorySymbol(i) };
    return { key, label: categoryLabel(column, groupRowsList[0]?.[column]), ...style, rows: groupRowsList };
  });
}
