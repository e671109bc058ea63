// Scatter view: draws the model's spec (every SAE, or grid cells of a large dataset); a click selects the
// point's sae_id; a zoom is kept in the URL and can be reset.
import { metricById } from '../../catalog/metrics.ts';
import { useStore } from '../../state/store.ts';
import type { ViewState } from '../../state/viewState.ts';
import { BASELINE_EXPLAINER } from '../../views/baselines.ts';
import type { ScatterModel } from '../../views/registry.ts';
import { useAppData } from '../AppData.tsx';
import { Figure } from '../Figure.tsx';
import { MissingMetric } from '../MissingMetric.tsx';
import { L0MatchedTable } from './L0MatchedTable.tsx';

export function ResetZoom({ state }: { state: ViewState }) {
  const update = useStore((s) => s.update);
  if (!state.xr && !state.yr) return null;
  return <button type="button" className="link" onClick={() => update({ xr: null, yr: null })}>Reset zoom</button>;
}

/** Why nothing is drawn: which axis has no values under these filters, and where the data is. */
export function NothingPlotted({ state }: { state: ViewState }) {
  const { info } = useAppData();
  const update = useStore((s) => s.update);
  return (
    <p className="plot-caption warning" role="status" data-testid="nothing-plotted">
      Nothing to draw. <MissingMetric metric={state.y} info={info} /> {state.x !== 'l0' && <MissingMetric metric={state.x} info={info} />}{' '}
      <button type="button" className="link" onClick={() => update({ view: 'coverage' })}>See what exists in the coverage view</button>
    </p>
  );
}

export function ScatterView({ model, state }: { model: ScatterModel; state: ViewState }) {
  const update = useStore((s) => s.update);
  if ('binned' in model) {
    return (
      <div className="scatter">
        <p className="plot-caption">Click a cell of one SAE to see it. <ResetZoom state={state} /></p>
        <Figure zoomable figure={model.binned} testId="scatter-plot" label="Scatter plot (level of detail)" points={model.binned.plotted} />
      </div>
    );
  }
  const { spec } = model;
  return (
    <div className="scatter">
      <p className="plot-caption" data-testid="scatter-caption">
        {spec.plotted} SAEs plotted
        {spec.notPlotted > 0 && `; ${spec.notPlotted} not drawn (no value for X or Y${state.logx || state.logy ? ', or not positive on a log axis' : ''})`}
        {spec.baselines.length > 0 && <>; reference: <abbr title={BASELINE_EXPLAINER}>{spec.baselines.join('; ')}</abbr> (dense, L0 = d_model)</>}
        . Click a point to see the SAE.
        {state.sel && <button type="button" className="link" onClick={() => update({ sel: null })}>Clear selection</button>}
        <ResetZoom state={state} />
      </p>
      {spec.plotted === 0 && <NothingPlotted state={state} />}
      <Figure zoomable figure={spec} testId="scatter-plot" label="Scatter plot" points={spec.plotted} />
      {model.matched.map((p) => <L0MatchedTable key={p.label} table={p.table} y={state.y} title={p.label} shapesOnly={metricById(state.color) !== undefined} />)}
    </div>
  );
}
