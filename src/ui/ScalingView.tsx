// Scaling view: window-averaged metric against width, training tokens or layer (views/scalingSpec.ts).
import { useMemo } from 'react';
import { useStore } from '../state/store.ts';
import { axisById } from '../catalog/metrics.ts';
import { scalingSpec } from '../views/scalingSpec.ts';
import type { SaeRow } from '../views/groups.ts';
import { Figure } from './Figure.tsx';

export function ScalingView({ rows, baselines }: { rows: SaeRow[]; baselines: SaeRow[] }) {
  const view = useStore((s) => s.view);
  const spec = useMemo(() => scalingSpec(rows, view, baselines), [rows, view, baselines]);
  const used = spec.points.reduce((n, p) => n + p.n, 0);
  return (
    <div className="scatter">
      <p className="plot-caption" data-testid="scaling-caption">
        Each point is the mean over the SAEs with L0 in [{view.wmin}, {view.wmax}]; the band spans their min–max.
        {' '}{used} SAEs in {spec.points.length} points.
        {spec.distinctX < 2 && ` The SAEs in the window have ${spec.distinctX === 0 ? 'no' : 'only one'} value of ${axisById(view.scale)!.label.toLowerCase()}: widen the filters or the L0 window.`}
      </p>
      <Figure figure={spec} testId="scaling-plot" label="Scaling plot" points={spec.points.length} />
    </div>
  );
}
