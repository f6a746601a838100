import { describe, expect, it } from 'vitest';
import { foreverRetryPolicy, reconnectDelayMs } from './retryPolicy';

describe('realtime reconnect delays', () => {
  it('starts at once, backs off, and settles at 30 s', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => reconnectDelayMs(n, noJitter))).toEqual([
      0, 2_000, 5_000, 10_000, 20_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('adds at most 20 % jitter', () => {
    expect(reconnectDelayMs(3, () => 0.999)).toBeLessThanOrEqual(12_000);
    expect(reconnectDelayMs(3, () => 0.5)).toBe(11_000);
  });

  it('never gives up', () => {
    const delay = foreverRetryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: 1_000, elapsedMilliseconds: 3_600_000, retryReason: new Error('down') });
    expect(delay).not.toBeNull();
  });
});
