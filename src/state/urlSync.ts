// Mirrors the store in the address bar: a change pushes a history entry; back/forward restore it. Quick
// successive changes of the same control (arrowing through tabs or a menu) replace the entry instead, so Back
// goes to the previous view, not through 50 intermediate ones. The domains are read when needed: they grow when
// the user adds results.
import { useStore } from './store.ts';
import type { Domains } from '../data/datasetInfo.ts';
import { decodeUrl, encodeUrl } from './urlCodec.ts';
import { defaultsFor } from './viewState.ts';

const REPLACE_WITHIN_MS = 1000;

function changedKeys(a: object, b: object): string {
  const before = b as Record<string, unknown>;
  return Object.entries(a).filter(([k, v]) => v !== before[k]).map(([k]) => k).join(',');
}

export function startUrlSync(domains: () => Domains): () => void {
  const defaults = defaultsFor(domains());
  const { state, notices } = decodeUrl(window.location.search, domains());
  useStore.getState().replace(state);
  useStore.getState().setNotices(notices);
  window.history.replaceState(null, '', encodeUrl(state, defaults));

  let last = { keys: '', at: 0 };
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.view === prev.view) return;
    const search = encodeUrl(s.view, defaults);
    if (search === window.location.search) return;
    const keys = changedKeys(s.view, prev.view);
    const now = performance.now();
    if (keys === last.keys && now - last.at < REPLACE_WITHIN_MS) window.history.replaceState(null, '', search);
    else window.history.pushState(null, '', search);
    last = { keys, at: now };
  });
  const onPop = () => {
    const decoded = decodeUrl(window.location.search, domains());
    useStore.getState().replace(decoded.state);
    useStore.getState().setNotices(decoded.notices);
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
