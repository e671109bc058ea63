// Scaling view: window-averaged metric against width, training tokens or layer (views/scalingSpec.ts).
import { axisById } from '../../catalog/metrics.ts';
import type { ViewState } from '../../state/viewState.ts';
import { categoryLabel } from '../../views/encodings.ts';
import type { ScalingModel } from '../../views/registry.ts';
import { Figure } from '../Figure.tsx';
import { NothingPlotted } from './ScatterView.tsx';

export function ScalingView({ model, state }: { model: ScalingModel; state: ViewState }) {
  const { spec } = model;
  const [lo, hi] = spec.result.window;
  const near = spec.result.nearEdge;
  return (
    <div className="scatter">
      <p className="plot-caption" data-testid="scaling-caption">
        Each point is the mean over one sweep's SAEs with L0 in [{lo}, {hi}]{spec.result.reversed && ' (the window was given reversed and is read as this)'}; the band spans their min–max, n is written at each point.
        {spec.distinctX < 2 && ` The SAEs in the window have ${spec.distinctX === 0 ? 'no' : 'only one'} value of ${axisById(state.scale)!.label.toLowerCase()}: widen the filters or the L0 window.`}
      </p>
      {spec.uneven.length > 0 && (
        <p className="plot-caption warning" role="note" data-testid="scaling-uneven">
          Uneven n: {spec.uneven.map((u) => `${u.curve ? `${u.curve} ` : ''}${categoryLabel(state.scale, u.x)}: ${u.counts.map((c) => `${categoryLabel(spec.groupColumn, spec.groupColumn === 'architecture' ? c.group : Number(c.group))} ${c.n}`).join(', ')}`).join('; ')}. Means over different numbers of SAEs are less comparable.
        </p>
      )}
      {near.length > 0 && (
        <p className="plot-caption warning" role="note" data-testid="scaling-edge">
          {near.length} SAE{near.length === 1 ? '' : 's'} within 3 % of a window edge, so whether they count hinges on measurement noise: {near.slice(0, 4).map((n) => `${n.id} (L0 ${n.l0.toPrecision(5)} vs ${n.edge})`).join(', ')}{near.length > 4 ? ' …' : ''}. Move the edge away from them.
        </p>
      )}
      {spec.result.points.length === 0 && <NothingPlotted state={state} />}
      <Figure figure={spec} testId="scaling-plot" label="Scaling plot" points={spec.result.points.length} />
    </div>
  );
}
