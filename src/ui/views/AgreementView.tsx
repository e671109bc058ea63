// Metric agreement: a matrix of rank correlations with n and a 95 % interval; each cell is a button that opens
// that scatter.
import { useMemo } from 'react';
import { useStore } from '../../state/store.ts';
import type { ViewState } from '../../state/viewState.ts';
import { AGREEMENT_INTERVAL_METHOD, agreementBlock, agreementColor, agreementTextDark, formatInterval } from '../../views/agreementSpec.ts';
import { matrixSvg } from '../../views/matrixSvg.ts';
import type { PaperSize } from '../../views/paperFigure.ts';
import type { AgreementModel } from '../../views/registry.ts';
import { useExportSource } from '../figureRegistry.ts';

export function AgreementView({ model }: { model: AgreementModel; state: ViewState }) {
  const update = useStore((s) => s.update);
  const m = model.view;
  const k = m.metrics.length;
  useExportSource(useMemo(() => ({
    kind: 'svg' as const,
    render: (size: PaperSize) => matrixSvg([agreementBlock(m)], size, 'Lower-is-better metrics flipped; ρ > 0: the metrics agree on which SAE is better.'),
  }), [m]));
  return (
    <div className="matrix-view">
      <p className="plot-caption" data-testid="agreement-caption">
        {m.method} over {m.saes} SAEs (baselines left out), each cell on the SAEs that have both metrics (n), with a
        95 % interval ({AGREEMENT_INTERVAL_METHOD}). Lower-is-better metrics are flipped, so ρ &gt; 0 means the two
        metrics agree on which SAE is better. Click a cell to open its scatter.
        {m.collapsed.length > 0 && ` Left out, no pair of SAEs here has them: ${m.collapsed.map((c) => c.label).join(', ')}.`}
      </p>
      {k === 0 ? <p role="status">No two metrics share enough SAEs under these filters.</p> : (
        <table className="matrix" data-testid="agreement-matrix">
          <thead>
            <tr><th scope="col">Metric</th>{m.metrics.map((c) => <th key={c.id} scope="col" title={c.label}><span>{c.label}</span></th>)}</tr>
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
                    <td key={c.id} style={{ background: agreementColor(cell.rho), color: agreementTextDark(cell.rho) ? '#111111' : '#ffffff' }}>
                      <button
                        type="button" data-a={r.id} data-b={c.id}
                        // The name starts with the visible text (rho, interval, n), as speech-input users say what they see.
                        aria-label={`${text} ${formatInterval(cell.ci)} n=${cell.n}: rho of ${r.label} vs ${c.label}, 95 % interval, n SAEs. Open scatter`}
                        title={`95 % interval ${formatInterval(cell.ci)}`}
                        onClick={() => update({ view: 'scatter', x, y, sel: null })}
                      >
                        <span className="rho">{text}</span>
                        <span className="ci">{formatInterval(cell.ci)}</span>
                        <span className="n">n={cell.n}</span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
