/** How long before expiry a token is renewed, at most. */
export const MAX_REFRESH_LEAD_MS = 60_000;

/**
 * Milliseconds to wait before renewing a token that expires at `expiresAt`: a minute early, or halfway
 * through the remaining lifetime when less than two minutes remain; 0 when it is already due or unreadable.
 */
export function refreshDelayMs(expiresAt: string, now: number): number {
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) {
    return 0;
  }
  const remaining = expiry - now;
  if (remaining <= 0) {
    return 0;
  }
  return remaining - Math.min(MAX_REFRESH_LEAD_MS, remaining / 2);
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One pending renewal at a time: scheduling again replaces the previous one. */
export class RefreshScheduler {
  private handle: unknown = null;

  constructor(
    private readonly timers: Timers = browserTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /** Renews shortly before `expiresAt` (see {@link refreshDelayMs}). */
  schedule(expiresAt: string, renew: () => void): void {
    this.scheduleIn(refreshDelayMs(expiresAt, this.now()), renew);
  }

  scheduleIn(delayMs: number, renew: () => void): void {
    this.cancel();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      renew();
    }, Math.max(0, delayMs));
  }

  cancel(): void {
    if (this.handle !== null) {
      this.timers.clearTimeout(this.handle);
      this.handle = null;
    }
  }

  get isScheduled(): boolean {
    return this.handle !== null;
  }
}
