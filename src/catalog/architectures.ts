// Architecture classes: canonical ids (Neuronpedia's saeClass), display labels, and the other names the
// sources use for them. The one place that knows these names.

export interface ArchitectureDef {
  id: string;
  label: string;
  aliases: readonly string[];
}

export const ARCHITECTURES: readonly ArchitectureDef[] = [
  { id: 'standard', label: 'ReLU', aliases: ['standard_april_update', 'relu'] },
  { id: 'p_anneal', label: 'P-Anneal', aliases: ['panneal', 'p-anneal'] },
  { id: 'topk', label: 'TopK', aliases: [] },
  { id: 'batch_topk', label: 'Batch TopK', aliases: ['batchtopk', 'batch-topk'] },
  { id: 'matryoshka_batch_topk', label: 'Matryoshka Batch TopK', aliases: ['matryoshka_batchtopk', 'matroyshka_batch_topk'] },
  { id: 'jumprelu', label: 'JumpReLU', aliases: ['jump_relu'] },
  { id: 'gated', label: 'Gated', aliases: [] },
  { id: 'pca', label: 'PCA baseline', aliases: [] },
];

const BY_NAME = new Map(ARCHITECTURES.flatMap((a) => [[a.id, a], ...a.aliases.map((n) => [n, a] as const)]));

/** The canonical id for any known name (case-insensitive); unknown names are returned lower-cased. */
export function canonicalArchitectureName(name: string): string {
  const lower = name.toLowerCase();
  return BY_NAME.get(lower)?.id ?? lower;
}

export function architectureLabel(id: string): string {
  return BY_NAME.get(id)?.label ?? id;
}
