// The one store. `view` has exactly the URL's shape; `notices` are messages about what the URL held.
import { create } from 'zustand';
import { defaultLog, type ViewState } from './viewState.ts';
import { DEFAULT_STATE } from './viewState.ts';

interface Store {
  view: ViewState;
  notices: string[];
  /** Patch the view; the URL follows (urlSync.ts). */
  update: (patch: Partial<ViewState>) => void;
  /** Replace the whole view (initial load, back/forward). */
  replace: (view: ViewState) => void;
  setNotices: (notices: string[]) => void;
}

export const useStore = create<Store>()((set) => ({
  view: DEFAULT_STATE,
  notices: [],
  update: (patch) => set((s) => ({ view: withAxisDefaults(s.view, patch) })),
  replace: (view) => set({ view }),
  setNotices: (notices) => set({ notices }),
}));

/** Picking a new axis metric resets that axis's log flag to the metric's default (log for L0) and its zoom. */
function withAxisDefaults(view: ViewState, patch: Partial<ViewState>): ViewState {
  const next = { ...view, ...patch };
  if (patch.x !== undefined && patch.x !== view.x && patch.logx === undefined) next.logx = defaultLog(patch.x);
  if (patch.y !== undefined && patch.y !== view.y && patch.logy === undefined) next.logy = defaultLog(patch.y);
  // A zoom belongs to its axes: new axes, or a new scale, fit the data again.
  if ((patch.x !== undefined && patch.x !== view.x) || (patch.logx !== undefined && patch.logx !== view.logx)) next.xr = patch.xr ?? null;
  if ((patch.y !== undefined && patch.y !== view.y) || (patch.logy !== undefined && patch.logy !== view.logy)) next.yr = patch.yr ?? null;
  return next;
}
