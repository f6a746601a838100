import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { createRetryPolicy } from './retryPolicy';

export const REALTIME_HUB_PATH = '/hubs/realtime';

/**
 * The connection to the realtime hub through the front door. The access token travels as
 * `access_token` in the query string (browsers cannot set headers on WebSockets); the factory is asked
 * again on every (re)connect, so a renewed token is used. `onUnauthorized` runs when a reconnect attempt
 * was refused for its token.
 */
export function createRealtimeConnection(
  accessTokenFactory: () => string | Promise<string>,
  onUnauthorized?: () => void,
): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(REALTIME_HUB_PATH, { accessTokenFactory })
    .withAutomaticReconnect(createRetryPolicy(onUnauthorized))
    .configureLogging(LogLevel.Warning)
    .build();
}
