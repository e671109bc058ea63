// The last re-score result, kept while the user switches views (it is not part of the URL: it came from files).
import { create } from 'zustand';
import type { RescoreOutcome } from '../ui/rescore/runRescore.ts';

export interface RescoreShown extends RescoreOutcome {
  synthetic: boolean;
  datasetRow: Record<string, unknown> | null;
  /** A demo's known ground truth (MCC, uniqueness…), from its index entry. */
  groundTruth: Record<string, number> | null;
}

export const useRescoreResult = create<{ shown: RescoreShown | null; set: (shown: RescoreShown | null) => void }>()((set) => ({
  shown: null,
  set: (shown) => set({ shown }),
}));
