// wiretrace's service worker: keeps the page for offline use after a first visit.
// Plain JavaScript that Trunk copies into dist/ beside index.html; registered from Rust
// (src/web/browser.rs). Everything is relative to where it is served, so dist/ works under
// any path.
//
// Install caches the page and everything it names: index.html's links and scripts, and the
// files the scripts it names load (the worker's loader names the worker and its wasm).
// Afterwards every same-origin GET goes to the network first (so a new build shows at
// once) and falls back to the cache when the network fails.

const CACHE = "wiretrace-v1";
const REFERENCE = /["'(]((?:\.{0,2}\/)?[\w\-./]+?\.(?:js|wasm|css|webmanifest|svg|png))["')]/g;

async function referenced(url, depth) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) return [];
  const found = [];
  if (/\.(html|js)$|\/$/.test(new URL(url).pathname) && depth > 0) {
    const text = await response.clone().text();
    for (const match of text.matchAll(REFERENCE)) {
      const next = new URL(match[1], url);
      if (next.origin === self.location.origin && next.href !== url) found.push(next.href);
    }
  }
  const cache = await caches.open(CACHE);
  await cache.put(url, response);
  const nested = await Promise.all([...new Set(found)].map((next) => referenced(next, depth - 1).catch(() => [])));
  return [url, ...nested.flat()];
}

// The page starts the analysis worker by this name (WORKER_SCRIPT in src/web/worker.rs):
// index.html does not name it.
const WORKER_LOADER = "wiretrace-worker_loader.js";

self.addEventListener("install", (event) => {
  const start = new URL("./", self.registration.scope).href;
  const loader = new URL(WORKER_LOADER, self.registration.scope).href;
  event.waitUntil(Promise.all([referenced(start, 2), referenced(loader, 1)]).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => {
        const cached = await caches.match(request, { ignoreSearch: true });
        if (cached) return cached;
        // A page address not cached as such (index.html, a ?query) is the start page.
        if (request.mode === "navigate") return caches.match(new URL("./", self.registration.scope).href);
        return Response.error();
      }),
  );
});
