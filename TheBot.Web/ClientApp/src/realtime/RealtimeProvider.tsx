import type { HubConnection } from '@microsoft/signalr';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/useAuth';
import { createRealtimeConnection } from './createRealtimeConnection';
import { RealtimeContext, type Realtime, type RealtimeStatus } from './RealtimeContext';
import { reconnectDelayMs } from './retryPolicy';

/**
 * Holds the tab's single realtime connection while someone is signed in. After a reconnect it refetches
 * active queries (the generic catch-up) and runs the callbacks pages registered for their own catch-up.
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
    let restartTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const hub = createRealtimeConnection(() => getAccessToken() ?? '');
    const catchUp = () => {
      void queryClient.invalidateQueries({ type: 'active' });
      for (const callback of reconnectCallbacks.current) {
        callback();
      }
    };

    const start = async (isRestart: boolean) => {
      setStatus(isRestart ? 'reconnecting' : 'connecting');
      try {
        await hub.start();
        attempts = 0;
        setStatus('connected');
        if (isRestart) {
          catchUp();
        }
      } catch {
        if (!stopped) {
          restartTimer = setTimeout(() => void start(true), reconnectDelayMs(attempts++));
        }
      }
    };

    hub.onreconnecting(() => setStatus('reconnecting'));
    hub.onreconnected(() => {
      setStatus('connected');
      catchUp();
    });
    hub.onclose(() => {
      if (!stopped) {
        restartTimer = setTimeout(() => void start(true), reconnectDelayMs(attempts++));
      }
    });

    setConnection(hub);
    void start(false);

    return () => {
      stopped = true;
      clearTimeout(restartTimer);
      setConnection(null);
      setStatus('disconnected');
      void hub.stop();
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
