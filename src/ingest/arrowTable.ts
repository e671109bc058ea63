// Typed columns -> Arrow IPC stream bytes (the format DuckDB-WASM ingests without extensions).
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { ColumnType } from '../catalog/columns.ts';

export type CellValue = string | number | boolean | null;

export interface TypedColumn {
  name: string;
  type: ColumnType;
  values: CellValue[];
}

function arrowType(t: ColumnType): DataType {
  if (t === 'number') return new Float64();
  if (t === 'boolean') return new Bool();
  return new Utf8();
}

export function columnsToArrowIpc(columns: TypedColumn[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) vectors[c.name] = vectorFromArray(c.values, arrowType(c.type));
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
