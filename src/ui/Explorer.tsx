// The explorer's layout: toolbar, filters, the current view, the selected SAE.
import { useMemo } from 'react';
import type { Dataset } from '../db/loadDataset.ts';
import { baselineRowsQuery, filteredRowsQuery } from '../query/saeQueries.ts';
import { activePreset } from '../state/presets.ts';
import { useStore } from '../state/store.ts';
import type { SaeRow } from '../views/groups.ts';
import { AgreementView } from './AgreementView.tsx';
import { CoverageView } from './CoverageView.tsx';
import { DataTable } from './DataTable.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { ErrorPanel } from './ErrorPanel.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { GridView } from './GridView.tsx';
import { Notices } from './Notices.tsx';
import { ParetoView } from './ParetoView.tsx';
import { ScalingView } from './ScalingView.tsx';
import { ScatterPlot } from './ScatterPlot.tsx';
import { RescorePanel } from './rescore/RescorePanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useQuery } from './useQuery.ts';

export function Explorer({ dataset }: { dataset: Dataset }) {
  const view = useStore((s) => s.view);
  const query = useMemo(() => filteredRowsQuery(view), [view]);
  const { rows, error } = useQuery<SaeRow>(dataset.coordinator, query);
  const baselineQuery = useMemo(() => baselineRowsQuery(view), [view]);
  const { rows: baselines, error: baselineError } = useQuery<SaeRow>(dataset.coordinator, baselineQuery);
  const ready = rows && baselines;
  const preset = activePreset(view, dataset.domains);

  return (
    <div className="app">
      <header className="app-header">
        <h1>SAEBench Explorer</h1>
        <span className="subtitle">
          {dataset.saeCount} SAEs, real SAEBench results with provenance
        </span>
      </header>
      <Notices />
      <Toolbar rows={rows} domains={dataset.domains} />
      <div className="main">
        <FilterPanel dataset={dataset} live={rows !== null} />
        <main className="view" aria-busy={!ready}>
          {(error ?? baselineError) && <ErrorPanel title="Query failed" message={(error ?? baselineError)!} />}
          {preset && <p className="preset-caption" data-testid="preset-caption"><b>{preset.label}.</b> {preset.description}</p>}
          {rows && (
            <p className="row-count" data-testid="row-count">
              {rows.length} of {dataset.saeCount} SAEs match the filters
            </p>
          )}
          {ready && view.view === 'scatter' && <ScatterPlot rows={rows} baselines={baselines} />}
          {ready && view.view === 'pareto' && <ParetoView rows={rows} baselines={baselines} />}
          {ready && view.view === 'scaling' && <ScalingView rows={rows} baselines={baselines} />}
          {ready && view.view === 'grid' && <GridView rows={rows} baselines={baselines} metricTotals={dataset.metricTotals} />}
          {rows && view.view === 'agreement' && <AgreementView rows={rows} />}
          {rows && view.view === 'coverage' && <CoverageView rows={rows} />}
          {rows && view.view === 'table' && <DataTable rows={rows} />}
          {view.view === 'rescore' && <RescorePanel dataset={dataset} />}
        </main>
        <DetailPanel dataset={dataset} />
      </div>
    </div>
  );
}
