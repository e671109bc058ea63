// All-metrics grid: small multiples of every headline metric against L0 (views/gridSpec.ts). The paper export
// holds the panels with data (or those picked here), two columns wide in a single-column figure, three in a
// double-column one.
import { useCallback, useMemo, useState } from 'react';
import { useStore } from '../../state/store.ts';
import type { ViewState } from '../../state/viewState.ts';
import { gridAspect, gridSpec } from '../../views/gridSpec.ts';
import { PAPER_SIZES, PX_PER_INCH, ptToPx, type PaperSize } from '../../views/paperFigure.ts';
import { labelWidth } from '../../views/ticks.ts';
import type { GridModel } from '../../views/registry.ts';
import { useAppData } from '../AppData.tsx';
import { Figure } from '../Figure.tsx';
import { MissingMetric } from '../MissingMetric.tsx';
import { NARROW, useMediaQuery } from '../useMediaQuery.ts';

/** On a phone the panels stack in two columns, each this tall. */
const NARROW_ROW_PX = 300;

export function GridView({ model, state }: { model: GridModel; state: ViewState }) {
  const { info } = useAppData();
  const update = useStore((s) => s.update);
  const narrow = useMediaQuery(NARROW);
  const spec = useMemo(
    () => gridSpec(model.rows, model.baselines, state, narrow ? { columns: 2, titleChars: 22 } : {}),
    [narrow, model, state],
  );
  const empty = spec.panels.filter((p) => p.plotted === 0);
  const withData = useMemo(() => spec.panels.filter((p) => p.plotted > 0).map((p) => p.metric), [spec]);
  const [picked, setPicked] = useState<string[] | null>(null);
  const inExport = (picked ?? withData).filter((m) => withData.includes(m));
  const forSize = useCallback((size: PaperSize) => {
    const { gridColumns, inches, textPt } = PAPER_SIZES[size];
    const columns = Math.min(gridColumns, Math.max(1, inExport.length));
    const titleChars = Math.floor((inches * PX_PER_INCH * 0.8) / columns / labelWidth('x', ptToPx(textPt)));
    return { figure: gridSpec(model.rows, model.baselines, state, { panels: inExport, columns, titleChars }), aspect: gridAspect(inExport.length, columns) };
  }, [model, state, inExport.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const toggle = (metric: string, on: boolean) => setPicked(on ? [...inExport, metric] : inExport.filter((m) => m !== metric));
  return (
    <div className="scatter">
      <p className="plot-caption" data-testid="grid-caption">
        {spec.panels.length} metrics against L0 (log). Click a point to see the SAE.
      </p>
      {empty.length > 0 && (
        <ul className="plot-caption empty-panels" data-testid="grid-empty">
          {empty.map((p) => <li key={p.metric}><MissingMetric metric={p.metric} info={info} /></li>)}
          <li><button type="button" className="link" onClick={() => update({ view: 'coverage' })}>See what exists in the coverage view</button></li>
        </ul>
      )}
      <details className="plot-caption export-panels">
        <summary>Panels in the figure export: {inExport.length} of {spec.panels.length}</summary>
        {spec.panels.map((p) => (
          <label key={p.metric} className="check">
            <input type="checkbox" disabled={p.plotted === 0} checked={inExport.includes(p.metric)} onChange={(e) => toggle(p.metric, e.target.checked)} />
            {p.label}{p.plotted === 0 && ' (no data)'}
          </label>
        ))}
      </details>
      <Figure figure={spec} testId="grid-plot" label="All-metrics grid" points={spec.panels.reduce((n, p) => n + p.plotted, 0)} aspect={1} height={narrow ? NARROW_ROW_PX * Math.ceil(spec.panels.length / 2) : 900} forSize={forSize} />
    </div>
  );
}
