// Coverage: how many of the filtered SAEs have each eval, by architecture and by model and width, counted in
// SQL from each eval's headline column, so holes in the real data are visible before anyone draws a conclusion.
import { EVAL_HEADLINE, EVAL_LABELS, type EvalId } from '../catalog/metrics.ts';
import { num, str, type Frame } from '../data/frame.ts';
import { categoryLabel } from './encodings.ts';
import type { MatrixBlock } from './matrixSvg.ts';

export const COVERAGE_EVALS = Object.keys(EVAL_HEADLINE) as Exclude<EvalId, 'config'>[];

export const evalLabel = (id: string): string => EVAL_LABELS[id as EvalId] ?? id;

export type CoverageGrouping = 'architecture' | 'model_width';

export const COVERAGE_GROUPINGS: Record<CoverageGrouping, { title: string; columns: string[] }> = {
  architecture: { title: 'By architecture', columns: ['architecture'] },
  model_width: { title: 'By model and width', columns: ['model', 'dict_size'] },
};

export interface CoverageTable {
  grouping: CoverageGrouping;
  title: string;
  evalIds: string[];
  groups: { key: string; label: string; total: number; counts: number[] }[];
}

/** Rows of a grouped count query (its key columns, `total`, one count column per eval) -> a table. */
export function coverageTable(grouping: CoverageGrouping, f: Frame): CoverageTable {
  const { title, columns } = COVERAGE_GROUPINGS[grouping];
  const keyCols = columns.map((c) => (c === 'dict_size' ? num(f, c) : str(f, c)));
  const total = num(f, 'total');
  const counts = COVERAGE_EVALS.map((e) => num(f, e));
  const groups = Array.from({ length: f.length }, (_, i) => ({
    key: keyCols.map((c) => String(c[i] ?? '')).join(' '),
    label: columns.map((c, k) => categoryLabel(c, keyCols[k]![i] ?? null)).join(', '),
    total: total[i]!,
    counts: counts.map((c) => c[i]!),
  }));
  return { grouping, title, evalIds: [...COVERAGE_EVALS], groups };
}

export const COVERAGE_EXPORT_COLUMNS = ['grouping', 'group', 'eval', 'count', 'total'];

export function coverageExportRows(tables: readonly CoverageTable[]): Record<string, unknown>[] {
  return tables.flatMap((t) => t.groups.flatMap((g) => t.evalIds.map((e, j) => ({ grouping: t.grouping, group: g.label, eval: e, count: g.counts[j], total: g.total }))));
}

/** Share of a group that has the eval, as a blue fill (white = none). */
export function coverageFill(count: number, total: number): string {
  const share = total ? count / total : 0;
  return count === 0 ? '#ffffff' : `rgba(0, 114, 178, ${(0.08 + 0.5 * share).toFixed(3)})`;
}

export function coverageBlocks(tables: readonly CoverageTable[]): MatrixBlock[] {
  return tables.map((t) => ({
    title: `Coverage ${t.title.toLowerCase()}`,
    rows: t.groups.map((g) => g.label),
    cols: t.evalIds.map(evalLabel),
    cells: t.groups.flatMap((g) => g.counts.map((c) => ({ text: `${c}/${g.total}`, fill: coverageFill(c, g.total) }))),
  }));
}
