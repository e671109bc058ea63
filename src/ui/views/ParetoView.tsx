// Pareto view: per-sweep frontiers from views/paretoSpec.ts.
import type { ViewState } from '../../state/viewState.ts';
import type { ParetoSpec } from '../../views/paretoSpec.ts';
import type { XyModel } from '../../views/registry.ts';
import { Figure } from '../Figure.tsx';
import { L0MatchedTable } from './L0MatchedTable.tsx';
import { NothingPlotted, ResetZoom } from './ScatterView.tsx';

export function ParetoView({ model, state }: { model: XyModel<ParetoSpec>; state: ViewState }) {
  const { spec } = model;
  if (spec.problem) return <p className="plot-caption" role="status" data-testid="pareto-caption">{spec.problem}</p>;
  return (
    <div className="scatter">
      <p className="plot-caption" data-testid="pareto-caption">
        {spec.subtitle}. {spec.frontierPoints} SAEs on a frontier, {spec.dominatedPoints} dominated
        {state.fonly ? ' (hidden)' : ' (faded; hover one to see what dominates it)'}.
        {spec.pooled.length > 0 && ` Frontier of all groups pooled: ${spec.pooled.map((c) => `${spec.pooled.length > 1 ? `${c.context}: ` : ''}${c.holders.map((h) => `${h.label} ${h.count}`).join(', ')}`).join('; ')}.`}
        <ResetZoom state={state} />
      </p>
      {spec.frontierPoints === 0 && <NothingPlotted state={state} />}
      <Figure zoomable figure={spec} testId="pareto-plot" label="Pareto frontier plot" points={spec.frontierPoints + (state.fonly ? 0 : spec.dominatedPoints)} />
      {model.matched.map((p) => <L0MatchedTable key={p.label} table={p.table} y={state.y} title={p.label} />)}
    </div>
  );
}
