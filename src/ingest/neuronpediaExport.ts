// Reader for Neuronpedia's SAEBench export format: a JSON list of records, one per SAE, with identity keys
// (`sourceId`, `modelId`, `layer`, `release`, `saeClass`, `dSae`, `trainingTokens`) and one key per metric
// named `eval||category||metric`, e.g. `scr||scr_metrics||scr_metric_threshold_20`. Used by the data build
// and for files users bring. Metrics the catalog does not know are kept (as they are named), and so are
// unknown non-metric keys (in `extra`).
import { canonicalArchitecture } from './architecture.ts';
import { canonicalEvalType, isSentinel } from './saebenchJson.ts';

export class NeuronpediaParseError extends Error {}

export interface NeuronpediaMetric {
  evalType: string;
  category: string;
  metric: string;
  /** null for SAEBench's "not computed" sentinel (-1 in KL and probe accuracies). */
  value: number | null;
  /** The number as written. */
  raw: number;
}

export interface NeuronpediaRecord {
  /** Position in the file, for messages. */
  index: number;
  sourceId: string;
  modelId: string | null;
  layer: number | null;
  release: string | null;
  /** As written in the file, e.g. `p-anneal`. */
  saeClass: string | null;
  /** Canonical architecture class (`p_anneal`, `standard`, …). */
  architecture: string | null;
  dSae: number | null;
  /** null where the export writes -1 (unknown). */
  trainingTokens: number | null;
  metrics: NeuronpediaMetric[];
  extra: Record<string, string | number | boolean | null>;
}

export interface NeuronpediaRejection {
  index: number;
  reason: string;
}

export interface NeuronpediaExport {
  records: NeuronpediaRecord[];
  /** Records that could not be read, with the reason; the others still load. */
  rejected: NeuronpediaRejection[];
}

const IDENTITY_KEYS = new Set(['sourceId', 'modelId', 'layer', 'release', 'saeClass', 'dSae', 'trainingTokens']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const integer = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

/** True when a parsed JSON document looks like a Neuronpedia SAEBench export (for sniffing dropped files). */
export function isNeuronpediaExport(doc: unknown): boolean {
  // Broken records still make it an export (they are rejected one by one, with the reason).
  return Array.isArray(doc) && doc.length > 0 && doc.every(isObj) && doc.some((r) => Object.keys(r as Obj).some((k) => k.includes('||')));
}

function readRecord(o: Obj, index: number): NeuronpediaRecord {
  const sourceId = text(o.sourceId);
  if (!sourceId) throw new NeuronpediaParseError('sourceId is missing or not text');
  const metrics: NeuronpediaMetric[] = [];
  const extra: NeuronpediaRecord['extra'] = {};
  for (const [key, v] of Object.entries(o)) {
    if (IDENTITY_KEYS.has(key)) continue;
    const parts = key.split('||');
    if (parts.length !== 3 || parts.some((p) => p === '')) {
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) extra[key] = v as string | number | boolean | null;
      else throw new NeuronpediaParseError(`${key}: expected a plain value, found ${Array.isArray(v) ? 'a list' : 'an object'}`);
      continue;
    }
    const [evalType, category, metric] = parts as [string, string, string];
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new NeuronpediaParseError(`${key}: expected a finite number, found ${typeof v === 'number' ? String(v) : (JSON.stringify(v)?.slice(0, 40) ?? typeof v)}`);
    }
    metrics.push({ evalType: canonicalEvalType(evalType), category, metric, value: isSentinel(metric, v) ? null : v, raw: v });
  }
  if (metrics.length === 0) throw new NeuronpediaParseError('no eval||category||metric value');
  const saeClass = text(o.saeClass);
  const release = text(o.release);
  const tokens = typeof o.trainingTokens === 'number' && o.trainingTokens !== -1 ? integer(o.trainingTokens) : null;
  return {
    index,
    sourceId,
    modelId: text(o.modelId),
    layer: integer(o.layer),
    release,
    saeClass,
    architecture: canonicalArchitecture(saeClass ?? undefined, undefined, release ?? undefined) ?? null,
    dSae: integer(o.dSae),
    trainingTokens: tokens,
    metrics,
    extra,
  };
}

/** Parses a whole export; a record that cannot be read is rejected with its reason, the rest still load. */
export function parseNeuronpediaExport(source: string): NeuronpediaExport {
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (e) {
    throw new NeuronpediaParseError(`not valid JSON: ${(e as Error).message}`);
  }
  return readNeuronpediaDoc(doc);
}

/** The same, on a document already parsed (the importer parses each file once). */
export function readNeuronpediaDoc(doc: unknown): NeuronpediaExport {
  if (!Array.isArray(doc)) throw new NeuronpediaParseError('top level is not a list of SAE records');
  const out: NeuronpediaExport = { records: [], rejected: [] };
  const seen = new Set<string>();
  doc.forEach((r, index) => {
    try {
      if (!isObj(r)) throw new NeuronpediaParseError('record is not an object');
      const record = readRecord(r, index);
      if (seen.has(record.sourceId)) throw new NeuronpediaParseError(`sourceId ${JSON.stringify(record.sourceId)} appears twice`);
      seen.add(record.sourceId);
      out.records.push(record);
    } catch (e) {
      if (!(e instanceof NeuronpediaParseError)) throw e;
      out.rejected.push({ index, reason: e.message });
    }
  });
  return out;
}
