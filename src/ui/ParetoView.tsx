// Pareto view: per-group frontiers from views/paretoSpec.ts.
import { useMemo } from 'react';
import { useStore } from '../state/store.ts';
import { paretoSpec } from '../views/paretoSpec.ts';
import type { SaeRow } from '../views/groups.ts';
import { Figure } from './Figure.tsx';
import { L0MatchedTable } from './L0MatchedTable.tsx';

export function ParetoView({ rows, baselines }: { rows: SaeRow[]; baselines: SaeRow[] }) {
  const view = useStore((s) => s.view);
  const spec = useMemo(() => paretoSpec(rows, view, baselines), [rows, view, baselines]);
  return (
    <div className="scatter">
      <p className="plot-caption" data-testid="pareto-caption">
        {spec.subtitle}. {spec.frontierPoints} SAEs on a frontier, {spec.dominatedPoints} dominated
        {view.fonly ? ' (hidden)' : ' (faded; hover one to see what dominates it)'}.
        {spec.pooled.length > 0 && ` Frontier of all groups pooled: ${spec.pooled.map((p) => `${p.label} ${p.count}`).join(', ')}.`}
      </p>
      <Figure figure={spec} testId="pareto-plot" label="Pareto frontier plot" points={spec.frontierPoints + (view.fonly ? 0 : spec.dominatedPoints)} />
      <L0MatchedTable rows={rows} />
    </div>
  );
}
