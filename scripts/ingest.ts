// npm run ingest -- <dir> [--out <dir>] [--release <name>] [--synthetic]
// Reads a folder of SAEBench results (the official layout <eval_type>/<release>/<release>_<sae_id>_eval_results.json,
// or any tree of eval_results JSON, Neuronpedia exports and .zip archives) with the page's own importer and
// writes a dataset the app loads: saes.arrows, values.arrows, manifest.json (with prefetched first views) and
// ingest-report.json. Open it with ?data=<path>/ next to the site, or build the site on it:
//   SAEBENCH_DATASET=<dir> npm run build
// --synthetic marks the dataset synthetic (the app labels it so), for folders scripts/make-official-layout.ts made up.
// Exit code: 0 when at least one SAE was read, 1 otherwise.
import { terminalSafe } from './terminalSafe.ts';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { provenanceColumnOf } from '../src/catalog/columns.ts';
import { columnsToArrowIpc } from '../src/ingest/arrowTable.ts';
import { CLI_LIMITS, importResults, schemaEvalType, type InputFile } from '../src/ingest/importResults.ts';
import { importedTables, INGESTED_PROVENANCE } from '../src/ingest/userRows.ts';
import { METRICS } from '../src/catalog/metrics.ts';
import { PROVENANCES_COLUMN } from '../src/query/schema.ts';
import { writeManifest } from './data/manifest.ts';
import { openNodeDb } from './data/nodeDuckDb.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const VALUED = new Set(['--out', '--release']);
const dir = argv.find((a, i) => !a.startsWith('--') && !VALUED.has(argv[i - 1] ?? ''));
if (!dir) {
  console.error('usage: npm run ingest -- <dir> [--out <dir>] [--release <name>]');
  process.exit(2);
}
const out = resolve(opt('out') ?? 'ingested');
const release = opt('release') ?? null;
const synthetic = argv.includes('--synthetic');
const started = performance.now();

function walk(root: string): string[] {
  const found: string[] = [];
  const visit = (p: string) => {
    for (const name of readdirSync(p)) {
      const full = join(p, name);
      const st = statSync(full);
      if (st.isDirectory()) visit(full);
      else if (/\.(json|zip)$/i.test(name)) found.push(full);
    }
  };
  visit(root);
  return found.sort();
}

const tty = process.stderr.isTTY;
function progress(done: number, total: number) {
  if (!tty && done !== total && done % 500 !== 0) return;
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  process.stderr.write(`${tty ? '\r' : ''}reading [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files${tty && done < total ? '' : '\n'}`);
}

const root = resolve(dir);
const paths = walk(root);
const files: InputFile[] = [];
paths.forEach((p, i) => {
  const path = relative(root, p);
  const bytes = new Uint8Array(readFileSync(p));
  if (/\.zip$/i.test(p)) {
    try {
      const entries = unzipSync(bytes, { filter: (e) => /\.json$/i.test(e.name) && e.originalSize <= CLI_LIMITS.fileBytes });
      for (const [name, b] of Object.entries(entries)) files.push({ path: `${path}/${name}`, bytes: b });
    } catch (e) {
      files.push({ path, bytes: new Uint8Array() });
      console.error(`${terminalSafe(path)}: not a readable zip (${terminalSafe(String(e))})`);
    }
  } else files.push({ path, bytes });
  progress(i + 1, paths.length);
});

const schemas = Object.fromEntries(readdirSync('data/saebench/schemas').flatMap((f) => {
  const evalType = schemaEvalType(f);
  return evalType ? [[evalType, JSON.parse(readFileSync(join('data/saebench/schemas', f), 'utf8')) as Record<string, unknown>]] : [];
}));
const t0 = performance.now();
const outcome = importResults(files, schemas, CLI_LIMITS);
const tables = importedTables(outcome.saes, { release, edits: {}, provenance: INGESTED_PROVENANCE, isUser: false });
// The provenance filter reads one column; written here so a large dataset need not build it per query.
tables.wide.push({ name: PROVENANCES_COLUMN, type: 'string', values: tables.wide[0]!.values.map((_, i) => {
  const labels = new Set(METRICS.map((d) => tables.wide.find((c) => c.name === provenanceColumnOf(d.id))!.values[i]).filter(Boolean));
  return labels.size ? [...labels].sort().join(';') : null;
}) });

const perEval = new Map<string, number>();
for (const s of outcome.saes) for (const v of s.versions) perEval.set(v.evalType, (perEval.get(v.evalType) ?? 0) + 1);
const rejected = outcome.report.filter((l) => l.status === 'rejected');
console.log(`ingest: ${outcome.saes.length} SAEs from ${files.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const [e, n] of [...perEval].sort()) console.log(`  ${e}: ${n} results`);
console.log(`  rejected: ${rejected.length} files or values`);
const reasons = new Map<string, number>();
for (const r of rejected) reasons.set(r.message.replace(/\d+(\.\d+)?/g, 'N'), (reasons.get(r.message.replace(/\d+(\.\d+)?/g, 'N')) ?? 0) + 1);
for (const [m, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${n} × ${terminalSafe(m)}`);
if (!outcome.saes.length) {
  console.error('ingest: nothing usable found');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const saes = columnsToArrowIpc(tables.wide);
const values = columnsToArrowIpc(tables.long);
writeFileSync(join(out, 'saes.arrows'), saes);
writeFileSync(join(out, 'values.arrows'), values);
writeFileSync(join(out, 'ingest-report.json'), JSON.stringify(outcome.report, null, 1));
const db = await openNodeDb({ saes, metric_values: values });
const manifest = writeManifest(db, out, { name: `${synthetic ? 'SYNTHETIC ' : ''}Ingested SAEBench results (${outcome.saes.length} SAEs)`, synthetic, presets: false, extra: { ingestedFrom: terminalSafe(relative(process.cwd(), root)) } });
console.log(`ingest: wrote ${terminalSafe(out)} (${(saes.length / 2 ** 20).toFixed(1)} MiB, ${Object.keys(manifest.prefetch).length} prefetched answers) in ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
