// All-metrics grid: small multiples of every headline metric against L0 (views/gridSpec.ts).
import { useStore } from '../../state/store.ts';
import type { GridModel } from '../../views/registry.ts';
import { useAppData } from '../AppData.tsx';
import { Figure } from '../Figure.tsx';
import { MissingMetric } from '../MissingMetric.tsx';

export function GridView({ model }: { model: GridModel }) {
  const { info } = useAppData();
  const update = useStore((s) => s.update);
  const { spec } = model;
  const empty = spec.panels.filter((p) => p.plotted === 0);
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
      <Figure figure={spec} testId="grid-plot" label="All-metrics grid" points={spec.panels.reduce((n, p) => n + p.plotted, 0)} aspect={1} height={900} />
    </div>
  );
}
