// npm run data: data/saebench/*.csv -> public/data/{saes,values}.arrows + manifest.json.
// Also parses every native SAEBench JSON in data/saebench/sources with the app's parser and checks each
// value against the long CSV, so the parser is exercised on every eval type we ship.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { columnsToArrowIpc } from '../src/ingest/arrowTable.ts';
import { longCsvToColumns, wideCsvToColumns } from '../src/ingest/saeTable.ts';
import { parseCsvRecords } from '../src/ingest/csv.ts';
import { canonicalEvalType, parseSaebenchJson, SaebenchParseError } from '../src/ingest/saebenchJson.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'data', 'saebench');
const outDir = join(root, 'public', 'data');

function crossCheckNativeFiles(longText: string): { files: number; values: number; evalTypes: string[] } {
  const { records } = parseCsvRecords(longText);
  const byPath = new Map<string, string[]>();
  for (const r of records) {
    const key = `${canonicalEvalType(r.eval_type ?? '')}|${r.metric_category}|${r.metric}|${Number(r.value)}`;
    const list = byPath.get(r.local_path ?? '') ?? [];
    list.push(key);
    byPath.set(r.local_path ?? '', list);
  }
  let files = 0;
  let values = 0;
  const evalTypes = new Set<string>();
  for (const [path, expected] of byPath) {
    let parsed;
    try {
      parsed = parseSaebenchJson(readFileSync(join(dataDir, path), 'utf8'));
    } catch (e) {
      if (e instanceof SaebenchParseError) continue; // a third party's processed file, not SAEBench output
      throw e;
    }
    const got = parsed.flatMap((r) => r.metrics.map((m) => `${r.evalType}|${m.category}|${m.metric}|${m.raw}`));
    const missing = expected.filter((k) => !got.includes(k));
    if (missing.length) throw new Error(`${path}: the parser missed ${missing.length} values, e.g. ${missing[0]}`);
    parsed.forEach((r) => evalTypes.add(r.evalType));
    files++;
    values += expected.length;
  }
  return { files, values, evalTypes: [...evalTypes].sort() };
}

const wideText = readFileSync(join(dataDir, 'saebench_metrics.csv'), 'utf8');
const longText = readFileSync(join(dataDir, 'saebench_metrics_long.csv'), 'utf8');
const wide = wideCsvToColumns(wideText);
const long = longCsvToColumns(longText);
const check = crossCheckNativeFiles(longText);

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'saes.arrows'), columnsToArrowIpc(wide));
writeFileSync(join(outDir, 'values.arrows'), columnsToArrowIpc(long));
const manifest = {
  dataset: 'SAEBench results (real values; see data/README.md)',
  saes: wide[0]?.values.length ?? 0,
  columns: wide.length,
  valueRows: long[0]?.values.length ?? 0,
  nativeJsonFilesChecked: check.files,
  nativeJsonValuesChecked: check.values,
  nativeEvalTypes: check.evalTypes,
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
console.log(
  `data: ${manifest.saes} SAEs x ${manifest.columns} columns, ${manifest.valueRows} values; ` +
    `parsed ${check.files} native SAEBench JSON files (${check.evalTypes.join(', ')}), ${check.values} values match the long CSV`,
);
