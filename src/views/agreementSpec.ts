// Frame -> metric-agreement matrix: Spearman rank correlations between headline metrics over the filtered SAEs,
// pairwise on complete pairs (n per cell) with a 95 % interval, optionally partial on log L0. Metrics are
// oriented so that higher is better, so ρ > 0 means two metrics agree on which SAE is better. Metrics with no
// computable cell are left out.
import { agreementMatrix, spearmanInterval, type AgreementCell } from '../analysis/rankCorrelation.ts';
import { SWEEP_COLUMNS } from '../analysis/sweeps.ts';
import { HEADLINE_METRICS, metricById, orientedValue } from '../catalog/metrics.ts';
import { num, type Frame } from '../data/frame.ts';
import type { ViewState } from '../state/viewState.ts';
import { saeRows } from './groups.ts';
import { countOf, prefersDarkText } from './encodings.ts';
import type { MatrixBlock } from './matrixSvg.ts';

export interface AgreementMetric {
  id: string;
  label: string;
}

export interface AgreementCellView extends AgreementCell {
  ci: [number, number] | null;
}

export interface AgreementView {
  metrics: AgreementMetric[];
  cells: AgreementCellView[];
  method: string;
  saes: number;
  /** Headline metrics left out because no SAE pair here has them (e.g. no SCR values under these filters). */
  collapsed: AgreementMetric[];
  rows: number[];
}

export const AGREEMENT_INTERVAL_METHOD = 'Fisher z with variance 1.06/(n − 3), n − 4 when partial (Fieller, Hartley and Pearson 1957); SAEs of one sweep are not independent, so treat intervals as optimistic';

export function agreementColumns(): string[] {
  return ['sae_id', 'is_baseline', ...HEADLINE_METRICS, ...SWEEP_COLUMNS];
}

export function agreementMetricLabel(id: string): string {
  const def = metricById(id)!;
  if (def.direction === 'control') return `${def.label} (control)`;
  if (def.direction === 'lower') return `−${def.label} (flipped)`;
  if (def.direction === 'target') return `−|${def.label} − ${def.target ?? 1}|`;
  return def.label;
}

export function agreementView(f: Frame, s: ViewState): AgreementView {
  const rows = saeRows(f);
  const all = HEADLINE_METRICS.filter((id) => !(s.partial && id === 'l0'));
  const oriented: Record<string, Float64Array> = {};
  for (const id of ['l0', ...all]) {
    const def = metricById(id)!;
    const col = num(f, id);
    // L0 stays raw: it is what a partial correlation controls for.
    oriented[id] = Float64Array.from(rows, (i) => (id === 'l0' || Number.isNaN(col[i]!) ? col[i]! : orientedValue(def, col[i]!)));
  }
  const options = s.partial ? { controlFor: 'l0', transformControl: 'log' as const } : {};
  const full = agreementMatrix(oriented, all, options);
  const k = all.length;
  const computable = all.filter((_, i) => full.some((c, idx) => Math.floor(idx / k) === i && idx % k !== i && c.rho !== null));
  const cells = agreementMatrix(oriented, computable, options).map((c) => ({ ...c, ci: spearmanInterval(c.rho, c.n, s.partial ? 1 : 0) }));
  return {
    metrics: computable.map((id) => ({ id, label: agreementMetricLabel(id) })),
    collapsed: all.filter((id) => !computable.includes(id)).map((id) => ({ id, label: agreementMetricLabel(id) })),
    cells,
    method: s.partial ? 'partial Spearman, controlling for log L0' : 'Spearman',
    saes: rows.length,
    rows,
  };
}

/** Diverging blue–white–red fill for ρ in [-1, 1]; grey for undefined. Text colour is chosen for contrast. */
export function agreementColor(rho: number | null): string {
  if (rho === null) return '#eeeeee';
  const [lo, hi] = rho < 0 ? [[255, 255, 255], [33, 102, 172]] : [[255, 255, 255], [178, 24, 43]];
  const t = Math.min(1, Math.abs(rho));
  const c = lo.map((v, i) => Math.round(v + (hi[i]! - v) * t));
  return `rgb(${c.join(', ')})`;
}

/** Whether black text reads better than white on this cell's fill (whichever has the higher WCAG contrast;
 * one of the two always reaches 4.5:1). */
export function agreementTextDark(rho: number | null): boolean {
  return prefersDarkText(agreementColor(rho));
}

export function formatInterval(ci: [number, number] | null): string {
  return ci ? `[${ci[0].toFixed(2)}, ${ci[1].toFixed(2)}]` : '–';
}

export const AGREEMENT_EXPORT_COLUMNS = ['metric_a', 'metric_b', 'rho', 'ci_low', 'ci_high', 'n', 'method', 'interval_method'];

export function agreementExportRows(v: AgreementView): Record<string, unknown>[] {
  return v.cells.map((c) => ({
    metric_a: c.a, metric_b: c.b, rho: c.rho, ci_low: c.ci?.[0] ?? null, ci_high: c.ci?.[1] ?? null, n: c.n,
    method: v.method, interval_method: AGREEMENT_INTERVAL_METHOD,
  }));
}

/** The matrix as a figure block (for SVG/PNG export). */
export function agreementBlock(v: AgreementView): MatrixBlock {
  return {
    title: `Metric agreement (${v.method}, ${countOf(v.saes)})`,
    rows: v.metrics.map((m) => m.label),
    cols: v.metrics.map((m) => m.label),
    cells: v.cells.map((c) => ({ text: c.rho === null ? '–' : c.rho.toFixed(2), fill: agreementColor(c.rho), dark: !agreementTextDark(c.rho) })),
  };
}
