import { describe, expect, it } from 'vitest';
import { addWeeks, dayKey, daysOfWeek, endAfter, fromLocalInputValue, groupByDay, startOfWeek, toLocalInputValue, weekRange } from './week';

describe('week calendar maths', () => {
  it('starts weeks on Monday at local midnight', () => {
    const wednesday = new Date(2026, 11, 2, 15, 30); // Wed 2 Dec 2026
    const start = startOfWeek(wednesday);
    expect(dayKey(start)).toBe('2026-11-30');
    expect(start.getHours()).toBe(0);
    expect(start.getMinutes()).toBe(0);
  });

  it('treats Sunday as the last day of the week', () => {
    expect(dayKey(startOfWeek(new Date(2026, 11, 6, 23, 59)))).toBe('2026-11-30');
    expect(dayKey(startOfWeek(new Date(2026, 11, 7, 0, 0)))).toBe('2026-12-07');
  });

  it('moves whole weeks across month and year ends', () => {
    const start = startOfWeek(new Date(2026, 11, 30));
    expect(dayKey(start)).toBe('2026-12-28');
    expect(dayKey(addWeeks(start, 1))).toBe('2027-01-04');
    expect(dayKey(addWeeks(start, -1))).toBe('2026-12-21');
  });

  it('lists seven consecutive days', () => {
    expect(daysOfWeek(new Date(2026, 11, 28)).map(dayKey)).toEqual([
      '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03',
    ]);
  });

  it('asks the API for the half-open week range', () => {
    const start = new Date(2026, 10, 30);
    const range = weekRange(start);
    expect(Date.parse(range.from)).toBe(start.getTime());
    expect(Date.parse(range.to)).toBe(new Date(2026, 11, 7).getTime());
  });

  it('groups lessons by local day, sorted, including ones crossing midnight', () => {
    const start = new Date(2026, 10, 30);
    const at = (day: number, hour: number) => new Date(2026, 10, 30 + day, hour).toISOString();
    const lessons = [
      { id: 'b', startsAt: at(0, 15), endsAt: at(0, 16) },
      { id: 'a', startsAt: at(0, 9), endsAt: at(0, 10) },
      { id: 'night', startsAt: at(2, 23), endsAt: at(3, 1) },
      { id: 'outside', startsAt: at(7, 9), endsAt: at(7, 10) },
    ];
    const byDay = groupByDay(start, lessons);
    expect(byDay.get('2026-11-30')?.map((l) => l.id)).toEqual(['a', 'b']);
    expect(byDay.get('2026-12-02')?.map((l) => l.id)).toEqual(['night']);
    expect(byDay.get('2026-12-03')?.map((l) => l.id)).toEqual(['night']);
    expect([...byDay.values()].flat().some((l) => l.id === 'outside')).toBe(false);
  });

  it('round-trips datetime-local values and adds durations', () => {
    const date = new Date(2026, 11, 3, 14, 5);
    expect(toLocalInputValue(date)).toBe('2026-12-03T14:05');
    expect(fromLocalInputValue('2026-12-03T14:05')?.getTime()).toBe(date.getTime());
    expect(fromLocalInputValue('nonsense')).toBeNull();
    expect(endAfter(date, 90).getTime() - date.getTime()).toBe(90 * 60_000);
  });
});
