// Non-metric columns of the SAE table, and the categorical dimensions users filter and colour by.
import { METRICS, type EvalId } from './metrics.ts';

export type ColumnType = 'string' | 'number' | 'boolean';

export interface IdentityColumn {
  id: string;
  label: string;
  type: ColumnType;
  description: string;
}

export const IDENTITY_COLUMNS: readonly IdentityColumn[] = [
  { id: 'sae_id', label: 'SAE id', type: 'string', description: 'Stable id of the SAE in this dataset' },
  { id: 'release', label: 'Release', type: 'string', description: 'SAE release (suite) the SAE belongs to' },
  { id: 'model', label: 'Model', type: 'string', description: 'Language model the SAE was trained on' },
  { id: 'layer', label: 'Layer', type: 'number', description: 'Layer of the hook' },
  { id: 'hook_name', label: 'Hook', type: 'string', description: 'TransformerLens hook name' },
  { id: 'architecture', label: 'Architecture', type: 'string', description: 'Canonical SAE architecture class' },
  { id: 'dict_size', label: 'Width', type: 'number', description: 'Dictionary size (number of latents, d_sae)' },
  { id: 'trainer', label: 'Trainer', type: 'number', description: 'Trainer number in the weights folder' },
  { id: 'sparsity_index', label: 'Sparsity index', type: 'number', description: 'Position of the trainer within its (suite, architecture) group; plot measured L0 instead' },
  { id: 'training_tokens', label: 'Training tokens', type: 'number', description: 'Tokens the SAE was trained on' },
  { id: 'nominal_l0', label: 'Nominal L0', type: 'number', description: 'Gemma Scope only: the L0 in the SAELens id, not a SAEBench measurement' },
  { id: 'hf_weights_repo', label: 'Weights repo', type: 'string', description: 'Hugging Face repository of the weights' },
  { id: 'hf_weights_path', label: 'Weights path', type: 'string', description: 'Folder of the weights inside the repository' },
  { id: 'published_result_stem', label: 'Published result file', type: 'string', description: 'File stem in the official results dataset' },
  { id: 'sae_lens_release_id', label: 'SAELens release', type: 'string', description: 'SAELens release id' },
  { id: 'sae_lens_id', label: 'SAELens id', type: 'string', description: 'SAELens SAE id' },
  { id: 'is_baseline', label: 'Baseline', type: 'boolean', description: 'True for PCA baseline rows' },
];

export const PROVENANCE_EVALS: readonly EvalId[] = [
  'core', 'absorption_first_letter', 'autointerp', 'scr', 'tpp', 'sparse_probing', 'unlearning', 'ravel',
];
export const PROVENANCE_COLUMNS: readonly string[] = PROVENANCE_EVALS.map((e) => `${e}_provenance`);

/** Provenance of the bundled dictionary_learning columns, which have no provenance column of their own. */
export const BUNDLED_PROVENANCE = 'bundled_dl_eval';

export const PROVENANCE_LABELS: Record<string, string> = {
  published_0125: 'Published (SAEBench 0125 results)',
  reproduction: 'Reproduction (third-party re-run)',
  published_baseline: 'Published baseline (Neuronpedia PCA table)',
  test_fixture: 'SAEBench test fixture (reduced config)',
  third_party_run: 'Third-party run (may use a non-default config)',
  bundled_dl_eval: 'Bundled dictionary_learning eval (not SAEBench core)',
  user_upload: 'Your upload',
};

/** Every column of the SAE table, in CSV order. */
export const TABLE_COLUMNS: readonly string[] = [
  ...IDENTITY_COLUMNS.map((c) => c.id),
  ...METRICS.map((d) => d.id),
  ...PROVENANCE_COLUMNS,
];

export function columnType(id: string): ColumnType | undefined {
  const identity = IDENTITY_COLUMNS.find((c) => c.id === id);
  if (identity) return identity.type;
  if (METRICS.some((d) => d.id === id)) return 'number';
  if (PROVENANCE_COLUMNS.includes(id)) return 'string';
  return undefined;
}

/** Categorical dimensions: URL key, SQL column, label. `provenance` is virtual (any eval's provenance). */
export interface Dimension {
  key: 'arch' | 'model' | 'width' | 'layer' | 'release' | 'tokens' | 'prov';
  column: string;
  label: string;
  numeric: boolean;
}

export const DIMENSIONS: readonly Dimension[] = [
  { key: 'model', column: 'model', label: 'Model', numeric: false },
  { key: 'layer', column: 'layer', label: 'Layer', numeric: true },
  { key: 'width', column: 'dict_size', label: 'Width', numeric: true },
  { key: 'arch', column: 'architecture', label: 'Architecture', numeric: false },
  { key: 'release', column: 'release', label: 'Release', numeric: false },
  { key: 'prov', column: 'provenance', label: 'Provenance', numeric: false },
  { key: 'tokens', column: 'training_tokens', label: 'Training tokens', numeric: true },
];

export type DimensionKey = Dimension['key'];

/** Categorical columns a scatter can be coloured by (besides a metric). */
export const COLOR_COLUMNS = ['architecture', 'model', 'dict_size', 'layer', 'release'] as const;
