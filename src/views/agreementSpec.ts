// Rows -> metric-agreement matrix: Spearman rank correlations between headline metrics over the filtered SAEs,
// pairwise on complete pairs (n per cell), optionally partial on log L0. Metrics are oriented so that higher
// is better, so a positive ρ means two metrics agree on which SAE is better.
import { agreementMatrix, type AgreementCell } from '../analysis/rankCorrelation.ts';
import { metricById } from '../catalog/metrics.ts';
import type { ViewState } from '../state/viewState.ts';
import { isBaseline, num, type SaeRow } from './groups.ts';
import type { MatrixBlock } from './matrixSvg.ts';

export const AGREEMENT_METRICS = [
  'l0', 'ce_loss_score', 'explained_variance', 'absorption_fraction', 'autointerp_score', 'scr_top20', 'tpp_top20',
  'sparse_probing_sae_top1', 'unlearning_score', 'ravel_disentanglement',
] as const;

export interface AgreementMetric {
  id: string;
  label: string;
}

export interface AgreementView {
  metrics: AgreementMetric[];
  cells: AgreementCell[];
  method: string;
  saes: number;
}

export function agreementMetricLabel(id: string): string {
  const def = metricById(id)!;
  if (def.direction === 'control') return `${def.label} (control)`;
  return def.direction === 'lower' ? `−${def.label} (flipped)` : def.label;
}

export function agreementView(rows: readonly SaeRow[], s: ViewState): AgreementView {
  const ids = AGREEMENT_METRICS.filter((id) => !(s.partial && id === 'l0'));
  const saes = rows.filter((r) => !isBaseline(r));
  const oriented = saes.map((r) => {
    const o: Record<string, unknown> = {};
    for (const id of ['l0', ...ids]) {
      const v = num(r[id]);
      o[id] = v !== null && metricById(id)?.direction === 'lower' ? -v : v;
    }
    return o;
  });
  const cells = agreementMatrix(oriented, ids, s.partial ? { controlFor: 'l0', transformControl: 'log' } : {});
  return {
    metrics: ids.map((id) => ({ id, label: agreementMetricLabel(id) })),
    cells,
    method: s.partial ? 'partial Spearman, controlling for log L0' : 'Spearman',
    saes: saes.length,
  };
}

/** Diverging blue–white–red fill for ρ in [-1, 1]; grey for undefined. */
export function agreementColor(rho: number | null): string {
  if (rho === null) return '#eeeeee';
  const [lo, hi] = rho < 0 ? [[255, 255, 255], [33, 102, 172]] : [[255, 255, 255], [178, 24, 43]];
  const t = Math.min(1, Math.abs(rho));
  const c = lo.map((v, i) => Math.round(v + (hi[i]! - v) * t));
  return `rgb(${c.join(', ')})`;
}

export const AGREEMENT_EXPORT_COLUMNS = ['metric_a', 'metric_b', 'rho', 'n', 'method'];

export function agreementExportRows(rows: readonly SaeRow[], s: ViewState): SaeRow[] {
  const v = agreementView(rows, s);
  return v.cells.map((c) => ({ metric_a: c.a, metric_b: c.b, rho: c.rho, n: c.n, method: v.method }));
}

/** The matrix as a figure block (for SVG/PNG export). */
export function agreementBlock(v: AgreementView): MatrixBlock {
  return {
    title: `Metric agreement (${v.method}, ${v.saes} SAEs)`,
    rows: v.metrics.map((m) => m.label),
    cols: v.metrics.map((m) => m.label),
    cells: v.cells.map((c) => ({ text: c.rho === null ? '–' : c.rho.toFixed(2), fill: agreementColor(c.rho), dark: Math.abs(c.rho ?? 0) > 0.6 })),
  };
}
