import type { HubConnection } from '@microsoft/signalr';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/useAuth';
import { RealtimeContext, type Realtime, type RealtimeStatus } from './RealtimeContext';
import { reconnectDelayMs } from './retryPolicy';

/**
 * Holds the tab's single realtime connection while someone is signed in. The status becomes "connected"
 * on the hub's `connected` event (sent once the connection has joined its groups, which is after
 * `start()` resolves); on every such event after the first it refetches active queries (the generic
 * catch-up) and runs the callbacks pages registered for their own catch-up.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { user, getAccessToken } = useAuth();
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<HubConnection | null>(null);
  const [status, setStatus] = useState<RealtimeStatus>('disconnected');
  const reconnectCallbacks = useRef(new Set<() => void>());
  const userId = user?.id ?? null;

  useEffect(() => {
    if (userId === null) {
      return undefined;
    }
    let stopped = false;
    let hub: HubConnection | null = null;
    let restartTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const catchUp = () => {
      void queryClient.invalidateQueries({ type: 'active' });
      for (const callback of reconnectCallbacks.current) {
        callback();
      }
    };

    const start = async (connection: HubConnection, isRestart: boolean) => {
      setStatus(isRestart ? 'reconnecting' : 'connecting');
      try {
        await connection.start();
        attempts = 0;
      } catch {
        if (!stopped) {
          restartTimer = setTimeout(() => void start(connection, true), reconnectDelayMs(attempts++));
        }
      }
    };

    // The SignalR client is loaded only once someone has signed in: the public pages stay small.
    void import('./createRealtimeConnection').then(({ createRealtimeConnection }) => {
      if (stopped) {
        return;
      }
      const connection = createRealtimeConnection(() => getAccessToken() ?? '');
      let joinedBefore = false;
      connection.on('connected', () => {
        setStatus('connected');
        if (joinedBefore) {
          catchUp();
        }
        joinedBefore = true;
      });
      connection.onreconnecting(() => setStatus('reconnecting'));
      connection.onclose(() => {
        if (!stopped) {
          restartTimer = setTimeout(() => void start(connection, true), reconnectDelayMs(attempts++));
        }
      });
      hub = connection;
      setConnection(connection);
      void start(connection, false);
    });

    return () => {
      stopped = true;
      clearTimeout(restartTimer);
      setConnection(null);
      setStatus('disconnected');
      void hub?.stop();
    };
  }, [userId, getAccessToken, queryClient]);

  const value = useMemo<Realtime>(
    () => ({
      connection,
      status,
      onReconnected: (callback) => {
        reconnectCallbacks.current.add(callback);
        return () => reconnectCallbacks.current.delete(callback);
      },
    }),
    [connection, status],
  );

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
