/**
 * Refresh tokens rotate: two tabs renewing with the same cookie at once would look like token reuse and end
 * the session. Renewals therefore take a lock shared by every tab of the origin (Web Locks API).
 */
export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

export const browserLock: LockRunner = (name, task) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks === undefined ? task() : (locks.request(name, task) as Promise<Awaited<ReturnType<typeof task>>> as ReturnType<typeof task>);
};

/** Tells the other tabs of this browser that the user signed out, so they stop too. */
export interface SignOutChannel {
  announce(): void;
  listen(onSignedOut: () => void): () => void;
}

export function browserSignOutChannel(name = 'thebot-auth'): SignOutChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return { announce: () => undefined, listen: () => () => undefined };
  }
  const channel = new BroadcastChannel(name);
  return {
    announce: () => channel.postMessage('signed-out'),
    listen: (onSignedOut) => {
      const handler = (event: MessageEvent) => {
        if (event.data === 'signed-out') {
          onSignedOut();
        }
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
  };
}
