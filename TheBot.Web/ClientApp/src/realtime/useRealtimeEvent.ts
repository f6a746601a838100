import { useEffect, useRef } from 'react';
import { useRealtime } from './RealtimeContext';

/**
 * Calls `handler` whenever the server invokes `method` on this tab's connection (method names are the
 * realtime contract's, e.g. "systemNotice"). The latest handler is used without re-subscribing.
 */
export function useRealtimeEvent<TPayload = unknown>(method: string, handler: (payload: TPayload) => void): void {
  const { connection } = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    if (connection === null) {
      return undefined;
    }
    const listener = (payload: TPayload) => latest.current(payload);
    connection.on(method, listener);
    return () => connection.off(method, listener);
  }, [connection, method]);
}

/** Runs `callback` after each reconnect, for a page to fetch what it missed while offline. */
export function useRealtimeReconnected(callback: () => void): void {
  const { onReconnected } = useRealtime();
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });

  useEffect(() => onReconnected(() => latest.current()), [onReconnected]);
}
