import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshScheduler, refreshDelayMs } from './refreshSchedule';

const now = Date.parse('2026-03-01T10:00:00Z');
const at = (msFromNow: number) => new Date(now + msFromNow).toISOString();

describe('refreshDelayMs', () => {
  it('renews a 15-minute token a minute before it expires', () => {
    expect(refreshDelayMs(at(15 * 60_000), now)).toBe(14 * 60_000);
  });

  it('renews a short-lived token halfway through what is left', () => {
    expect(refreshDelayMs(at(40_000), now)).toBe(20_000);
  });

  it('renews at once when the token has expired or its expiry is unreadable', () => {
    expect(refreshDelayMs(at(-1_000), now)).toBe(0);
    expect(refreshDelayMs('not a date', now)).toBe(0);
  });
});

describe('RefreshScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());

  it('calls back when the renewal is due, not before', () => {
    const scheduler = new RefreshScheduler();
    const renew = vi.fn();

    scheduler.schedule(at(15 * 60_000), renew);
    vi.advanceTimersByTime(14 * 60_000 - 1);
    expect(renew).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(scheduler.isScheduled).toBe(false);
  });

  it('keeps only the latest schedule', () => {
    const scheduler = new RefreshScheduler();
    const first = vi.fn();
    const second = vi.fn();

    scheduler.schedule(at(2 * 60_000), first);
    scheduler.schedule(at(10 * 60_000), second);
    vi.advanceTimersByTime(10 * 60_000);

    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled', () => {
    const scheduler = new RefreshScheduler();
    const renew = vi.fn();
    scheduler.schedule(at(60_000), renew);
    scheduler.cancel();
    vi.advanceTimersByTime(120_000);
    expect(renew).not.toHaveBeenCalled();
  });
});
