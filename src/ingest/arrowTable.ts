// Typed columns -> Arrow IPC stream bytes (the format DuckDB-WASM ingests without extensions).
import { Bool, Float64, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { ColumnType } from '../catalog/columns.ts';

export type CellValue = string | number | boolean | null;

export interface TypedColumn {
  name: string;
  type: ColumnType;
  values: CellValue[];
}

/** Validity bits, one per row, least significant bit first (Arrow's layout). */
function bits(n: number, set: (i: number) => boolean): Uint8Array {
  const out = new Uint8Array(Math.ceil(n / 8));
  for (let i = 0; i < n; i++) if (set(i)) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

// Arrow's builders (vectorFromArray) compile a null check with new Function, which the page's content security
// policy forbids; the buffers are laid out by hand instead.
function vectorOf(c: TypedColumn): Vector {
  const n = c.values.length;
  const valid = (i: number) => c.values[i] !== null && c.values[i] !== undefined;
  const nullBitmap = bits(n, valid);
  const nullCount = c.values.filter((_, i) => !valid(i)).length;
  if (c.type === 'number') {
    const data = Float64Array.from(c.values, (v) => (typeof v === 'number' ? v : Number.NaN));
    return makeVector(makeData({ type: new Float64(), length: n, nullCount, nullBitmap, data }));
  }
  if (c.type === 'boolean') {
    return makeVector(makeData({ type: new Bool(), length: n, nullCount, nullBitmap, data: bits(n, (i) => c.values[i] === true) }));
  }
  const encoder = new TextEncoder();
  const encoded = c.values.map((v) => (v === null || v === undefined ? new Uint8Array() : encoder.encode(String(v))));
  const valueOffsets = new Int32Array(n + 1);
  encoded.forEach((b, i) => (valueOffsets[i + 1] = valueOffsets[i]! + b.length));
  const data = new Uint8Array(valueOffsets[n]!);
  encoded.forEach((b, i) => data.set(b, valueOffsets[i]!));
  return makeVector(makeData({ type: new Utf8(), length: n, nullCount, nullBitmap, valueOffsets, data }));
}

export function columnsToArrowIpc(columns: TypedColumn[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) vectors[c.name] = vectorOf(c);
  return tableToIPC(new Table(vectors), 'stream');
}

/** A CSV cell as a typed value; empty means missing. Throws on a value that does not fit the type. */
export function typedCell(raw: string, type: ColumnType, where: string): CellValue {
  if (raw === '') return null;
  if (type === 'string') return raw;
  if (type === 'boolean') {
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    throw new Error(`${where}: "${raw}" is not true/false`);
  }
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${where}: "${raw}" is not a number`);
  return n;
}
