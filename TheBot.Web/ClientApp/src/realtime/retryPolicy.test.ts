import { describe, expect, it, vi } from 'vitest';
import { createRetryPolicy, foreverRetryPolicy, isUnauthorized, reconnectDelayMs } from './retryPolicy';

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

describe('realtime reconnect after a refused token', () => {
  const context = (retryReason: Error) => ({ previousRetryCount: 0, elapsedMilliseconds: 0, retryReason });

  it('asks the session to renew the token when the hub answered 401, and keeps retrying', () => {
    const onUnauthorized = vi.fn();
    const policy = createRetryPolicy(onUnauthorized);

    const negotiate401 = new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'");
    expect(policy.nextRetryDelayInMilliseconds(context(negotiate401))).not.toBeNull();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    const upgrade401 = Object.assign(new Error('Unauthorized'), { statusCode: 401 });
    policy.nextRetryDelayInMilliseconds(context(upgrade401));
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it('leaves the session alone when the server is merely unreachable', () => {
    const onUnauthorized = vi.fn();
    const policy = createRetryPolicy(onUnauthorized);

    policy.nextRetryDelayInMilliseconds(context(new Error('WebSocket failed to connect.')));
    policy.nextRetryDelayInMilliseconds(context(Object.assign(new Error('Bad gateway'), { statusCode: 502 })));

    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(isUnauthorized(null)).toBe(false);
  });
});
