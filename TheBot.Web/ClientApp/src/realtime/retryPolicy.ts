import type { IRetryPolicy, RetryContext } from '@microsoft/signalr';

/** Waits between reconnect attempts: quick at first, then every 30 s for as long as it takes. */
export const RECONNECT_DELAYS_MS = [0, 2_000, 5_000, 10_000, 20_000, 30_000] as const;

export function reconnectDelayMs(previousRetryCount: number, random: () => number = Math.random): number {
  const index = Math.min(previousRetryCount, RECONNECT_DELAYS_MS.length - 1);
  const base = RECONNECT_DELAYS_MS[index] ?? 30_000;
  // Up to 20 % jitter so that a restarted server is not hit by every tab at the same instant.
  return Math.round(base * (1 + 0.2 * random()));
}

/** Never gives up: a tab left open over a network outage reconnects when the network is back. */
export const foreverRetryPolicy: IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context: RetryContext) => reconnectDelayMs(context.previousRetryCount),
};
