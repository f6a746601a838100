import type { HubConnection } from '@microsoft/signalr';
import { createContext, useContext } from 'react';

export type RealtimeStatus = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

export interface Realtime {
  /** The tab's one connection to /hubs/realtime; null while signed out. */
  connection: HubConnection | null;
  status: RealtimeStatus;
  /** Registers a callback run after every reconnect, to catch up on what was missed. Returns an unsubscribe. */
  onReconnected(callback: () => void): () => void;
}

export const RealtimeContext = createContext<Realtime>({
  connection: null,
  status: 'disconnected',
  onReconnected: () => () => undefined,
});

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}
