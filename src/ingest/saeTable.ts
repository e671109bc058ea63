// The wide SAE table (one row per SAE) and the long value table, from the shipped CSVs.
import { TABLE_COLUMNS, columnType, PROVENANCE_COLUMNS } from '../catalog/columns.ts';
import { parseCsvRecords } from './csv.ts';
import { typedCell, type TypedColumn } from './arrowTable.ts';

export function wideCsvToColumns(text: string): TypedColumn[] {
  const { header, records } = parseCsvRecords(text);
  const unknown = header.filter((h) => !TABLE_COLUMNS.includes(h));
  if (unknown.length) throw new Error(`columns missing from the catalog: ${unknown.join(', ')}`);
  const absent = TABLE_COLUMNS.filter((c) => !header.includes(c));
  if (absent.length) throw new Error(`catalog columns missing from the CSV: ${absent.join(', ')}`);
  const ids = new Set<string>();
  for (const r of records) {
    const id = r.sae_id ?? '';
    if (!id || ids.has(id)) throw new Error(`sae_id "${id}" is empty or duplicated`);
    ids.add(id);
    for (const p of PROVENANCE_COLUMNS) {
      // The app filters provenance with IN (...); a mixed cell would need splitting.
      if ((r[p] ?? '').includes(';')) throw new Error(`${id}: mixed provenance in ${p} is not supported`);
    }
  }
  return TABLE_COLUMNS.map((name) => {
    const type = columnType(name) ?? 'string';
    return { name, type, values: records.map((r, i) => typedCell(r[name] ?? '', type, `row ${i + 2} ${name}`)) };
  });
}

const LONG_COLUMNS: [string, 'string' | 'number'][] = [
  ['sae_id', 'string'], ['eval_type', 'string'], ['metric_category', 'string'], ['metric', 'string'],
  ['value', 'number'], ['provenance', 'string'], ['source_repo', 'string'], ['source_ref', 'string'],
  ['source_path', 'string'], ['local_path', 'string'], ['note', 'string'],
];

export function longCsvToColumns(text: string): TypedColumn[] {
  const { records } = parseCsvRecords(text);
  return LONG_COLUMNS.map(([name, type]) => ({
    name,
    type,
    values: records.map((r, i) => typedCell(r[name] ?? '', type, `long row ${i + 2} ${name}`)),
  }));
}
