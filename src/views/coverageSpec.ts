// Rows -> coverage matrices: how many of the filtered SAEs have each eval, by architecture and by model and
// width, so holes in the real data are visible before anyone draws a conclusion.
import { coverageMatrix, type CoverageMatrix } from '../analysis/coverage.ts';
import { EVAL_LABELS, type EvalId } from '../catalog/metrics.ts';
import { categoryLabel } from './encodings.ts';
import type { SaeRow } from './groups.ts';
import type { MatrixBlock } from './matrixSvg.ts';

/** Each eval's presence is read from its headline metric column. */
export const COVERAGE_EVALS: readonly { id: EvalId; column: string }[] = [
  { id: 'core', column: 'ce_loss_score' },
  { id: 'absorption_first_letter', column: 'absorption_fraction' },
  { id: 'autointerp', column: 'autointerp_score' },
  { id: 'scr', column: 'scr_top20' },
  { id: 'tpp', column: 'tpp_top20' },
  { id: 'sparse_probing', column: 'sparse_probing_sae_top1' },
  { id: 'unlearning', column: 'unlearning_score' },
  { id: 'ravel', column: 'ravel_disentanglement' },
  { id: 'bundled_dl', column: 'bundled_dl_frac_recovered' },
];

export const evalLabel = (id: string): string => EVAL_LABELS[id as EvalId] ?? id;

export interface CoverageTable {
  grouping: 'architecture' | 'model_width';
  title: string;
  matrix: CoverageMatrix;
  /** Display label per matrix key. */
  labels: Record<string, string>;
}

export function coverageTables(rows: readonly SaeRow[]): CoverageTable[] {
  const labels: Record<string, string> = {};
  const byArch = (r: SaeRow) => {
    const key = String(r.architecture ?? '');
    labels[key] = categoryLabel('architecture', r.architecture);
    return key;
  };
  const modelLabels: Record<string, string> = {};
  const byModelWidth = (r: SaeRow) => {
    // Zero-padded width so keys sort by model, then numerically by width.
    const key = `${String(r.model)} ${String(r.dict_size).padStart(9, '0')}`;
    modelLabels[key] = `${String(r.model)}, ${categoryLabel('dict_size', r.dict_size)}`;
    return key;
  };
  return [
    { grouping: 'architecture', title: 'By architecture', matrix: coverageMatrix(rows, byArch, COVERAGE_EVALS), labels },
    { grouping: 'model_width', title: 'By model and width', matrix: coverageMatrix(rows, byModelWidth, COVERAGE_EVALS), labels: modelLabels },
  ];
}

export const COVERAGE_EXPORT_COLUMNS = ['grouping', 'group', 'eval', 'count', 'total'];

export function coverageExportRows(rows: readonly SaeRow[]): SaeRow[] {
  return coverageTables(rows).flatMap((t) =>
    t.matrix.cells.map((c) => ({ grouping: t.grouping, group: t.labels[c.key] ?? c.key, eval: c.evalId, count: c.count, total: c.total })));
}

/** Share of a group that has the eval, as a blue fill (white = none). */
export function coverageFill(count: number, total: number): string {
  const share = total ? count / total : 0;
  return count === 0 ? '#ffffff' : `rgba(0, 114, 178, ${(0.08 + 0.5 * share).toFixed(3)})`;
}

export function coverageBlocks(tables: readonly CoverageTable[]): MatrixBlock[] {
  return tables.map((t) => ({
    title: `Coverage ${t.title.toLowerCase()}`,
    rows: t.matrix.keys.map((k) => t.labels[k] ?? k),
    cols: t.matrix.evalIds.map(evalLabel),
    cells: t.matrix.cells.map((c) => ({ text: `${c.count}/${c.total}`, fill: coverageFill(c.count, c.total) })),
  }));
}
