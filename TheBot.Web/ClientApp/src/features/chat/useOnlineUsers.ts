import { useQuery } from '@tanstack/react-query';
import { useRealtime } from '../../realtime/RealtimeContext';
import { presenceQueryKey } from './presence';

const none: ReadonlySet<string> = new Set();

/**
 * Which of these people are online (connected on any replica): asked of the hub once, then kept current
 * by `presence` events (app/liveUpdates.ts) and asked again after a reconnect.
 */
export function useOnlineUsers(userIds: readonly string[]): ReadonlySet<string> {
  const { connection, status } = useRealtime();
  const query = useQuery({
    queryKey: presenceQueryKey(userIds),
    queryFn: () => connection!.invoke<string[]>('GetPresence', [...userIds]),
    enabled: connection !== null && status === 'connected' && userIds.length > 0,
    select: (online: string[]) => new Set(online),
  });
  return query.data ?? none;
}
