// One entry per metric column of the wide table. Ids are the column names of saebench_metrics.csv;
// descriptions are the SAEBench v0.6.0 output-schema texts (tests/core/catalog.test.ts checks them against
// data/saebench/schemas/).

/** 'control': not a score (L0, a descriptive count); 'target': best at `target` (L2 ratio at 1). */
export type Direction = 'higher' | 'lower' | 'target' | 'control';

export type EvalId =
  | 'core'
  | 'absorption_first_letter'
  | 'autointerp'
  | 'scr'
  | 'tpp'
  | 'sparse_probing'
  | 'unlearning'
  | 'ravel'
  | 'bundled_dl'
  | 'config';

export interface MetricDef {
  id: string;
  label: string;
  eval: EvalId;
  /** [category, metric] inside eval_result_metrics; null when not a SAEBench schema field. */
  schemaKey: [string, string] | null;
  description: string;
  direction: Direction;
  /** The best value, for direction 'target'. */
  target?: number;
  /** Log axis by default (L0 spans two orders of magnitude). */
  defaultLog: boolean;
  headline?: boolean;
}

export const EVAL_LABELS: Record<EvalId, string> = {
  core: 'Core',
  absorption_first_letter: 'Absorption',
  autointerp: 'AutoInterp',
  scr: 'SCR',
  tpp: 'TPP',
  sparse_probing: 'Sparse probing',
  unlearning: 'Unlearning',
  ravel: 'RAVEL',
  bundled_dl: 'Bundled dictionary_learning eval',
  config: 'SAE configuration',
};

const m = (
  id: string,
  label: string,
  evalId: EvalId,
  schemaKey: [string, string] | null,
  description: string,
  direction: Direction,
  extra: Partial<MetricDef> = {},
): MetricDef => ({ id, label, eval: evalId, schemaKey, description, direction, defaultLog: false, ...extra });

const THRESHOLDS = [2, 5, 10, 20, 50, 100, 500] as const;

const scr = THRESHOLDS.map((k) =>
  m(`scr_top${k}`, `SCR top-${k}`, 'scr', ['scr_metrics', `scr_metric_threshold_${k}`],
    `SCR Metric (selecting dir1 if inital profession accuracy is lower than initial gender accuracy, else dir2) ablating the top ${k} SAE latents`,
    'higher', { headline: k === 20 }),
);
const tpp = THRESHOLDS.map((k) =>
  m(`tpp_top${k}`, `TPP top-${k}`, 'tpp', ['tpp_metrics', `tpp_threshold_${k}_total_metric`],
    `TPP metric when ablating the top ${k} SAE latents`, 'higher', { headline: k === 20 }),
);

export const METRICS: readonly MetricDef[] = [
  m('l0', 'L0', 'core', ['sparsity', 'l0'], 'Average number of non-zero feature activations', 'control', { defaultLog: true, headline: true }),
  m('ce_loss_score', 'Loss recovered', 'core', ['model_performance_preservation', 'ce_loss_score'],
    'Normalized cross entropy loss score comparing model performance with and without SAE', 'higher', { headline: true }),
  m('explained_variance', 'Explained variance', 'core', ['reconstruction_quality', 'explained_variance'],
    'Proportion of variance in the original activation explained by the SAE reconstruction', 'higher', { headline: true }),
  m('mse', 'MSE', 'core', ['reconstruction_quality', 'mse'], 'Mean squared error between original activation and SAE reconstruction', 'lower'),
  m('cossim', 'Cosine similarity', 'core', ['reconstruction_quality', 'cossim'], 'Cosine similarity between original activation and SAE reconstruction', 'higher'),
  m('l2_ratio', 'L2 ratio', 'core', ['shrinkage', 'l2_ratio'], 'Ratio of output to input L2 norms', 'target', { target: 1 }),
  m('kl_div_score', 'KL divergence score', 'core', ['model_behavior_preservation', 'kl_div_score'],
    'Normalized KL divergence score comparing model behavior with and without SAE', 'higher'),
  m('frac_alive', 'Fraction alive', 'core', ['misc_metrics', 'frac_alive'],
    'Fraction of features that fired at least once during evaluation. This will likely be an underestimation due to a limited amount of tokens', 'higher'),
  m('absorption_fraction', 'Absorption fraction', 'absorption_first_letter', ['mean', 'mean_absorption_fraction_score'],
    'Average of the absorption fraction scores across all letters', 'lower', { headline: true }),
  m('absorption_full', 'Full absorption', 'absorption_first_letter', ['mean', 'mean_full_absorption_score'],
    'Average of the full absorption scores across all letters', 'lower'),
  m('absorption_num_split', 'Split features', 'absorption_first_letter', ['mean', 'mean_num_split_features'],
    'Average number of split features across all letters', 'control'),
  m('autointerp_score', 'AutoInterp score', 'autointerp', ['autointerp', 'autointerp_score'],
    "AutoInterp detection score, using methodology similar to Eleuther's 'Open Source Automated Interpretability for Sparse Autoencoder Features'", 'higher', { headline: true }),
  ...scr,
  ...tpp,
  m('sparse_probing_sae_top1', 'Sparse probing top-1', 'sparse_probing', ['sae', 'sae_top_1_test_accuracy'],
    'Linear probe accuracy when trained on the top 1 SAE latents', 'higher', { headline: true }),
  m('sparse_probing_sae_top2', 'Sparse probing top-2', 'sparse_probing', ['sae', 'sae_top_2_test_accuracy'],
    'Linear probe accuracy when trained on the top 2 SAE latents', 'higher'),
  m('sparse_probing_sae_top5', 'Sparse probing top-5', 'sparse_probing', ['sae', 'sae_top_5_test_accuracy'],
    'Linear probe accuracy when trained on the top 5 SAE latents', 'higher'),
  m('sparse_probing_sae_full', 'Sparse probing, all latents', 'sparse_probing', ['sae', 'sae_test_accuracy'],
    'Linear probe accuracy when trained on all SAE latents', 'higher'),
  m('sparse_probing_llm_top1', 'LLM probe top-1 (baseline)', 'sparse_probing', ['llm', 'llm_top_1_test_accuracy'],
    'Linear probe accuracy when trained on the LLM top 1 residual stream channel test accuracy', 'higher'),
  m('sparse_probing_llm_top2', 'LLM probe top-2 (baseline)', 'sparse_probing', ['llm', 'llm_top_2_test_accuracy'],
    'Linear probe accuracy when trained on the LLM top 2 residual stream channels test accuracy', 'higher'),
  m('sparse_probing_llm_top5', 'LLM probe top-5 (baseline)', 'sparse_probing', ['llm', 'llm_top_5_test_accuracy'],
    'Linear probe accuracy when trained on the LLM top 5 residual stream channels test accuracy', 'higher'),
  m('sparse_probing_llm_full', 'LLM probe, full (baseline)', 'sparse_probing', ['llm', 'llm_test_accuracy'],
    'Linear probe accuracy when training on the full LLM residual stream', 'higher'),
  m('unlearning_score', 'Unlearning score', 'unlearning', ['unlearning', 'unlearning_score'],
    'Unlearning score, using methodology from APPLYING SPARSE AUTOENCODERS TO UNLEARN KNOWLEDGE IN LANGUAGE MODELS', 'higher', { headline: true }),
  m('ravel_disentanglement', 'RAVEL disentanglement', 'ravel', ['ravel', 'disentanglement_score'],
    'Mean of cause and isolation scores across RAVEL datasets.', 'higher', { headline: true }),
  m('ravel_cause', 'RAVEL cause', 'ravel', ['ravel', 'cause_score'],
    'Cause score: Patching attribute-related SAE latents. High cause accuracy indicates that the SAE latents are related to the attribute.', 'higher'),
  m('ravel_isolation', 'RAVEL isolation', 'ravel', ['ravel', 'isolation_score'],
    'Isolation score: Patching SAE latents related to another attribute. High isolation accuracy indicates that latents related to another attribute are not related to this attribute.', 'higher'),
  m('bundled_dl_frac_recovered', 'Loss recovered (bundled dictionary_learning eval)', 'bundled_dl', null,
    'Fraction of loss recovered from the eval_results.json shipped with the weights (dictionary_learning protocol: the Pile, ctx 1024); not SAEBench core', 'higher'),
  m('bundled_dl_l0', 'L0 (bundled dictionary_learning eval)', 'bundled_dl', null,
    'L0 from the eval_results.json shipped with the weights (dictionary_learning protocol); not SAEBench core', 'control', { defaultLog: true }),
];

/** Numeric configuration columns that can go on a scatter axis too (not metrics: no provenance, no direction). */
export const CONFIG_AXES: readonly MetricDef[] = [
  m('dict_size', 'Width (dictionary size)', 'config', null, 'Dictionary size (number of latents, d_sae)', 'control', { defaultLog: true }),
  m('training_tokens', 'Training tokens', 'config', null, 'Tokens the SAE was trained on', 'control', { defaultLog: true }),
  m('layer', 'Layer', 'config', null, 'Layer of the hook', 'control'),
];

/** Each eval's headline metric, the one SAEBench's own summaries report (docs/shipped-data.md §7, "Headline metric per
 * eval"): what coverage counts and what a one-metric summary shows. */
export const EVAL_HEADLINE: Record<Exclude<EvalId, 'config'>, string> = {
  core: 'ce_loss_score',
  absorption_first_letter: 'absorption_fraction',
  autointerp: 'autointerp_score',
  scr: 'scr_top20',
  tpp: 'tpp_top20',
  sparse_probing: 'sparse_probing_sae_top1',
  unlearning: 'unlearning_score',
  ravel: 'ravel_disentanglement',
  bundled_dl: 'bundled_dl_frac_recovered',
};

/** The headline metrics, L0 first: the all-metrics grid and the agreement matrix use these. */
export const HEADLINE_METRICS: readonly string[] = METRICS.filter((d) => d.headline).map((d) => d.id);

const BY_ID = new Map(METRICS.map((d) => [d.id, d]));

const BUNDLED_KEYS: Record<string, string> = {
  bundled_dl_frac_recovered: 'dictionary_learning_bundled_eval|bundled|frac_recovered',
  bundled_dl_l0: 'dictionary_learning_bundled_eval|bundled|l0',
};

/** `eval_type|category|metric` of a result value (as the long table and SAEBench JSON name it) -> its column. */
export const METRIC_BY_VALUE_KEY: ReadonlyMap<string, MetricDef> = new Map(METRICS.flatMap((d): [string, MetricDef][] => {
  if (d.schemaKey) return [[`${d.eval}|${d.schemaKey[0]}|${d.schemaKey[1]}`, d]];
  const key = BUNDLED_KEYS[d.id];
  return key ? [[key, d]] : [];
}));
const AXIS_BY_ID = new Map([...METRICS, ...CONFIG_AXES].map((d) => [d.id, d]));

/** A metric or a configuration column that can be an axis. */
export function axisById(id: string): MetricDef | undefined {
  return AXIS_BY_ID.get(id);
}

export function isAxisId(id: string): boolean {
  return AXIS_BY_ID.has(id);
}

export function metricById(id: string): MetricDef | undefined {
  return BY_ID.get(id);
}

export function isMetricId(id: string): boolean {
  return BY_ID.has(id);
}

export function directionHint(d: Direction, target?: number): string {
  if (d === 'higher') return 'higher is better';
  if (d === 'lower') return 'lower is better';
  if (d === 'target') return `best at ${target ?? 1}`;
  return 'not a score';
}

/** Short arrow for axis titles and table headers: ↑, ↓, →1, or nothing for a control. */
export function directionArrow(d: MetricDef): string {
  if (d.direction === 'higher') return '↑';
  if (d.direction === 'lower') return '↓';
  if (d.direction === 'target') return `→${d.target ?? 1}`;
  return '';
}

/** A value oriented so that bigger is better (L0 and other controls: smaller is taken as better). */
export function orientedValue(d: MetricDef, v: number): number {
  if (d.direction === 'higher') return v;
  if (d.direction === 'target') return -Math.abs(v - (d.target ?? 1));
  return -v;
}

/** Tooltip text: what the metric is, which eval it comes from and which way is better. */
export function metricTooltip(d: MetricDef): string {
  return `${d.label} (${EVAL_LABELS[d.eval]}, ${directionHint(d.direction, d.target)}). ${d.description}`;
}
