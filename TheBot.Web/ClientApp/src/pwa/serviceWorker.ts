/**
 * Registers the service worker (public/sw.js) and tells the page when a new version of the app is waiting: the
 * update prompt subscribes here. The worker only keeps the app shell (index.html, its scripts and styles, icons)
 * for starting offline; it never touches /api or /hubs.
 */
type Listener = (waiting: boolean) => void;

let waitingWorker: ServiceWorker | null = null;
const listeners = new Set<Listener>();

function announce(worker: ServiceWorker | null) {
  waitingWorker = worker;
  for (const listener of listeners) {
    listener(worker !== null);
  }
}

/** Calls `listener` now and whenever an update starts or stops waiting; returns the unsubscribe. */
export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  listener(waitingWorker !== null);
  return () => listeners.delete(listener);
}

/** Lets the waiting version take over; the page reloads once it controls it. */
export function applyUpdate() {
  waitingWorker?.postMessage({ type: 'SKIP_WAITING' });
}

export function registerServiceWorker(url = '/sw.js') {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  // A page that was already controlled reloads when a new worker takes over (after "Update now").
  const hadController = navigator.serviceWorker.controller !== null;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });

  void navigator.serviceWorker
    .register(url, { scope: '/' })
    .then((registration) => {
      const watch = (worker: ServiceWorker | null) => {
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller !== null) {
            announce(worker);
          }
        });
      };
      if (registration.waiting !== null && navigator.serviceWorker.controller !== null) {
        announce(registration.waiting);
      }
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      // Long-lived tabs look for a new version every hour.
      window.setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
    })
    .catch(() => undefined);
}
