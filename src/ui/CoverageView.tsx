// Coverage: how many of the filtered SAEs have each eval, by architecture and by model and width.
import { useMemo } from 'react';
import { coverageBlocks, coverageFill, coverageTables, evalLabel } from '../views/coverageSpec.ts';
import type { SaeRow } from '../views/groups.ts';
import { matrixSvg } from '../views/matrixSvg.ts';
import type { PaperSize } from '../views/paperFigure.ts';
import { useExportSource } from './figureRegistry.ts';

export function CoverageView({ rows }: { rows: SaeRow[] }) {
  const tables = useMemo(() => coverageTables(rows), [rows]);
  const exportSvg = useMemo(() => ({
    kind: 'svg' as const,
    render: (size: PaperSize) => matrixSvg(coverageBlocks(tables), size, `SAEs with each eval among ${rows.length} filtered SAEs`),
  }), [tables, rows.length]);
  useExportSource(exportSvg);
  return (
    <div className="matrix-view" data-testid="coverage">
      <p className="plot-caption">SAEs with a value for each eval among the {rows.length} filtered SAEs (count / SAEs in the group). Empty cells are holes in the real data, never filled in.</p>
      {tables.map((t) => {
        const k = t.matrix.evalIds.length;
        return (
          <table key={t.grouping} className="matrix coverage" data-testid={`coverage-${t.grouping}`}>
            <caption>{t.title}</caption>
            <thead><tr><th scope="col" />{t.matrix.evalIds.map((e) => <th key={e} scope="col">{evalLabel(e)}</th>)}</tr></thead>
            <tbody>
              {t.matrix.keys.map((key, i) => (
                <tr key={key}>
                  <th scope="row">{t.labels[key] ?? key}</th>
                  {t.matrix.evalIds.map((e, j) => {
                    const c = t.matrix.cells[i * k + j]!;
                    return (
                      <td key={e} data-eval={e} className={c.count === 0 ? 'hole' : undefined} style={{ background: coverageFill(c.count, c.total) }}>
                        {c.count} / {c.total}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
