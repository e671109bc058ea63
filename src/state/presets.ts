// Named views that reproduce the SAEBench paper's headline figures from the data we ship. A preset is nothing
// but a URL query string; applying it goes through the same decoder as any shared link.
import { decodeUrl, encodeUrl, type Domains } from './urlCodec.ts';
import type { ViewState } from './viewState.ts';
export interface Preset {
  id: string;
  label: string;
  /** What the preset shows and what to look for. */
  description: string;
  search: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'core-gemma-65k',
    label: 'Sparsity–fidelity frontier: Gemma-2-2B 65k',
    description: 'Loss recovered vs L0 for the 0125 suite at 65k latents, one Pareto frontier per architecture (paper H3).',
    search: '?v=1&view=pareto&model=gemma-2-2b&width=65536&release=sae_bench_0125',
  },
  {
    id: 'grid-gemma-4k',
    label: 'All metrics vs L0: Gemma-2-2B 4k',
    description: 'Every headline metric against L0, one line per architecture, PCA baseline dashed (paper H1). 4k is the Gemma width with published RAVEL and unlearning values.',
    search: '?v=1&view=grid&model=gemma-2-2b&width=4096&layer=12&lines=1',
  },
  {
    id: 'grid-gemma-65k',
    label: 'All metrics vs L0: Gemma-2-2B 65k',
    description: 'The paper\'s 65k architecture series; with the shipped data only the core panels are filled (the empty panels say so).',
    search: '?v=1&view=grid&model=gemma-2-2b&width=65536&layer=12&lines=1',
  },
  {
    id: 'absorption-pythia-4k',
    label: 'Absorption vs L0: Pythia-160M 4k',
    description: 'Mean absorption fraction (lower is better) against L0 for every architecture, lines in L0 order.',
    search: '?v=1&view=scatter&y=absorption_fraction&model=pythia-160m-deduped&width=4096&lines=1',
  },
  {
    id: 'width-scaling-gemma',
    label: 'Width scaling in the L0 window: Gemma-2-2B',
    description: 'Loss recovered against dictionary size per architecture, each point the mean over SAEs with L0 in [40, 200], min–max band (paper H2).',
    search: '?v=1&view=scaling&model=gemma-2-2b&release=sae_bench_0125',
  },
  {
    id: 'ravel-gemma-4k',
    label: 'RAVEL vs L0: Gemma-2-2B 4k',
    description: 'RAVEL disentanglement against L0, one line per architecture, with the PCA baseline.',
    search: '?v=1&view=scatter&y=ravel_disentanglement&model=gemma-2-2b&width=4096&lines=1',
  },
  {
    id: 'unlearning-gemma-4k',
    label: 'Unlearning vs L0: Gemma-2-2B 4k',
    description: 'Unlearning score against L0, one line per architecture.',
    search: '?v=1&view=scatter&y=unlearning_score&model=gemma-2-2b&width=4096&lines=1',
  },
  {
    id: 'agreement-0125',
    label: 'Do proxy metrics agree with practical ones? (0125 suite)',
    description: 'Spearman rank correlation between metrics over the 0125 suite, controlling for log L0 (paper F1).',
    search: '?v=1&view=agreement&release=sae_bench_0125&partial=1',
  },
  {
    id: 'coverage',
    label: 'Where the real data has holes',
    description: 'How many SAEs have each eval, by architecture and by model and width.',
    search: '?v=1&view=coverage',
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
  const i = searches.indexOf(encodeUrl(view));
  return i < 0 ? undefined : PRESETS[i];
}
