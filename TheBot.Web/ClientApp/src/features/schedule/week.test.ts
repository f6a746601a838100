import { describe, expect, it } from 'vitest';
import { addWeeks, dayKey, daysOfWeek, endAfter, fromLocalInputValue, groupByDay, isSameDay, startOfWeek, toLocalInputValue, weekRange } from './week';

// Weeks are laid out in the profile's zone whatever the device's: Moscow (UTC+3, no DST) and Los Angeles
// (UTC−8/−7, with DST) make the day boundaries differ from UTC's.
const moscow = 'Europe/Moscow';
const losAngeles = 'America/Los_Angeles';

describe('week calendar maths', () => {
  it('starts weeks on Monday at midnight in the given zone', () => {
    const wednesday = new Date('2026-12-02T12:30:00Z'); // Wed 2 Dec, 15:30 in Moscow
    const start = startOfWeek(wednesday, moscow);
    expect(dayKey(start, moscow)).toBe('2026-11-30');
    expect(start.toISOString()).toBe('2026-11-29T21:00:00.000Z');
  });

  it('treats Sunday as the last day of the week, by the zone’s clock', () => {
    // 21:30 UTC on Sunday 6 Dec is already Monday 7 Dec, 00:30 in Moscow.
    expect(dayKey(startOfWeek(new Date('2026-12-06T20:59:00Z'), moscow), moscow)).toBe('2026-11-30');
    expect(dayKey(startOfWeek(new Date('2026-12-06T21:30:00Z'), moscow), moscow)).toBe('2026-12-07');
    expect(dayKey(startOfWeek(new Date('2026-12-06T21:30:00Z'), 'UTC'), 'UTC')).toBe('2026-11-30');
  });

  it('moves whole weeks across month and year ends', () => {
    const start = startOfWeek(new Date('2026-12-30T12:00:00Z'), moscow);
    expect(dayKey(start, moscow)).toBe('2026-12-28');
    expect(dayKey(addWeeks(start, 1, moscow), moscow)).toBe('2027-01-04');
    expect(dayKey(addWeeks(start, -1, moscow), moscow)).toBe('2026-12-21');
  });

  it('keeps midnight across a DST change', () => {
    const start = startOfWeek(new Date('2026-03-04T20:00:00Z'), losAngeles); // the week before 8 March's change
    const next = addWeeks(start, 1, losAngeles);
    expect(toLocalInputValue(start, losAngeles)).toBe('2026-03-02T00:00');
    expect(toLocalInputValue(next, losAngeles)).toBe('2026-03-09T00:00');
    expect(next.getTime() - start.getTime()).toBe(7 * 24 * 3_600_000 - 3_600_000);
  });

  it('lists seven consecutive days', () => {
    const start = startOfWeek(new Date('2026-12-28T12:00:00Z'), moscow);
    expect(daysOfWeek(start, moscow).map((day) => dayKey(day, moscow))).toEqual([
      '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03',
    ]);
  });

  it('asks the API for the half-open week range', () => {
    const start = startOfWeek(new Date('2026-12-01T12:00:00Z'), moscow);
    expect(weekRange(start, moscow)).toEqual({ from: '2026-11-29T21:00:00.000Z', to: '2026-12-06T21:00:00.000Z' });
  });

  it('groups lessons by day in the zone, sorted, including ones crossing midnight', () => {
    const start = startOfWeek(new Date('2026-12-01T12:00:00Z'), moscow);
    const lessons = [
      { id: 'b', startsAt: '2026-11-30T12:00:00Z', endsAt: '2026-11-30T13:00:00Z' },
      { id: 'a', startsAt: '2026-11-30T06:00:00Z', endsAt: '2026-11-30T07:00:00Z' },
      // 22:00 UTC on Monday is Tuesday 01:00 in Moscow.
      { id: 'late', startsAt: '2026-11-30T22:00:00Z', endsAt: '2026-11-30T23:00:00Z' },
      { id: 'night', startsAt: '2026-12-02T20:00:00Z', endsAt: '2026-12-02T22:00:00Z' },
      { id: 'outside', startsAt: '2026-12-07T06:00:00Z', endsAt: '2026-12-07T07:00:00Z' },
    ];
    const byDay = groupByDay(start, lessons, moscow);
    expect(byDay.get('2026-11-30')?.map((l) => l.id)).toEqual(['a', 'b']);
    expect(byDay.get('2026-12-01')?.map((l) => l.id)).toEqual(['late']);
    expect(byDay.get('2026-12-02')?.map((l) => l.id)).toEqual(['night']);
    expect(byDay.get('2026-12-03')?.map((l) => l.id)).toEqual(['night']);
    expect([...byDay.values()].flat().some((l) => l.id === 'outside')).toBe(false);
  });

  it('compares days by the zone’s calendar', () => {
    expect(isSameDay(new Date('2026-12-01T20:00:00Z'), new Date('2026-12-01T22:00:00Z'), 'UTC')).toBe(true);
    expect(isSameDay(new Date('2026-12-01T20:00:00Z'), new Date('2026-12-01T22:00:00Z'), moscow)).toBe(false);
  });

  it('round-trips datetime-local values in the zone and adds durations', () => {
    const date = new Date('2026-12-03T11:05:00Z');
    expect(toLocalInputValue(date, moscow)).toBe('2026-12-03T14:05');
    expect(fromLocalInputValue('2026-12-03T14:05', moscow)?.toISOString()).toBe('2026-12-03T11:05:00.000Z');
    expect(fromLocalInputValue('2026-07-03T14:05', losAngeles)?.toISOString()).toBe('2026-07-03T21:05:00.000Z');
    expect(fromLocalInputValue('nonsense', moscow)).toBeNull();
    expect(fromLocalInputValue('2026-02-30T10:00', moscow)).toBeNull();
    expect(endAfter(date, 90).getTime() - date.getTime()).toBe(90 * 60_000);
  });
});
