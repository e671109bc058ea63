// What an SAE is, read from its names where its config does not say: the SAELens release and id, or the file
// name, e.g. sae_bench_pythia70m_sweep_gated_ctx128_0730 / blocks.3.hook_resid_post__trainer_5, or
// saebench_gemma-2-2b_width-2pow14_date-0107_BatchTopK_… (the rules the bundled data follows, docs/shipped-data.md §8).
import { canonicalArchitectureName } from '../catalog/architectures.ts';

const MODELS: [RegExp, string][] = [
  [/gemma-?2-?2b/i, 'gemma-2-2b'],
  [/gemma-?2-?9b/i, 'gemma-2-9b'],
  [/pythia-?70m/i, 'pythia-70m-deduped'],
  [/pythia-?160m/i, 'pythia-160m-deduped'],
  [/pythia-?410m/i, 'pythia-410m-deduped'],
  [/pythia-?1b/i, 'pythia-1b-deduped'],
];

// Most specific first: "batch_topk" also contains "topk".
const ARCHS: [RegExp, string][] = [
  [/matr(y|o)(o|y)?shka/i, 'matryoshka_batch_topk'],
  [/batch_?top_?k/i, 'batch_topk'],
  [/top_?k/i, 'topk'],
  [/jump_?relu/i, 'jumprelu'],
  [/gated/i, 'gated'],
  [/p_?anneal/i, 'p_anneal'],
  [/standard|relu/i, 'standard'],
];

export interface NameIdentity {
  model: string | null;
  layer: number | null;
  dictSize: number | null;
  architecture: string | null;
}

export function identityFromNames(...names: (string | null | undefined)[]): NameIdentity {
  const text = names.filter(Boolean).join(' ');
  const layer = /(?:blocks\.|layer_|resid_post_layer_|layer-|\bL)(\d{1,3})\b/.exec(text);
  const pow = /width-2pow(\d{1,2})/i.exec(text);
  const k = /\b(\d{1,4})k\b|width_(\d{1,4})k/i.exec(text);
  return {
    model: MODELS.find(([re]) => re.test(text))?.[1] ?? null,
    layer: layer ? Number(layer[1]) : null,
    dictSize: pow ? 2 ** Number(pow[1]) : k ? Number(k[1] ?? k[2]) * 1024 : null,
    architecture: ((a) => (a ? canonicalArchitectureName(a) : null))(ARCHS.find(([re]) => re.test(text))?.[1]),
  };
}
