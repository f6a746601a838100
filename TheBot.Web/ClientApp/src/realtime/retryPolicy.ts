import type { IRetryPolicy, RetryContext } from '@microsoft/signalr';

/** Waits between reconnect attempts: quick at first, then every 30 s for as long as it takes. */
export const RECONNECT_DELAYS_MS = [0, 2_000, 5_000, 10_000, 20_000, 30_000] as const;

export function reconnectDelayMs(previousRetryCount: number, random: () => number = Math.random): number {
  const index = Math.min(previousRetryCount, RECONNECT_DELAYS_MS.length - 1);
  const base = RECONNECT_DELAYS_MS[index] ?? 30_000;
  // Up to 20 % jitter so that a restarted server is not hit by every tab at the same instant.
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * Whether the hub refused the access token (HTTP 401 on negotiate or the WebSocket upgrade): it expired
 * while the tab slept, or its session ended (signed out elsewhere, deactivated).
 */
export function isUnauthorized(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  if ('statusCode' in error && error.statusCode === 401) {
    return true;
  }
  return 'message' in error && typeof error.message === 'string' && error.message.includes("Status code '401'");
}

/**
 * Never gives up: a tab left open over a network outage reconnects when the network is back. When an
 * attempt was refused for its token, `onUnauthorized` runs (the session renews the token, or ends when
 * the session did), so that the next attempt carries a valid one or the tab signs out.
 */
export function createRetryPolicy(onUnauthorized: () => void = () => undefined): IRetryPolicy {
  return {
    nextRetryDelayInMilliseconds: (context: RetryContext) => {
      if (isUnauthorized(context.retryReason)) {
        onUnauthorized();
      }
      return reconnectDelayMs(context.previousRetryCount);
    },
  };
}

export const foreverRetryPolicy: IRetryPolicy = createRetryPolicy();
