import { describe, expect, it } from 'vitest';
import { addZonedDays, displayTimeZone, deviceTimeZone, isKnownTimeZone, wallClock, zonedDayKey, zonedInstant } from './timeZone';

describe('time zone maths', () => {
  it('reads the wall clock of a zone', () => {
    expect(wallClock(new Date('2026-12-05T15:00:00Z'), 'Europe/Moscow')).toEqual({ year: 2026, month: 12, day: 5, hour: 18, minute: 0, weekday: 5 });
    expect(wallClock(new Date('2026-12-05T23:30:00Z'), 'UTC').hour).toBe(23);
  });

  it('finds the instant a wall clock names, with overflowing days', () => {
    expect(zonedInstant({ year: 2026, month: 12, day: 5, hour: 18, minute: 0 }, 'Europe/Moscow').toISOString()).toBe('2026-12-05T15:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 12, day: 32, hour: 0, minute: 0 }, 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    // 02:30 on 8 March does not exist in Los Angeles: the clock jumps from 02:00 to 03:00.
    expect(wallClock(zonedInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/Los_Angeles'), 'America/Los_Angeles').hour).toBe(3);
  });

  it('adds calendar days keeping the wall clock across DST', () => {
    const before = zonedInstant({ year: 2026, month: 3, day: 7, hour: 9, minute: 0 }, 'America/Los_Angeles');
    expect(wallClock(addZonedDays(before, 1, 'America/Los_Angeles'), 'America/Los_Angeles').hour).toBe(9);
    expect(zonedDayKey(addZonedDays(before, 1, 'America/Los_Angeles'), 'America/Los_Angeles')).toBe('2026-03-08');
  });

  it('shows times in the profile’s zone when the browser knows it, else the device’s', () => {
    expect(isKnownTimeZone('Europe/Moscow')).toBe(true);
    expect(isKnownTimeZone('Nowhere/Unknown')).toBe(false);
    expect(displayTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(displayTimeZone('Nowhere/Unknown')).toBe(deviceTimeZone());
    expect(displayTimeZone(null)).toBe(deviceTimeZone());
  });
});
