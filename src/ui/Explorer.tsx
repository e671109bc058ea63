// The explorer's layout: toolbar, filters, the current view, the selected SAE. The view's queries go through
// the coordinator; its model is computed once its rows have arrived, from the state they were asked for.
import { Suspense, useEffect, useMemo, useState } from 'react';
import { num } from '../data/frame.ts';
import { Priority } from '../db/coordinator.ts';
import { activePreset } from '../state/presets.ts';
import { useStore } from '../state/store.ts';
import { useUserPoints } from '../state/userPoints.ts';
import { useUserResults } from '../state/userResults.ts';
import { DIMENSIONS } from '../catalog/columns.ts';
import { AddResultsPanel } from './imports/AddResults.tsx';
import { DropZone } from './imports/DropZone.tsx';
import { useDriftNotes } from './imports/useDriftNotes.ts';
import { SaeSearch } from './SaeSearch.tsx';
import { panelQueries, VIEW_DEFS, type ViewContext } from '../views/registry.ts';
import { useAppData } from './AppData.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { countOf } from '../views/encodings.ts';
import { ErrorPanel } from './ErrorPanel.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { Notices } from './Notices.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useQueries } from './useQueries.ts';
import { MEDIUM, useMediaQuery } from './useMediaQuery.ts';
import { VIEW_COMPONENTS } from './views/index.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

export function Explorer() {
  const { info } = useAppData();
  const [adding, setAdding] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const sheet = useMediaQuery(MEDIUM);
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const userSaes = useUserResults((s) => s.saes.length);
  const drift = useDriftNotes(view);
  const userPoints = useUserPoints((s) => s.points);
  const def = VIEW_DEFS[view.view];
  const panel = useQueries('panel', useMemo(() => panelQueries(view), [view]), view, Priority.Panel);
  const filtered = panel.data && panel.context === view ? num(panel.data.counts!, 'n')[0]! : null;
  // A view that draws every SAE as a row waits for the count on a large dataset, and declines above its limit.
  const tooMany = def.maxRows !== undefined && info.saeCount > def.maxRows && (filtered === null || filtered > def.maxRows);
  const queries = useMemo(() => (tooMany ? null : def.queries(view, info)), [def, view, info, tooMany]);
  const result = useQueries('view', queries, view);
  const ctx: ViewContext = useMemo(() => ({ info, userPoints }), [info, userPoints]);
  const shown = result.context && result.context.view === view.view ? result.context : null;
  const built = useMemo(() => {
    if (!shown || !result.data) return null;
    try {
      const model: unknown = VIEW_DEFS[shown.view].model(result.data, shown, ctx);
      const def = VIEW_DEFS[shown.view];
      return { model, caption: def.caption(model, shown, ctx), finding: def.finding(model, shown), error: null };
    } catch (e) {
      return { model: null, caption: '', finding: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [shown, result.data, ctx]);
  const preset = activePreset(view, info.domains);
  const counts = panel.data?.counts;
  const Component = VIEW_COMPONENTS[view.view];
  const n = counts ? counts.columns.get('n') : null;
  const activeFilters = DIMENSIONS.filter((d) => view[d.key].length > 0).length
    + (view.l0min !== null || view.l0max !== null ? 1 : 0) + (view.both ? 1 : 0);

  // Escape closes the topmost thing: the filter sheet, the add-results panel, then the selected SAE's details.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (sheet && filtersOpen) setFiltersOpen(false);
      else if (adding) setAdding(false);
      else if (useStore.getState().view.sel) {
        useStore.getState().update({ sel: null });
        document.getElementById('sae-search')?.focus();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sheet, filtersOpen, adding]);

  return (
    <div className="app">
      <a className="skip-link" href="#view-main">Skip to the chart</a>
      {!sheet && view.view !== 'rescore' && <a className="skip-link" href="#filters">Skip to the filters</a>}
      <header className="app-header">
        <h1>SAEBench Explorer</h1>
        <span className="subtitle">
          {countOf(info.saeCount)}, {info.synthetic ? 'SYNTHETIC scale-test data (not SAEBench results)' : 'real SAEBench results with provenance'}
          {userSaes > 0 && `, ${userSaes} of them yours (in this browser only)`}
        </span>
        <span className="spacer" />
        <SaeSearch inputId="sae-search" label="Find an SAE" onPick={(id) => update({ sel: id })} />
        <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>Add results</button>
      </header>
      <DropZone onDrop={() => setAdding(true)} />
      {adding && <ErrorBoundary part="The Add results panel"><AddResultsPanel onClose={() => setAdding(false)} /></ErrorBoundary>}
      <Notices />
      <Toolbar model={built?.model ?? null} state={shown} counts={counts ?? null}>
        {sheet && view.view !== 'rescore' && (
          <button type="button" className="filters-toggle" aria-expanded={filtersOpen} aria-controls="filters" onClick={() => setFiltersOpen((o) => !o)}>
            Filters{activeFilters ? ` (${activeFilters})` : ''}
          </button>
        )}
      </Toolbar>
      <div className={`main${view.view === 'rescore' ? ' no-filters' : ''}`}>
        {view.view !== 'rescore' && (!sheet || filtersOpen) && (
          <ErrorBoundary part="The filter panel">
            <FilterPanel facets={panel.data?.facets ?? null} sheet={sheet} onClose={() => setFiltersOpen(false)} />
          </ErrorBoundary>
        )}
        {sheet && filtersOpen && <div className="sheet-backdrop" aria-hidden="true" onClick={() => setFiltersOpen(false)} />}
        <main className="view" id="view-main" tabIndex={-1} aria-busy={result.pending}>
          {(result.error ?? built?.error) && <ErrorPanel title="This view could not be drawn" message={(result.error ?? built?.error)!} />}
          {n instanceof Float64Array && (
            <p className="row-count" data-testid="row-count">
              {n[0]} of {info.saeCount} SAEs match the filters
            </p>
          )}
          <div className="view-notes">
            {preset && <p className="preset-caption" data-testid="preset-caption"><b>{preset.label}.</b> {preset.description}</p>}
            {built?.caption && <p className="plot-caption pooling" data-testid="view-caption">{built.caption}</p>}
            {drift.map((d) => <p key={d} className="plot-caption warning" role="note" data-testid="drift">{d}</p>)}
            {built?.finding && <p className="plot-caption finding" data-testid="view-finding"><b>What the data shows:</b> {built.finding}</p>}
          </div>
          {tooMany && filtered !== null && (
            <p role="status" className="plot-caption warning" data-testid="too-many">
              This view draws every SAE individually; {filtered.toLocaleString('en')} match the filters, more than its
              limit of {def.maxRows!.toLocaleString('en')}. Narrow the filters (e.g. one model, release or width) or use the scatter view.
            </p>
          )}
          <ErrorBoundary part={`The ${def.label} view`} resetKey={view.view}>
            <Suspense fallback={<p role="status" className="muted">Loading…</p>}>
              {view.view === 'rescore' ? <Component model={null} state={view} />
                : built?.model && shown && !tooMany ? <Component model={built.model} state={shown} />
                  : !result.error && !(tooMany && filtered !== null) && <p role="status" className="muted">Loading…</p>}
            </Suspense>
          </ErrorBoundary>
        </main>
        <ErrorBoundary part="The detail panel" resetKey={view.sel ?? ''}><DetailPanel /></ErrorBoundary>
      </div>
    </div>
  );
}
