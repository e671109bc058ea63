// Version-drift notes for the view on screen, when the user's results are part of it.
import { useMemo } from 'react';
import { HEADLINE_METRICS } from '../../catalog/metrics.ts';
import { useUserResults } from '../../state/userResults.ts';
import type { ViewState } from '../../state/viewState.ts';
import { driftNotes } from '../../views/drift.ts';

/** The metrics a view shows, for the drift check. */
function viewMetrics(v: ViewState): readonly string[] {
  if (v.view === 'grid' || v.view === 'agreement') return HEADLINE_METRICS;
  if (v.view === 'scaling') return [v.y];
  if (v.view === 'coverage' || v.view === 'rescore') return [];
  return [v.x, v.y];
}

export function useDriftNotes(view: ViewState): string[] {
  const saes = useUserResults((s) => s.saes);
  const release = useUserResults((s) => s.release);
  return useMemo(() => {
    if (!saes.length) return [];
    const bundledInView = !view.release.length || view.release.some((r) => r !== release);
    return driftNotes(saes, viewMetrics(view), bundledInView);
  }, [saes, release, view]);
}
