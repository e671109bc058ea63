// Metric agreement: a matrix of rank correlations; each cell is a button that opens that scatter.
import { useMemo } from 'react';
import { useStore } from '../state/store.ts';
import { agreementBlock, agreementColor, agreementView } from '../views/agreementSpec.ts';
import type { SaeRow } from '../views/groups.ts';
import { matrixSvg } from '../views/matrixSvg.ts';
import type { PaperSize } from '../views/paperFigure.ts';
import { useExportSource } from './figureRegistry.ts';

export function AgreementView({ rows }: { rows: SaeRow[] }) {
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const m = useMemo(() => agreementView(rows, view), [rows, view]);
  const k = m.metrics.length;
  const exportSvg = useMemo(() => ({
    kind: 'svg' as const,
    render: (size: PaperSize) => matrixSvg([agreementBlock(m)], size, 'Lower-is-better metrics flipped; ρ > 0: the metrics agree on which SAE is better.'),
  }), [m]);
  useExportSource(exportSvg);
  return (
    <div className="matrix-view">
      <p className="plot-caption" data-testid="agreement-caption">
        {m.method} over {m.saes} SAEs (baselines left out), each cell on the SAEs that have both metrics (n).
        Lower-is-better metrics are flipped, so ρ &gt; 0 means the two metrics agree on which SAE is better.
        Click a cell to open its scatter.
      </p>
      <table className="matrix" data-testid="agreement-matrix">
        <thead>
          <tr><th scope="col" />{m.metrics.map((c) => <th key={c.id} scope="col" title={c.label}><span>{c.label}</span></th>)}</tr>
        </thead>
        <tbody>
          {m.metrics.map((r, i) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              {m.metrics.map((c, j) => {
                const cell = m.cells[i * k + j]!;
                const text = cell.rho === null ? '–' : cell.rho.toFixed(2);
                const x = r.id === 'l0' ? r.id : c.id;
                const y = r.id === 'l0' ? c.id : r.id;
                return (
                  <td key={c.id} style={{ background: agreementColor(cell.rho), color: Math.abs(cell.rho ?? 0) > 0.6 ? '#fff' : '#111' }}>
                    <button
                      type="button" data-a={r.id} data-b={c.id}
                      aria-label={`${r.label} vs ${c.label}: rho ${text}, n ${cell.n}. Open scatter`}
                      onClick={() => update({ view: 'scatter', x, y, sel: null })}
                    >
                      <span className="rho">{text}</span><span className="n">n={cell.n}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
