// Coverage: how many of the filtered SAEs have each eval, by architecture and by model and width.
import { useMemo } from 'react';
import { coverageBlocks, coverageFill, evalLabel } from '../../views/coverageSpec.ts';
import { matrixSvg } from '../../views/matrixSvg.ts';
import type { PaperSize } from '../../views/paperFigure.ts';
import type { CoverageModel } from '../../views/registry.ts';
import { useExportSource } from '../figureRegistry.ts';

export function CoverageView({ model }: { model: CoverageModel }) {
  useExportSource(useMemo(() => ({
    kind: 'svg' as const,
    render: (size: PaperSize) => matrixSvg(coverageBlocks(model.tables), size, `SAEs with each eval among ${model.total} filtered SAEs`),
  }), [model]));
  return (
    <div className="matrix-view" data-testid="coverage">
      {model.tables.map((t) => (
        <table key={t.grouping} className="matrix coverage" data-testid={`coverage-${t.grouping}`}>
          <caption>{t.title}</caption>
          <thead><tr><th scope="col">Group</th>{t.evalIds.map((e) => <th key={e} scope="col">{evalLabel(e)}</th>)}</tr></thead>
          <tbody>
            {t.groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.label}</th>
                {t.evalIds.map((e, j) => {
                  const count = g.counts[j]!;
                  return (
                    <td key={e} data-eval={e} className={count === 0 ? 'hole' : undefined} style={{ background: coverageFill(count, g.total) }}>
                      {count} / {g.total}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
