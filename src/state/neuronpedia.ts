// Links from Neuronpedia's SAEBench page (and the blog's iframes) open here: their query keys are translated
// into ours before decoding, e.g. modelId=gemma-2-2b&dSae=65536&metricY=scr||scr_metrics||scr_metric_threshold_20.
import { canonicalArchitectureName } from '../catalog/architectures.ts';
import { METRICS } from '../catalog/metrics.ts';
import { decodeItem, quoteForNotice, type QueryPair } from './queryString.ts';

const KEY_MAP: Record<string, string> = {
  modelId: 'model', dSae: 'width', saeClass: 'arch', trainingTokens: 'tokens', metricX: 'x', metricY: 'y', logX: 'logx', logY: 'logy',
  groupBy: 'color',
};
const IGNORED = new Set(['sourceId', 'embed']);
const GROUP_MAP: Record<string, string> = { saeClass: 'architecture', dSae: 'dict_size', layer: 'layer', modelId: 'model', release: 'release' };
const RELEASE_MAP: Record<string, string> = { 'sae-bench-0125': 'sae_bench_0125' };

// Own keys only: `__proto__`, `constructor` or `toString` in a link are not Neuronpedia keys.
const own = (map: Record<string, string>, key: string): string | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);
const isNeuronpediaKey = (key: string): boolean => own(KEY_MAP, key) !== undefined || IGNORED.has(key);

/** `eval||category||metric` -> our metric id, via the catalog's schema keys. */
export function metricFromNeuronpedia(column: string): string | null {
  const [evalType = '', category, metric] = column.split('||');
  const found = METRICS.find((d) => d.eval === evalType.toLowerCase() && d.schemaKey?.[0] === category && d.schemaKey?.[1] === metric);
  return found?.id ?? null;
}

/** Rewrites Neuronpedia pairs (raw, still URL-encoded) into ours; leaves every other pair as it is. */
export function translateNeuronpedia(pairs: readonly QueryPair[]): { pairs: QueryPair[]; notices: string[] } {
  if (!pairs.some(([k]) => isNeuronpediaKey(decodeItem(k)))) return { pairs: [...pairs], notices: [] };
  const notices = ['Read a Neuronpedia SAEBench link'];
  const out: QueryPair[] = [];
  for (const [rawKey, rawValue] of pairs) {
    const key = decodeItem(rawKey);
    const values = rawValue.split(',').map(decodeItem);
    const put = (k: string, vs: string[]) => out.push([k, vs.map(encodeURIComponent).join(',')]);
    if (IGNORED.has(key)) notices.push(`Ignored Neuronpedia parameter ${key}`);
    else if (key === 'metricX' || key === 'metricY') {
      const id = metricFromNeuronpedia(values[0] ?? '');
      if (id) put(KEY_MAP[key]!, [id]);
      else notices.push(`Ignored ${key}: no metric ${quoteForNotice(values[0] ?? '')} in this dataset`);
    } else if (key === 'logX' || key === 'logY') put(KEY_MAP[key]!, [values[0] === 'true' || values[0] === '1' ? '1' : '0']);
    else if (key === 'groupBy') {
      const column = own(GROUP_MAP, values[0] ?? '');
      if (column) put('color', [column]);
      else notices.push(`Ignored groupBy=${quoteForNotice(values[0] ?? '')}: not a grouping here`);
    } else if (key === 'saeClass') put('arch', values.map(canonicalArchitectureName));
    else if (key === 'release') put('release', values.map((v) => own(RELEASE_MAP, v) ?? v));
    else if (own(KEY_MAP, key)) put(KEY_MAP[key]!, values);
    else out.push([rawKey, rawValue]);
  }
  return { pairs: out, notices };
}
