// Canonical architecture class from an SAE config, as SAEBench's graphing code and Neuronpedia derive it.

const ALIASES: Record<string, string> = {
  standard_april_update: 'standard',
  relu: 'standard',
  panneal: 'p_anneal',
  'p-anneal': 'p_anneal',
  batchtopk: 'batch_topk',
  matryoshka_batchtopk: 'matryoshka_batch_topk',
  matroyshka_batch_topk: 'matryoshka_batch_topk',
  jump_relu: 'jumprelu',
};

export function canonicalArchitecture(
  architecture: string | undefined,
  activationFn: string | undefined,
  releaseId: string | undefined,
): string | undefined {
  const release = (releaseId ?? '').toLowerCase();
  if (release.includes('panneal') || release.includes('p_anneal')) return 'p_anneal';
  if ((activationFn ?? '').toLowerCase() === 'topk' && (architecture ?? 'standard') === 'standard') return 'topk';
  if (!architecture) return undefined;
  const a = architecture.toLowerCase();
  return ALIASES[a] ?? a;
}
