// The explorer's layout: toolbar, filters, the current view, the selected SAE.
import { useMemo } from 'react';
import type { Dataset } from '../db/loadDataset.ts';
import { filteredRowsQuery } from '../query/saeQueries.ts';
import { useStore } from '../state/store.ts';
import type { SaeRow } from '../views/scatterSpec.ts';
import { DataTable } from './DataTable.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { ErrorPanel } from './ErrorPanel.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { Notices } from './Notices.tsx';
import { ScatterPlot } from './ScatterPlot.tsx';
import { RescorePanel } from './rescore/RescorePanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useQuery } from './useQuery.ts';

export function Explorer({ dataset }: { dataset: Dataset }) {
  const view = useStore((s) => s.view);
  const query = useMemo(() => filteredRowsQuery(view), [view]);
  const { rows, error } = useQuery<SaeRow>(dataset.coordinator, query);

  return (
    <div className="app">
      <header className="app-header">
        <h1>SAEBench Explorer</h1>
        <span className="subtitle">
          {dataset.saeCount} SAEs, real SAEBench results with provenance
        </span>
      </header>
      <Notices />
      <Toolbar rows={rows} />
      <div className="main">
        <FilterPanel dataset={dataset} />
        <main className="view" aria-busy={rows === null}>
          {error && <ErrorPanel title="Query failed" message={error} />}
          {rows && (
            <p className="row-count" data-testid="row-count">
              {rows.length} of {dataset.saeCount} SAEs match the filters
            </p>
          )}
          {rows && view.view === 'scatter' && <ScatterPlot rows={rows} />}
          {rows && view.view === 'table' && <DataTable rows={rows} />}
          {view.view === 'rescore' && <RescorePanel dataset={dataset} />}
        </main>
        <DetailPanel dataset={dataset} />
      </div>
    </div>
  );
}
