/*
 * TheBot's service worker: the installed app starts offline from the last app shell it saw, and a new version waits
 * until the person chooses "Update now". It keeps only the shell — index.html, the hashed scripts and styles under
 * /assets, the manifest and icons. It never answers /api or /hubs (personal data and the realtime connection always
 * go to the network) and never anything but GET. The build writes BUILD and SHELL (vite.config.ts, stampServiceWorker).
 */
const BUILD = '__THEBOT_BUILD__';
const SHELL = ['/'];
const CACHE = `thebot-shell-${BUILD}`;
const NEVER = ['/api', '/hubs', '/health', '/alive'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      // The first worker has no page to disturb; later ones wait for "Update now".
      .then(() => (self.registration.active === null ? self.skipWaiting() : undefined)),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('thebot-shell-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`))) {
    return; // the network's, untouched
  }

  if (request.mode === 'navigate') {
    // Pages: always the network's newest; the cached shell only when there is no network.
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match('/')).then((shell) => shell ?? Response.error())));
    return;
  }

  const isShellFile = url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname);
  if (!isShellFile) {
    return;
  }
  // Hashed files never change: the cached copy, else the network's (kept for next time).
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok && url.pathname.startsWith('/assets/')) {
              void cache.put(request, response.clone());
            }
            return response;
          }),
      ),
    ),
  );
});

/*
 * Web Push: the server sends { title, body, url, tag, lang } (encrypted for this browser; the browser decrypts it).
 * One notification per tag: a push sent again after a retry replaces the one shown instead of adding a second.
 */
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const url = typeof data.url === 'string' && data.url.startsWith('/') && !data.url.startsWith('//') ? data.url : '/';
  event.waitUntil(
    self.registration.showNotification(data.title || 'TheBot', {
      body: data.body || '',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      tag: data.tag || undefined,
      lang: data.lang || undefined,
      data: { url },
    }),
  );
});

/* A click focuses a TheBot tab already open (and takes it to the notification's page), else opens one. */
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        return open.focus().then((focused) => (focused && 'navigate' in focused ? focused.navigate(url) : focused));
      }
      return self.clients.openWindow(url);
    }),
  );
});
