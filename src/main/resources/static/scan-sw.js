/*
 * Keeps the scanner usable without a network: the page and its assets are cached on install and
 * served from the cache when the network fails. API calls are never cached here; the page keeps
 * the offline pack itself.
 */
const CACHE = 'fengyun-scan-v1';
const ASSETS = ['/scan', '/js/scan.js', '/css/app.css'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  // Network first, so a fresh page and fresh assets win whenever the network answers.
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok && (ASSETS.includes(url.pathname) || url.pathname.startsWith('/webjars/'))) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
        }
        return response;
      })
      .catch(() => caches.match(url.pathname).then((cached) => cached || Response.error())));
});
