// Canonical architecture class from an SAE config, as SAEBench's graphing code and Neuronpedia derive it.
import { canonicalArchitectureName } from '../catalog/architectures.ts';

export function canonicalArchitecture(
  architecture: string | undefined,
  activationFn: string | undefined,
  releaseId: string | undefined,
): string | undefined {
  const release = (releaseId ?? '').toLowerCase();
  if (release.includes('panneal') || release.includes('p_anneal')) return 'p_anneal';
  if ((activationFn ?? '').toLowerCase() === 'topk' && (architecture ?? 'standard') === 'standard') return 'topk';
  return architecture ? canonicalArchitectureName(architecture) : undefined;
}
