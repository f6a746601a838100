import type { HubConnection } from '@microsoft/signalr';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useServices } from '../services/ServicesContext';
import { useAuth } from '../auth/useAuth';
import { RealtimeContext, type Realtime, type RealtimeStatus } from './RealtimeContext';
import { isUnauthorized, reconnectDelayMs } from './retryPolicy';
import { serverEventNames, type LiveUpdates } from './serverEvents';

/**
 * Holds the tab's single realtime connection while someone is signed in. The status becomes "connected"
 * on the hub's `connected` event (sent once the connection has joined its groups, which is after
 * `start()` resolves); on every such event after the first it refetches active queries (the generic
 * catch-up) and runs the callbacks pages registered for their own catch-up.
 *
 * The hub closes a connection when its access token expires. So when the session renews the token (a
 * minute before expiry) the connection is renewed too, quietly: stopped and started with the new token,
 * the status left as it is, and what arrived in between fetched by the catch-up. A token the hub refuses
 * (401) makes the session renew it, or sign out when the session has ended elsewhere.
 *
 * Every server event is handled from the moment the connection exists: `loadLiveUpdates` gives what each one
 * means for the cached data, and pages add their own handlers on top.
 */
export function RealtimeProvider({ children, loadLiveUpdates }: { children: ReactNode; loadLiveUpdates: () => Promise<LiveUpdates> }) {
  const { user, state, getAccessToken } = useAuth();
  const { session } = useServices();
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<HubConnection | null>(null);
  const [status, setStatus] = useState<RealtimeStatus>('disconnected');
  const reconnectCallbacks = useRef(new Set<() => void>());
  const renewWith = useRef<(accessToken: string) => void>(() => undefined);
  const userId = user?.id ?? null;
  const accessToken = state.status === 'authenticated' ? state.session.accessToken : null;

  useEffect(() => {
    if (userId === null) {
      return undefined;
    }
    let stopped = false;
    let hub: HubConnection | null = null;
    let restartTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    // The token the connection last (re)connected with, whether it has joined its groups, and whether it
    // is being renewed on purpose (its close is then no failure).
    let connectedWith: string | null = null;
    let joined = false;
    let renewing = false;
    const catchUp = () => {
      void queryClient.invalidateQueries({ type: 'active' });
      for (const callback of reconnectCallbacks.current) {
        callback();
      }
    };
    const onUnauthorized = () => void session.refreshAfterUnauthorized();

    const start = async (connection: HubConnection, isRestart: boolean, quietly = false) => {
      if (!quietly) {
        setStatus(isRestart ? 'reconnecting' : 'connecting');
      }
      try {
        await connection.start();
        attempts = 0;
      } catch (error) {
        if (isUnauthorized(error)) {
          onUnauthorized();
        }
        if (!stopped) {
          restartTimer = setTimeout(() => void start(connection, true), reconnectDelayMs(attempts++));
        }
      }
    };

    renewWith.current = (token) => {
      if (hub === null || !joined || renewing || token === connectedWith) {
        return;
      }
      const connection = hub;
      renewing = true;
      joined = false;
      void connection.stop().finally(() => {
        renewing = false;
        if (!stopped) {
          void start(connection, true, true);
        }
      });
    };

    // The SignalR client and what its events mean are loaded only once someone has signed in: the public pages stay small.
    void Promise.all([import('./createRealtimeConnection'), loadLiveUpdates()]).then(([{ createRealtimeConnection }, liveUpdates]) => {
      if (stopped) {
        return;
      }
      const connection = createRealtimeConnection(() => {
        connectedWith = getAccessToken() ?? '';
        return connectedWith;
      }, onUnauthorized);
      for (const event of serverEventNames) {
        connection.on(event, (payload: unknown) => liveUpdates[event](queryClient, payload));
      }
      let joinedBefore = false;
      connection.on('connected', () => {
        joined = true;
        setStatus('connected');
        if (joinedBefore) {
          catchUp();
        }
        joinedBefore = true;
      });
      connection.onreconnecting(() => {
        joined = false;
        setStatus('reconnecting');
      });
      connection.onclose(() => {
        joined = false;
        if (!stopped && !renewing) {
          restartTimer = setTimeout(() => void start(connection, true), reconnectDelayMs(attempts++));
        }
      });
      hub = connection;
      setConnection(connection);
      void start(connection, false);
    });

    return () => {
      stopped = true;
      renewWith.current = () => undefined;
      clearTimeout(restartTimer);
      setConnection(null);
      setStatus('disconnected');
      void hub?.stop();
    };
  }, [userId, getAccessToken, queryClient, session, loadLiveUpdates]);

  useEffect(() => {
    if (accessToken !== null) {
      renewWith.current(accessToken);
    }
  }, [accessToken]);

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
