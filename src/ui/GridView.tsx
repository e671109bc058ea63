// All-metrics grid: small multiples of every headline metric against L0 (views/gridSpec.ts).
import { useMemo } from 'react';
import { useStore } from '../state/store.ts';
import { gridSpec } from '../views/gridSpec.ts';
import type { SaeRow } from '../views/groups.ts';
import { Figure } from './Figure.tsx';

export function GridView({ rows, baselines, metricTotals }: { rows: SaeRow[]; baselines: SaeRow[]; metricTotals: Record<string, number> }) {
  const view = useStore((s) => s.view);
  const spec = useMemo(() => gridSpec(rows, view, baselines, metricTotals), [rows, view, baselines, metricTotals]);
  const empty = spec.panels.filter((p) => p.plotted === 0);
  return (
    <div className="scatter">
      <p className="plot-caption" data-testid="grid-caption">
        {spec.panels.length} metrics against L0 (log). {empty.length > 0 && `No data under these filters for: ${empty.map((p) => p.label).join(', ')}.`}
        {' '}Click a point to see the SAE.
      </p>
      <Figure figure={spec} testId="grid-plot" label="All-metrics grid" points={spec.panels.reduce((n, p) => n + p.plotted, 0)} aspect={1} height={900} />
    </div>
  );
}
