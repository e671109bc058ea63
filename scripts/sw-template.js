// The service worker that keeps the app usable offline (written to dist/sw.js by the build, which fills in the
// file list and a version hashed from the files' contents). Install precaches the whole site: app shell, data,
// DuckDB's wasm, demo SAEs. Pages and data are network-first (a new build shows as soon as it is online) with the
// cache as the fallback; hashed assets are cache-first. A new build has a new version: its install fills a new
// cache and activation deletes the old one.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `saebench-explorer-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('saebench-explorer-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;
  const hashed = url.pathname.startsWith(`${scope.pathname}assets/`);
  event.respondWith(hashed ? cacheFirst(request) : networkFirst(request));
});

async function cacheFirst(request) {
  const hit = await caches.match(request);
  return hit ?? fetch(request);
}

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    // A navigation (any URL of the app, with its query) falls back to the cached index.html.
    const hit = await caches.match(request, { ignoreSearch: request.mode === 'navigate' })
      ?? (request.mode === 'navigate' ? await caches.match(new URL('./', self.registration.scope).href) : undefined);
    if (hit) return hit;
    throw error;
  }
}
