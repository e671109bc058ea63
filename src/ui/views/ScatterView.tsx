// Scatter view: draws the model's spec; a click selects the point's sae_id.
import type { ViewState } from '../../state/viewState.ts';
import type { ScatterSpec } from '../../views/scatterSpec.ts';
import type { XyModel } from '../../views/registry.ts';
import { Figure } from '../Figure.tsx';
import { useStore } from '../../state/store.ts';
import { L0MatchedTable } from './L0MatchedTable.tsx';

export function ScatterView({ model, state }: { model: XyModel<ScatterSpec>; state: ViewState }) {
  const update = useStore((s) => s.update);
  const { spec } = model;
  return (
    <div className="scatter">
      <p className="plot-caption" data-testid="scatter-caption">
        {spec.plotted} SAEs plotted
        {spec.notPlotted > 0 && `; ${spec.notPlotted} not drawn (no value for X or Y${state.logx || state.logy ? ', or not positive on a log axis' : ''})`}
        {spec.baselines.length > 0 && `; reference: ${spec.baselines.join('; ')} (dense, L0 = d_model)`}
        . Click a point to see the SAE.
        {state.sel && <button type="button" className="link" onClick={() => update({ sel: null })}>Clear selection</button>}
      </p>
      <Figure figure={spec} testId="scatter-plot" label="Scatter plot" points={spec.plotted} />
      {model.matched.map((p) => <L0MatchedTable key={p.label} table={p.table} y={state.y} title={p.label} />)}
    </div>
  );
}
