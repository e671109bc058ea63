// Registers the offline service worker (production builds only; dist/sw.js is written by the build). When a
// new build takes over a page that an older one controlled, the page says so.
export function registerServiceWorker(onUpdated: (message: string) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) onUpdated('SAEBench Explorer was updated: this page runs the new version, and it is saved for offline use.');
  });
  navigator.serviceWorker.register('./sw.js').catch((e: unknown) => {
    console.warn('SAEBench Explorer: offline use unavailable', e);
  });
}
