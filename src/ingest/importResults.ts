// Results a researcher brings: SAEBench output JSON of any eval type and version, or Neuronpedia SAEBench
// exports, as loose files, a folder in the official layout, or the files of a .zip. Files of one SAE are joined
// into one SAE; every rejected file or value gets a line in the report; good files still load. Pure: the page
// and the ingest CLI use it alike.
import { canonicalArchitectureName } from '../catalog/architectures.ts';
import { USER_SAE_PREFIX } from '../catalog/columns.ts';
import { isNeuronpediaExport, readNeuronpediaDoc } from './neuronpediaExport.ts';
import { canonicalEvalType, readSaebenchDoc, SaebenchParseError, type ParsedEvalResult } from './saebenchJson.ts';
import { identityFromNames } from './identityFromNames.ts';
import { checkSchema } from './schemaCheck.ts';

export interface InputFile {
  /** Path inside the folder or archive, or the file name. */
  path: string;
  bytes: Uint8Array;
}

export interface ImportLimits {
  fileBytes: number;
  totalBytes: number;
  files: number;
}

/** What one drop into the page may hold; the ingest CLI reads folders of any size. */
export const IMPORT_LIMITS: ImportLimits = { fileBytes: 32 * 2 ** 20, totalBytes: 512 * 2 ** 20, files: 20_000 };
export const CLI_LIMITS: ImportLimits = { fileBytes: 256 * 2 ** 20, totalBytes: Number.MAX_SAFE_INTEGER, files: Number.MAX_SAFE_INTEGER };

export interface ReportLine {
  file: string;
  status: 'loaded' | 'rejected' | 'warning';
  message: string;
}

export interface ImportedValue {
  evalType: string;
  category: string;
  metric: string;
  value: number;
  file: string;
}

export interface SaeIdentity {
  model: string | null;
  layer: number | null;
  dictSize: number | null;
  architecture: string | null;
  trainingTokens: number | null;
  hookName: string | null;
  saeLensReleaseId: string | null;
  saeLensId: string | null;
}

export interface EvalVersion {
  evalType: string;
  commit: string | null;
  saeLensVersion: string | null;
  /** A hash of the eval config (results of one eval with different configs do not compare). */
  configHash: string | null;
  /** The result writes the newer explained-variance formula (it also lists explained_variance_legacy). */
  newExplainedVariance: boolean;
  file: string;
}

export interface ImportedSae {
  key: string;
  saeId: string;
  name: string;
  identity: SaeIdentity;
  values: ImportedValue[];
  versions: EvalVersion[];
}

export interface ImportOutcome {
  saes: ImportedSae[];
  report: ReportLine[];
}

export type Schemas = Readonly<Record<string, Record<string, unknown>>>;

const MAX_ID_LENGTH = 400;
/** No SAEBench metric comes near this; a larger value is a broken file, and would wreck every axis. */
const MAX_ABS_VALUE = 1e12;

/** FNV-1a over a canonical JSON rendering: equal configs hash equal whatever their key order. */
export function configHash(config: unknown): string {
  const canonical = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
    if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
    return JSON.stringify(v) ?? 'null';
  };
  let h = 0x811c9dc5;
  for (const ch of canonical(config)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function readText(f: InputFile, limits: ImportLimits): string | { error: string } {
  if (f.bytes.length === 0) return { error: 'empty file' };
  if (f.bytes.length > limits.fileBytes) return { error: `too large (${(f.bytes.length / 2 ** 20).toFixed(1)} MiB; the limit is ${limits.fileBytes / 2 ** 20} MiB per file)` };
  if (f.bytes.includes(0)) return { error: 'not a text file (it holds binary data)' };
  try {
    // A byte-order mark (Windows editors write one) is not JSON.
    return decoder.decode(f.bytes).replace(/^\uFEFF/, '');
  } catch {
    return { error: 'not a text file (not valid UTF-8)' };
  }
}

/** "<release>_<id>" from ".../<eval type>/<release>/<release>_<id>_eval_results.json" (the official layout). */
function stemOf(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.json$/i, '').replace(/_eval_results$/, '').replace(/^(core|absorption|autointerp|scr|tpp|sparse_probing|unlearning|ravel|mdl)_(?=.)/, '');
}

/** Layer from a hook name like blocks.12.hook_resid_post. */
const layerOfHook = (hook: string | undefined) => {
  const m = hook ? /(?:^|\.)(\d+)\./.exec(hook) : null;
  return m ? Number(m[1]) : null;
};

export function saeIdFor(key: string): string {
  return `${USER_SAE_PREFIX}${key}`;
}

function identityOf(r: ParsedEvalResult, path: string): SaeIdentity {
  const c = r.saeConfig;
  const named = identityFromNames(r.saeLensReleaseId, r.saeLensId, r.key, path);
  return {
    model: c.modelName ?? named.model,
    layer: c.hookLayer ?? layerOfHook(c.hookName) ?? named.layer,
    dictSize: c.dSae ?? named.dictSize,
    architecture: c.architecture ?? named.architecture,
    trainingTokens: c.trainingTokens ?? null,
    hookName: c.hookName ?? null,
    saeLensReleaseId: r.saeLensReleaseId,
    saeLensId: r.saeLensId,
  };
}

/** A later file fills what an earlier one left unknown. */
function mergeIdentity(a: SaeIdentity, b: SaeIdentity): SaeIdentity {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof SaeIdentity)[]) if (out[k] === null && b[k] !== null) (out as Record<string, unknown>)[k] = b[k];
  return out;
}

class Collector {
  readonly saes = new Map<string, ImportedSae>();
  readonly report: ReportLine[] = [];

  line(file: string, status: ReportLine['status'], message: string) {
    this.report.push({ file, status, message });
  }

  sae(key: string, name: string, identity: SaeIdentity): ImportedSae {
    let s = this.saes.get(key);
    if (!s) {
      s = { key, saeId: saeIdFor(key), name, identity, values: [], versions: [] };
      this.saes.set(key, s);
    } else s.identity = mergeIdentity(s.identity, identity);
    return s;
  }
}

/** Every value from any format passes here: finite and of a size a SAEBench metric can have. */
function plausible(c: Collector, file: string, field: string, raw: number): boolean {
  if (Number.isFinite(raw) && Math.abs(raw) <= MAX_ABS_VALUE) return true;
  c.line(file, 'rejected', `${field}: expected a finite number of plausible size, found ${raw}; value left out`);
  return false;
}

function addSaebenchResult(c: Collector, file: string, r: ParsedEvalResult, schemas: Schemas, fallbackKey: string): void {
  const key = r.saeLensReleaseId && r.saeLensId ? `${r.saeLensReleaseId}/${r.saeLensId}` : (r.key ?? fallbackKey);
  const schema = schemas[r.evalType];
  const findings = schema ? checkSchema(r.source, schema) : [];
  const unusable = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.field));
  for (const f of findings.slice(0, 8)) {
    const what = f.found === 'missing' ? `missing (the ${r.evalType} schema has it)` : `expected ${f.expected}, found ${f.found}`;
    c.line(file, f.severity === 'error' ? 'rejected' : 'warning', `${f.field}: ${what}${f.severity === 'error' ? '; value left out' : ''}`);
  }
  if (findings.length > 8) c.line(file, 'warning', `${findings.length - 8} more differences from the ${r.evalType} schema`);
  if (key.length > MAX_ID_LENGTH) {
    c.line(file, 'rejected', `the SAE id is ${key.length} characters long (at most ${MAX_ID_LENGTH})`);
    return;
  }
  const sae = c.sae(key, r.saeLensId ?? key, identityOf(r, file));
  if (sae.versions.some((v) => v.evalType === r.evalType)) {
    c.line(file, 'rejected', `a second ${r.evalType} result for ${key}; the first one read is kept`);
    return;
  }
  const values: ImportedValue[] = [];
  for (const m of r.metrics) {
    const field = `eval_result_metrics.${m.category}.${m.metric}`;
    if (unusable.has(field)) continue;
    if (!plausible(c, file, field, m.raw)) continue;
    if (m.value !== null) values.push({ evalType: r.evalType, category: m.category, metric: m.metric, value: m.value, file });
  }
  if (!values.length) {
    c.line(file, 'rejected', `${r.evalType} for ${key}: no usable values`);
    return;
  }
  sae.values.push(...values);
  sae.versions.push({
    evalType: r.evalType, commit: r.commit, saeLensVersion: r.saeLensVersion, configHash: Object.keys(r.evalConfig).length ? configHash(r.evalConfig) : null,
    newExplainedVariance: r.metrics.some((m) => m.metric === 'explained_variance_legacy'), file,
  });
  const known = schema ? '' : ` (eval type ${r.evalType} is not in the catalog: its values are kept and listed with the SAE, not plotted)`;
  c.line(file, 'loaded', `${r.evalType} for ${key}: ${values.length} values${known}`);
}

function addNeuronpedia(c: Collector, file: string, doc: unknown): void {
  const parsed = readNeuronpediaDoc(doc);
  for (const r of parsed.rejected) c.line(file, 'rejected', `record ${r.index}: ${r.reason}`);
  for (const r of parsed.records) {
    const sae = c.sae(r.sourceId, r.sourceId, {
      model: r.modelId, layer: r.layer, dictSize: r.dSae, architecture: r.architecture, trainingTokens: r.trainingTokens,
      hookName: null, saeLensReleaseId: r.release, saeLensId: r.sourceId,
    });
    for (const m of r.metrics) {
      if (!plausible(c, file, `record ${r.sourceId}, ${m.evalType}||${m.category}||${m.metric}`, m.raw)) continue;
      if (m.value !== null) sae.values.push({ evalType: m.evalType, category: m.category, metric: m.metric, value: m.value, file });
    }
    for (const evalType of new Set(r.metrics.map((m) => m.evalType))) {
      sae.versions.push({ evalType, commit: null, saeLensVersion: null, configHash: null, newExplainedVariance: false, file });
    }
  }
  c.line(file, 'loaded', `Neuronpedia export: ${parsed.records.length} SAEs${parsed.rejected.length ? `, ${parsed.rejected.length} records rejected` : ''}`);
}

export function importResults(files: readonly InputFile[], schemas: Schemas, limits: ImportLimits = IMPORT_LIMITS): ImportOutcome {
  const c = new Collector();
  let total = 0;
  files.forEach((f, i) => {
    if (i >= limits.files) {
      if (i === limits.files) c.line(f.path, 'rejected', `more than ${limits.files} files; the rest were not read`);
      return;
    }
    total += f.bytes.length;
    if (total > limits.totalBytes) {
      c.line(f.path, 'rejected', `over ${limits.totalBytes / 2 ** 20} MiB in all; this and later files were not read`);
      return;
    }
    if (!/\.json$/i.test(f.path)) {
      c.line(f.path, 'rejected', 'not a .json file');
      return;
    }
    const text = readText(f, limits);
    if (typeof text !== 'string') {
      c.line(f.path, 'rejected', text.error);
      return;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      c.line(f.path, 'rejected', `not valid JSON (${(e as Error).message})`);
      return;
    }
    try {
      if (isNeuronpediaExport(doc)) addNeuronpedia(c, f.path, doc);
      else for (const r of readSaebenchDoc(doc)) addSaebenchResult(c, f.path, r, schemas, stemOf(f.path));
    } catch (e) {
      // Anything a hostile file provokes (a stack overflow on deep nesting…) rejects that file only.
      c.line(f.path, 'rejected', e instanceof SaebenchParseError ? e.message : `could not be read (${e instanceof Error ? e.message : String(e)})`);
    }
  });
  for (const s of c.saes.values()) {
    if (s.identity.architecture) s.identity.architecture = canonicalArchitectureName(s.identity.architecture);
  }
  return { saes: [...c.saes.values()].filter((s) => s.values.length > 0), report: c.report };
}

/** The eval types the SAEBench schemas describe, keyed as the parser names them. */
export function schemaEvalType(fileName: string): string | null {
  const m = /eval_output_schema_(.+)\.json$/.exec(fileName);
  return m ? canonicalEvalType(m[1]!) : null;
}
