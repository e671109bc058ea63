// A small, hand-written set of domains for the URL codec's tests: what the loaded data would offer.
import type { Domains } from '../../src/data/datasetInfo.ts';

export const TEST_DOMAINS: Domains = {
  values: {
    arch: ['topk', 'matryoshka_batch_topk', 'jumprelu'],
    model: ['gemma-2-2b', 'pythia-160m-deduped'],
    width: [4096, 65536],
    layer: [8, 12],
    release: ['sae_bench_0125'],
    prov: ['reproduction', 'published_0125'],
    tokens: [499998720],
  },
  saeIds: new Set(['a__b', 'weird,id&=x']),
};
