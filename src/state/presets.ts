// Named views that reproduce the SAEBench paper's headline figures from the data we ship. A preset is nothing
// but a URL query string; applying it goes through the same decoder as any shared link.
import type { Domains } from '../data/datasetInfo.ts';
import { decodeUrl, encodeUrl } from './urlCodec.ts';
import type { ViewState } from './viewState.ts';
export interface Preset {
  id: string;
  label: string;
  /** What the preset shows and what to look for. */
  description: string;
  search: string;
}

const SCALED = (id: string, label: string, metric: string, what: string): Preset => ({
  id, label,
  description: `${what} against dictionary width per architecture, Gemma-2-2B layer 12: each point the mean over one sweep's SAEs with L0 in [36, 200], n at each point (paper figure 2×3).`,
  search: `?v=2&view=scaling&y=${metric}&width=`,
});

/** The paper's headline figures on the shipped data. Each opens on one model and layer; the ones against L0
 * on one width per panel. What each shows is measured live ("What the data shows"), never written here. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'core-gemma-65k',
    label: 'Sparsity–fidelity frontier: Gemma-2-2B 65k',
    description: 'Loss recovered vs L0 for the 0125 suite at 65k latents, layer 12, one Pareto frontier per sweep (paper H3).',
    search: '?v=2&view=pareto',
  },
  {
    id: 'grid-gemma-65k',
    label: 'All metrics vs L0: Gemma-2-2B 65k',
    description: 'The paper\'s 65k architecture series: every headline metric against L0, one line per sweep, PCA baseline marked (paper H1).',
    search: '?v=2&view=grid',
  },
  {
    id: 'scr-per-width',
    label: 'SCR vs L0, one panel per width',
    description: 'SCR (top-20 latents ablated) against L0 for Gemma-2-2B layer 12 at 4k, 16k and 65k, lines per sweep.',
    search: '?v=2&view=scatter&y=scr_top20&width=&facet=dict_size',
  },
  {
    id: 'tpp-per-width',
    label: 'TPP vs L0, one panel per width',
    description: 'TPP (top-20 latents ablated) against L0 for Gemma-2-2B layer 12 at 4k, 16k and 65k, lines per sweep.',
    search: '?v=2&view=scatter&y=tpp_top20&width=&facet=dict_size',
  },
  SCALED('scaling-scr', 'Width scaling: SCR', 'scr_top20', 'SCR top-20'),
  SCALED('scaling-tpp', 'Width scaling: TPP', 'tpp_top20', 'TPP top-20'),
  SCALED('scaling-absorption', 'Width scaling: absorption', 'absorption_fraction', 'Mean absorption fraction (lower is better)'),
  SCALED('scaling-autointerp', 'Width scaling: autointerp', 'autointerp_score', 'AutoInterp score'),
  SCALED('scaling-sparse-probing', 'Width scaling: sparse probing', 'sparse_probing_sae_top1', 'Sparse probing top-1 accuracy'),
  SCALED('scaling-core', 'Width scaling: loss recovered', 'ce_loss_score', 'Loss recovered'),
  {
    id: 'agreement-gemma',
    label: 'Do proxy metrics predict practical ones? (126 Gemma SAEs)',
    description: 'Spearman rank correlation between loss recovered, explained variance and the downstream metrics over every Gemma-2-2B 0125 SAE (4k, 16k, 65k), with 95 % intervals; tick "Control for log L0" to remove sparsity (paper F1).',
    search: '?v=2&view=agreement&width=',
  },
  {
    id: 'absorption-pythia-4k',
    label: 'Absorption vs L0: Pythia-160M 4k',
    description: 'Mean absorption fraction (lower is better) against L0 for every architecture, Pythia-160M layer 8, 4k: the Pythia width with published absorption values.',
    search: '?v=2&view=scatter&y=absorption_fraction&model=pythia-160m-deduped&layer=8&width=4096',
  },
  {
    id: 'coverage',
    label: 'What the data has, and where it has holes',
    description: 'How many SAEs have each eval, by architecture and by model and width, over the whole dataset.',
    search: '?v=2&view=coverage&model=&layer=&width=&release=',
  },
];

// Each preset's URL in canonical form, decoded once per dataset (activePreset runs on every render).
const canonical = new WeakMap<Domains, string[]>();

/** The preset whose URL gives exactly this view, if any. */
export function activePreset(view: ViewState, domains: Domains): Preset | undefined {
  let searches = canonical.get(domains);
  if (!searches) {
    searches = PRESETS.map((p) => encodeUrl(decodeUrl(p.search, domains).state));
    canonical.set(domains, searches);
  }
  // A preset is a view, whatever dataset it is shown on.
  const i = searches.indexOf(encodeUrl({ ...view, data: null }));
  return i < 0 ? undefined : PRESETS[i];
}
