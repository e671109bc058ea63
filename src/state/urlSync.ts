// Mirrors the store in the address bar: every change pushes a history entry; back/forward restore it. The
// domains are read when needed: they grow when the user adds results.
import { useStore } from './store.ts';
import type { Domains } from '../data/datasetInfo.ts';
import { decodeUrl, encodeUrl } from './urlCodec.ts';
import { defaultsFor } from './viewState.ts';

export function startUrlSync(domains: () => Domains): () => void {
  const defaults = defaultsFor(domains());
  const { state, notices } = decodeUrl(window.location.search, domains());
  useStore.getState().replace(state);
  useStore.getState().setNotices(notices);
  window.history.replaceState(null, '', encodeUrl(state, defaults));

  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.view === prev.view) return;
    const search = encodeUrl(s.view, defaults);
    if (search !== window.location.search) window.history.pushState(null, '', search);
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
