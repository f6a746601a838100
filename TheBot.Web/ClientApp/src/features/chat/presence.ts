import type { QueryClient } from '@tanstack/react-query';

/** A `presence` event: someone who shares a room with me came online or went offline (any replica, any device). */
export interface PresenceEvent {
  userId: string;
  online: boolean;
  at: string;
}

/** Cached answers of the hub's `GetPresence`: under `[...presenceKey, ...ids]`, the ids of those online. */
export const presenceKey = ['presence'] as const;

export function presenceQueryKey(userIds: readonly string[]) {
  return [...presenceKey, ...[...userIds].sort()] as const;
}

/** Applies a presence event to every cached answer that asked about that person. */
export function applyPresence(queryClient: QueryClient, event: PresenceEvent): void {
  queryClient.setQueriesData<string[]>(
    { queryKey: presenceKey, predicate: (query) => query.queryKey.includes(event.userId) },
    (online) => {
      if (online === undefined) {
        return online;
      }
      const others = online.filter((id) => id !== event.userId);
      return event.online ? [...others, event.userId] : others;
    },
  );
}
