// Parser for SAEBench `*_eval_results.json` files in every shape found in the sources:
// one result object (v0.x schema), a map of "<release>_<sae id>" -> result (autointerp, unlearning,
// smoke runs), the pre-schema MDL output (`eval_results` list) and the Oct-2024 sparse-probing output
// (`custom_eval_results`). Used by the data build and, later, for user uploads in the browser.
import { canonicalArchitecture } from './architecture.ts';

export class SaebenchParseError extends Error {}

export interface ParsedMetric {
  category: string;
  metric: string;
  /** null when SAEBench's "not computed" sentinel (-1) was found. */
  value: number | null;
  raw: number;
}

export interface ParsedSaeConfig {
  architecture?: string;
  dSae?: number;
  dIn?: number;
  modelName?: string;
  hookName?: string;
  hookLayer?: number;
  trainingTokens?: number;
}

export interface ParsedEvalResult {
  /** Canonical eval id: lower-case, aliases resolved. */
  evalType: string;
  rawEvalTypeId: string;
  /** Key of the result inside a multi-result file, else null. */
  key: string | null;
  saeLensReleaseId: string | null;
  saeLensId: string | null;
  metrics: ParsedMetric[];
  saeConfig: ParsedSaeConfig;
  evalConfig: Record<string, unknown>;
  /** SAEBench commit and SAELens version the result names (for version drift), when it does. */
  commit: string | null;
  saeLensVersion: string | null;
  /** The result object as read (for schema checks). */
  source: Record<string, unknown>;
}

const EVAL_ALIASES: Record<string, string> = {
  meta_sae_decoder_variance: 'meta_structure_decoder_variance',
  absorption: 'absorption_first_letter',
};

export function canonicalEvalType(id: string): string {
  const lower = id.toLowerCase();
  return EVAL_ALIASES[lower] ?? lower;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** SAEBench writes -1 for "not computed" in these metrics (KL when skipped, LLM probe accuracies). */
export function isSentinel(metric: string, value: number): boolean {
  return value === -1 && (metric.startsWith('kl_div') || metric.endsWith('_test_accuracy'));
}

function numericFields(category: string, o: Obj): ParsedMetric[] {
  const out: ParsedMetric[] = [];
  for (const [metric, v] of Object.entries(o)) {
    if (typeof v !== 'number') continue;
    out.push({ category, metric, raw: v, value: Number.isFinite(v) && !isSentinel(metric, v) ? v : null });
  }
  return out;
}

function saeConfigOf(cfg: unknown, releaseId: string | null): ParsedSaeConfig {
  if (!isObj(cfg)) return {};
  return {
    architecture: canonicalArchitecture(str(cfg.architecture), str(cfg.activation_fn_str), releaseId ?? undefined),
    dSae: num(cfg.d_sae),
    dIn: num(cfg.d_in),
    modelName: str(cfg.model_name),
    hookName: str(cfg.hook_name),
    hookLayer: num(cfg.hook_layer),
    trainingTokens: num(cfg.training_tokens),
  };
}

function parseSchemaResult(o: Obj, key: string | null): ParsedEvalResult {
  const rawId = str(o.eval_type_id);
  if (!rawId) throw new SaebenchParseError('result has no eval_type_id');
  const releaseId = str(o.sae_lens_release_id) ?? str(o.sae_lens_release) ?? null;
  const base = {
    evalType: canonicalEvalType(rawId),
    rawEvalTypeId: rawId,
    key,
    saeLensReleaseId: releaseId,
    saeLensId: str(o.sae_lens_id) ?? null,
    saeConfig: saeConfigOf(o.sae_cfg_dict, releaseId),
    evalConfig: isObj(o.eval_config) ? o.eval_config : {},
    commit: str(o.sae_bench_commit_hash) ?? null,
    saeLensVersion: str(o.sae_lens_version) ?? null,
    source: o,
  };
  if (isObj(o.eval_result_metrics)) {
    const metrics = Object.entries(o.eval_result_metrics).flatMap(([category, values]) =>
      isObj(values) ? numericFields(category, values) : [],
    );
    return { ...base, metrics };
  }
  if (Array.isArray(o.eval_results)) {
    // Pre-schema MDL output: one entry per bin count.
    const metrics = o.eval_results.flatMap((r, i) => (isObj(r) ? numericFields(`result_${i}`, r) : []));
    return { ...base, metrics };
  }
  throw new SaebenchParseError(`result "${key ?? rawId}" has neither eval_result_metrics nor eval_results`);
}

function parseLegacySparseProbing(o: Obj): ParsedEvalResult[] {
  const results = o.custom_eval_results;
  if (!isObj(results)) throw new SaebenchParseError('custom_eval_results is not an object');
  const evalConfig = isObj(o.custom_eval_config) ? o.custom_eval_config : {};
  return Object.entries(results).map(([key, values]) => ({
    evalType: 'sparse_probing',
    rawEvalTypeId: 'sparse_probing (Oct 2024 format)',
    key,
    saeLensReleaseId: null,
    saeLensId: null,
    metrics: isObj(values)
      ? numericFields('legacy', values).map((m) => ({ ...m, category: m.metric.startsWith('llm') ? 'llm' : 'sae' }))
      : [],
    saeConfig: {},
    evalConfig,
    commit: null,
    saeLensVersion: null,
    source: isObj(values) ? values : {},
  }));
}

/** Parse one file's text. Throws SaebenchParseError with the reason when it is not a SAEBench result. */
export function parseSaebenchJson(text: string): ParsedEvalResult[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new SaebenchParseError(`not valid JSON: ${(e as Error).message}`);
  }
  return readSaebenchDoc(doc);
}

/** The same, on a document already parsed (the importer parses each file once). */
export function readSaebenchDoc(doc: unknown): ParsedEvalResult[] {
  if (!isObj(doc)) throw new SaebenchParseError('top level is not a JSON object');
  if ('eval_type_id' in doc) return [parseSchemaResult(doc, null)];
  if ('custom_eval_results' in doc) return parseLegacySparseProbing(doc);
  const entries = Object.entries(doc);
  if (entries.length > 0 && entries.every(([, v]) => isObj(v) && 'eval_type_id' in v)) {
    return entries.map(([key, v]) => parseSchemaResult(v as Obj, key));
  }
  throw new SaebenchParseError('not a SAEBench eval result: no eval_type_id, eval results map or custom_eval_results');
}
