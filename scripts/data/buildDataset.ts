// The dataset the app ships, from data/saebench: the shared wide CSV's SAE identities, every value of the
// long CSV plus the published values of sources I and J mapped onto their SAEs, pivoted into one row per SAE.
// Every step is checked; any mismatch throws, so `npm run data` fails instead of shipping a wrong number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDENTITY_COLUMNS, TABLE_COLUMNS, columnType } from '../../src/catalog/columns.ts';
import { METRICS } from '../../src/catalog/metrics.ts';
import { typedCell, type CellValue, type TypedColumn } from '../../src/ingest/arrowTable.ts';
import { parseCsvRecords } from '../../src/ingest/csv.ts';
import { mapByL0Rank, type Mapped, type RankedItem } from './mapByL0Rank.ts';
import { pivotLongRows, type LongRow } from './pivot.ts';
import { localPath, readSourceI, readSourceJ, type PublishedSource } from './publishedSources.ts';

/** docs/shipped-data.md §12: each mapping must agree with the reproduction this closely. */
export const MAPPING_TOLERANCE = { ceLossScore: 0.01, l0Relative: 0.15 };
/** I and the values of source B it overlaps are the same published numbers (docs/shipped-data.md: ≤ 4e-16 relative). */
export const SAME_PUBLISHED_VALUE = 1e-12;
/** J is I rounded to 4 decimals. */
export const ROUNDED_TO_4 = 5e-5 + 1e-12;

export interface SourceReport {
  provenance: string;
  records: number;
  values: number;
  maxDCeLossScore: number;
  maxL0Relative: number;
}

export interface OverlapReport {
  a: string;
  b: string;
  values: number;
  maxDiff: number;
}

export interface BuiltDataset {
  saes: TypedColumn[];
  values: TypedColumn[];
  saeCount: number;
  longRows: LongRow[];
  sources: SourceReport[];
  overlaps: OverlapReport[];
}

/** Values kept in the long table only: the absorption re-run under sae-bench 0.6.0 uses the definition changed
 * in SAEBench PR #62, so it must never share a column with 0125-era values (docs/shipped-data.md caveat 3). */
export function longTableOnly(r: Pick<LongRow, 'eval_type' | 'source_path'>): boolean {
  return r.eval_type === 'absorption_first_letter' && r.source_path.endsWith('_v0.6.0.json');
}

const LONG_NUMBER_COLUMNS = new Set(['layer', 'dict_size', 'trainer', 'value']);

function readLongCsv(text: string): LongRow[] {
  return parseCsvRecords(text).records.map((r, i) => {
    const row: Record<string, CellValue> = {};
    for (const [k, v] of Object.entries(r)) row[k] = typedCell(v, LONG_NUMBER_COLUMNS.has(k) ? 'number' : 'string', `long row ${i + 2} ${k}`);
    if (typeof row.value !== 'number') throw new Error(`long row ${i + 2}: no value`);
    return row as unknown as LongRow;
  });
}

/** The pivot of the shared long CSV must give back the shared wide CSV, cell for cell. */
function checkPivotReproducesWide(wide: Record<string, string>[], header: readonly string[], long: readonly LongRow[]): void {
  const ids = wide.map((r) => r.sae_id!);
  const pivot = pivotLongRows(long.filter((r) => !longTableOnly(r)), ids, header).columns;
  for (const col of header) {
    const cells = pivot.get(col);
    if (!cells) continue;
    wide.forEach((r, i) => {
      const expected = typedCell(r[col] ?? '', columnType(col) ?? 'string', `${ids[i]} ${col}`);
      if (cells[i] !== expected) throw new Error(`pivot of the long CSV gives ${ids[i]} ${col} = ${cells[i]}, the wide CSV ${expected}`);
    });
  }
}

function valueKey(r: Pick<LongRow, 'sae_id' | 'eval_type' | 'metric_category' | 'metric'>): string {
  return `${r.sae_id}|${r.eval_type}|${r.metric_category}|${r.metric}`;
}

function overlap(rows: readonly LongRow[], a: string, b: string, tolerance: number, relative: boolean): OverlapReport {
  const bValues = new Map(rows.filter((r) => r.provenance === b).map((r) => [valueKey(r), r.value]));
  let values = 0;
  let maxDiff = 0;
  for (const r of rows.filter((x) => x.provenance === a)) {
    const other = bValues.get(valueKey(r));
    if (other === undefined) continue;
    const diff = Math.abs(r.value - other) / (relative ? Math.max(Math.abs(other), 1e-300) : 1);
    if (!(diff <= tolerance)) throw new Error(`${a} and ${b} disagree on ${valueKey(r)}: ${r.value} vs ${other}`);
    values++;
    maxDiff = Math.max(maxDiff, diff);
  }
  return { a, b, values, maxDiff };
}

function addSource(source: PublishedSource, saes: readonly RankedItem[], identity: Map<string, Record<string, CellValue>>): { rows: LongRow[]; report: SourceReport } {
  const mapped: Mapped[] = mapByL0Rank(source.records, saes, MAPPING_TOLERANCE);
  const byRecord = new Map(mapped.map((m) => [m.recordId, m]));
  const rows = source.records.flatMap((rec) => {
    const saeId = byRecord.get(rec.id)!.saeId;
    const id = identity.get(saeId)!;
    return rec.values.map((v): LongRow => ({
      sae_id: saeId, release: id.release as string, model: id.model as string, layer: id.layer as number,
      architecture: id.architecture as string, dict_size: id.dict_size as number, trainer: id.trainer as number | null,
      eval_type: v.evalType, metric_category: v.category, metric: v.metric, value: v.value, provenance: source.provenance,
      source_repo: source.repo, source_ref: source.ref, source_path: source.path, local_path: localPath(source), note: rec.note,
    }));
  });
  return {
    rows,
    report: {
      provenance: source.provenance, records: source.records.length, values: rows.length,
      maxDCeLossScore: Math.max(...mapped.map((m) => m.dCeLossScore ?? 0)), maxL0Relative: Math.max(...mapped.map((m) => m.l0Relative)),
    },
  };
}

export function buildDataset(dataDir: string): BuiltDataset {
  const { header, records: wide } = parseCsvRecords(readFileSync(join(dataDir, 'saebench_metrics.csv'), 'utf8'));
  const unknown = header.filter((h) => !TABLE_COLUMNS.includes(h));
  if (unknown.length) throw new Error(`wide CSV columns missing from the catalog: ${unknown.join(', ')}`);
  const long = readLongCsv(readFileSync(join(dataDir, 'saebench_metrics_long.csv'), 'utf8'));
  checkPivotReproducesWide(wide, header, long);

  const ids = wide.map((r) => r.sae_id ?? '');
  if (new Set(ids).size !== ids.length || ids.includes('')) throw new Error('sae_id empty or duplicated in the wide CSV');
  const identity = new Map(wide.map((r, i) => [ids[i]!, Object.fromEntries(IDENTITY_COLUMNS.map((c) => [c.id, c.id === 'is_user' ? false : typedCell(r[c.id] ?? '', c.type, `${ids[i]} ${c.id}`)]))]));

  // Mapping targets: the 0125 suite, placed by its reproduced core values.
  const reproduced = (id: string, metric: string) =>
    long.find((r) => r.sae_id === id && r.provenance === 'reproduction' && r.eval_type === 'core' && r.metric === metric)?.value ?? null;
  const suite: RankedItem[] = ids.filter((id) => identity.get(id)!.release === 'sae_bench_0125').map((id) => {
    const r = identity.get(id)!;
    return {
      id, l0: reproduced(id, 'l0') ?? Number.NaN, ceLossScore: reproduced(id, 'ce_loss_score'),
      sweep: { model: r.model as string, layer: r.layer as number, architecture: r.architecture as string, dictSize: r.dict_size as number },
    };
  });
  const added = [readSourceI(dataDir), readSourceJ(dataDir)].map((s) => addSource(s, suite, identity));
  const longRows = [...long, ...added.flatMap((a) => a.rows)];
  const overlaps = [
    overlap(longRows, 'published_0125_np', 'published_0125', SAME_PUBLISHED_VALUE, true),
    overlap(longRows, 'published_0125_rounded', 'published_0125_np', ROUNDED_TO_4, false),
  ];

  const pivot = pivotLongRows(longRows.filter((r) => !longTableOnly(r)), ids).columns;
  const saes: TypedColumn[] = TABLE_COLUMNS.map((name) => {
    const type = columnType(name) ?? 'string';
    const fromPivot = pivot.get(name);
    const values = fromPivot ?? ids.map((id) => identity.get(id)![name] ?? null);
    return { name, type, values: values as CellValue[] };
  });
  if (saes.length !== IDENTITY_COLUMNS.length + METRICS.length * 2 + 8) throw new Error('table columns out of step with the catalog');
  const longNames = ['sae_id', 'eval_type', 'metric_category', 'metric', 'value', 'provenance', 'source_repo', 'source_ref', 'source_path', 'local_path', 'note'] as const;
  const values: TypedColumn[] = longNames.map((name) => ({
    name, type: name === 'value' ? 'number' : 'string', values: longRows.map((r) => r[name]),
  }));
  return { saes, values, saeCount: ids.length, longRows, sources: added.map((a) => a.report), overlaps };
}
