// Query results as columns: numbers in Float64Arrays (NaN = missing), text as arrays. Specs read the columns
// they need by name; nothing builds one object per row on the hot path.
import { Type } from 'apache-arrow';

export type FrameColumn = Float64Array | (string | null)[];

export interface Frame {
  readonly length: number;
  readonly columns: ReadonlyMap<string, FrameColumn>;
}

export const EMPTY_FRAME: Frame = { length: 0, columns: new Map() };

/** A numeric column; a column the query did not return reads as all-missing. */
export function num(f: Frame, name: string): Float64Array {
  const c = f.columns.get(name);
  if (c instanceof Float64Array) return c;
  if (c === undefined) return new Float64Array(f.length).fill(Number.NaN);
  throw new Error(`column ${name} is text, not numbers`);
}

/** A text column; numbers are written as text. */
export function str(f: Frame, name: string): (string | null)[] {
  const c = f.columns.get(name);
  if (c === undefined) return new Array<string | null>(f.length).fill(null);
  if (c instanceof Float64Array) return Array.from(c, (v) => (Number.isNaN(v) ? null : String(v)));
  return c;
}

// The structural slice of an Arrow table we read, so tables from another copy of apache-arrow (DuckDB's
// Node build loads its own) convert too.
interface ArrowData {
  length: number;
  offset: number;
  nullCount: number;
  nullBitmap?: Uint8Array | null;
  values: ArrayLike<number | bigint>;
}
interface ArrowVector {
  length: number;
  type: { typeId: number };
  data: readonly ArrowData[];
  get(i: number): unknown;
}
export interface ArrowTableLike {
  numRows: number;
  schema: { fields: readonly { name: string; type: { typeId: number } }[] };
  getChildAt(i: number): ArrowVector | null;
}

const NUMERIC = new Set<number>([Type.Float, Type.Int]);

function numericColumn(v: ArrowVector): Float64Array {
  const out = new Float64Array(v.length);
  let at = 0;
  for (const d of v.data) {
    const bitmap = d.nullCount > 0 ? d.nullBitmap : null;
    for (let i = 0; i < d.length; i++) {
      const bit = d.offset + i;
      const valid = !bitmap || (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
      out[at++] = valid ? Number(d.values[i]!) : Number.NaN;
    }
  }
  return out;
}

function otherColumn(name: string, v: ArrowVector, typeId: number): FrameColumn {
  // DECIMAL (e.g. an untyped literal like 0.5) has no exact JS number; queries cast to DOUBLE instead.
  if (typeId === Type.Decimal) throw new Error(`column ${name} came back as DECIMAL; cast it to DOUBLE in the query`);
  if (typeId === Type.Bool) {
    return Float64Array.from({ length: v.length }, (_, i) => {
      const x = v.get(i);
      return x === null || x === undefined ? Number.NaN : Number(x);
    });
  }
  return Array.from({ length: v.length }, (_, i) => {
    const x = v.get(i);
    return x === null || x === undefined ? null : String(x);
  });
}

export function frameFromArrow(table: ArrowTableLike): Frame {
  const columns = new Map<string, FrameColumn>();
  table.schema.fields.forEach((field, i) => {
    const v = table.getChildAt(i);
    if (!v) return;
    columns.set(field.name, NUMERIC.has(field.type.typeId) ? numericColumn(v) : otherColumn(field.name, v, field.type.typeId));
  });
  return { length: table.numRows, columns };
}

/** Plain objects -> a frame (tests, user points). A column is numeric when every present value is a number or boolean. */
export function frameFromRows(rows: readonly Record<string, unknown>[], names?: readonly string[]): Frame {
  const keys = names ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns = new Map<string, FrameColumn>();
  for (const k of keys) {
    const numeric = rows.every((r) => r[k] === null || r[k] === undefined || typeof r[k] === 'number' || typeof r[k] === 'boolean');
    columns.set(k, numeric
      ? Float64Array.from(rows, (r) => (typeof r[k] === 'number' ? (r[k] as number) : typeof r[k] === 'boolean' ? Number(r[k]) : Number.NaN))
      : rows.map((r) => (r[k] === null || r[k] === undefined ? null : String(r[k]))));
  }
  return { length: rows.length, columns };
}

/** One object per row (exports, small tables): NaN -> null. */
export function rowsFromFrame(f: Frame, names?: readonly string[]): Record<string, string | number | null>[] {
  const keys = names ?? [...f.columns.keys()];
  const cols = keys.map((k) => [k, f.columns.get(k)] as const);
  return Array.from({ length: f.length }, (_, i) => {
    const row: Record<string, string | number | null> = {};
    for (const [k, c] of cols) {
      const v = c?.[i];
      row[k] = v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
    }
    return row;
  });
}

/** Rows i of a frame, as a new frame (a filter or a reorder). */
export function takeRows(f: Frame, index: ArrayLike<number>): Frame {
  const columns = new Map<string, FrameColumn>();
  for (const [k, c] of f.columns) {
    columns.set(k, c instanceof Float64Array ? Float64Array.from({ length: index.length }, (_, j) => c[index[j]!]!) : Array.from({ length: index.length }, (_, j) => c[index[j]!] ?? null));
  }
  return { length: index.length, columns };
}
