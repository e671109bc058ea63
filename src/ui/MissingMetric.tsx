// "SCR exists for 126 gemma-2-2b SAEs; none match these filters": why a plot or panel is empty.
import { metricById } from '../catalog/metrics.ts';
import type { DatasetInfo } from '../data/datasetInfo.ts';

export function missingMetricText(metric: string, info: DatasetInfo): string {
  const label = metricById(metric)?.label ?? metric;
  const byModel = Object.entries(info.metricTotalsByModel).filter(([, t]) => (t[metric] ?? 0) > 0).map(([model, t]) => `${t[metric]} ${model}`);
  if (!byModel.length) return `${label}: no SAE in this dataset has it.`;
  return `${label} exists for ${byModel.join(' and ')} SAEs; none match these filters.`;
}

export function MissingMetric({ metric, info }: { metric: string; info: DatasetInfo }) {
  return <span data-metric={metric}>{missingMetricText(metric, info)}</span>;
}
