// Scatter view: the spec comes from views/scatterSpec.ts; a click selects the point's sae_id.
import { useMemo } from 'react';
import { useStore } from '../state/store.ts';
import { useUserPoints } from '../state/userPoints.ts';
import { scatterSpec, type SaeRow } from '../views/scatterSpec.ts';
import { Figure } from './Figure.tsx';
import { L0MatchedTable } from './L0MatchedTable.tsx';

export function ScatterPlot({ rows, baselines }: { rows: SaeRow[]; baselines: SaeRow[] }) {
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const userPoints = useUserPoints((s) => s.points);
  const spec = useMemo(() => scatterSpec(rows, view, userPoints, baselines), [rows, view, userPoints, baselines]);

  return (
    <div className="scatter">
      <p className="plot-caption">
        {spec.plotted} SAEs plotted
        {spec.notPlotted > 0 && `; ${spec.notPlotted} not drawn (no value for X or Y${view.logx || view.logy ? ', or not positive on a log axis' : ''})`}
        {spec.baselines.length > 0 && `; reference: ${spec.baselines.join('; ')}`}
        . Click a point to see the SAE.
        {view.sel && <button type="button" className="link" onClick={() => update({ sel: null })}>Clear selection</button>}
      </p>
      <Figure figure={spec} testId="scatter-plot" label="Scatter plot" points={spec.plotted} />
      <L0MatchedTable rows={rows} />
    </div>
  );
}
