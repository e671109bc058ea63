// npm run data: data/saebench (the shared CSVs plus the published sources I and J, see scripts/data/) ->
// public/data/{saes,values}.arrows + manifest.json. Also parses every native SAEBench JSON in data/saebench/sources with the app's parser and checks each
// value against the long CSV, so the parser is exercised on every eval type we ship.
// SAEBENCH_DATASET=<dir> (a folder `npm run ingest` wrote) ships that dataset instead of the bundled one.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { columnsToArrowIpc } from '../src/ingest/arrowTable.ts';
import { parseCsvRecords } from '../src/ingest/csv.ts';
import { canonicalEvalType, parseSaebenchJson, SaebenchParseError } from '../src/ingest/saebenchJson.ts';
import { buildDataset } from './data/buildDataset.ts';
import { writeManifest } from './data/manifest.ts';
import { openNodeDb } from './data/nodeDuckDb.ts';

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

const custom = process.env.SAEBENCH_DATASET;
if (custom) {
  for (const f of ['manifest.json', 'saes.arrows']) {
    if (!existsSync(join(custom, f))) throw new Error(`SAEBENCH_DATASET=${custom}: ${f} not found (write the folder with npm run ingest)`);
  }
  rmSync(outDir, { recursive: true, force: true });
  cpSync(custom, outDir, { recursive: true, filter: (p) => !p.endsWith('ingest-report.json') });
  const m = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as { name: string; saeCount: number };
  console.log(`data: shipping ${custom} instead of the bundled dataset: ${m.name}, ${m.saeCount} SAEs`);
  process.exit(0);
}

const dataset = buildDataset(dataDir);
const check = crossCheckNativeFiles(readFileSync(join(dataDir, 'saebench_metrics_long.csv'), 'utf8'));

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const saes = columnsToArrowIpc(dataset.saes);
const values = columnsToArrowIpc(dataset.values);
writeFileSync(join(outDir, 'saes.arrows'), saes);
writeFileSync(join(outDir, 'values.arrows'), values);
const build = {
  columns: dataset.saes.length,
  valueRows: dataset.longRows.length,
  publishedSources: dataset.sources,
  overlaps: dataset.overlaps,
  nativeJsonFilesChecked: check.files,
  nativeJsonValuesChecked: check.values,
  nativeEvalTypes: check.evalTypes,
};
const db = await openNodeDb({ saes, metric_values: values });
const manifest = { ...writeManifest(db, outDir, { name: 'SAEBench results (real values; see data/README.md)', synthetic: false, presets: true, extra: { build } }), ...build };
for (const s of dataset.sources) {
  console.log(`data: ${s.provenance}: ${s.records} records mapped by L0 rank (max |Δ loss recovered| ${s.maxDCeLossScore.toFixed(4)}, max L0 ${(100 * s.maxL0Relative).toFixed(1)} % off the reproduction), ${s.values} values`);
}
for (const o of dataset.overlaps) console.log(`data: ${o.a} agrees with ${o.b} on ${o.values} values (max difference ${o.maxDiff.toExponential(2)})`);
console.log(
  `data: ${manifest.saeCount} SAEs x ${manifest.columns} columns, ${manifest.valueRows} values, ${Object.keys(manifest.prefetch).length} prefetched answers; ` +
    `parsed ${check.files} native SAEBench JSON files (${check.evalTypes.join(', ')}), ${check.values} values match the long CSV`,
);
