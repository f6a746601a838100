import { addZonedDays, startOfZonedDay, wallClock, zonedDayKey, zonedInstant, type WallClock } from '../../format/timeZone';

/**
 * Week calendar maths in the user's time zone (the profile's, passed as `zone`, not the device's); weeks
 * start on Monday. A day is represented by the instant of its midnight in that zone.
 */

/** Midnight (in `zone`) of the Monday of the week containing `date`. */
export function startOfWeek(date: Date, zone: string): Date {
  const clock = wallClock(date, zone);
  return zonedInstant({ ...clock, day: clock.day - clock.weekday, hour: 0, minute: 0 }, zone);
}

/** The same weekday `weeks` weeks later (or earlier), at midnight in `zone` — safe across DST changes. */
export function addWeeks(weekStart: Date, weeks: number, zone: string): Date {
  return addDays(weekStart, weeks * 7, zone);
}

/** Midnight in `zone` of the day `days` days after the one containing `date`. */
export function addDays(date: Date, days: number, zone: string): Date {
  return startOfZonedDay(addZonedDays(date, days, zone), zone);
}

/** The seven days of the week starting at `weekStart`. */
export function daysOfWeek(weekStart: Date, zone: string): Date[] {
  return Array.from({ length: 7 }, (_, index) => addDays(weekStart, index, zone));
}

/** The half-open instant range [from, to) of the week, as the API's ISO 8601 query values. */
export function weekRange(weekStart: Date, zone: string): { from: string; to: string } {
  return { from: weekStart.toISOString(), to: addWeeks(weekStart, 1, zone).toISOString() };
}

/** yyyy-mm-dd of a day in `zone` (a stable key for a day column). */
export function dayKey(date: Date, zone: string): string {
  return zonedDayKey(date, zone);
}

/**
 * Lessons per day of the week in `zone`, each day sorted by start. A lesson appears on every day it
 * touches (a lesson crossing midnight shows on both days); lessons outside the week are dropped.
 */
export function groupByDay<T extends { startsAt: string; endsAt: string }>(weekStart: Date, lessons: readonly T[], zone: string): Map<string, T[]> {
  const days = daysOfWeek(weekStart, zone);
  const result = new Map<string, T[]>(days.map((day) => [dayKey(day, zone), []]));
  const sorted = [...lessons].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const lesson of sorted) {
    const starts = Date.parse(lesson.startsAt);
    const ends = Date.parse(lesson.endsAt);
    for (const day of days) {
      const dayStart = day.getTime();
      const dayEnd = addDays(day, 1, zone).getTime();
      if (starts < dayEnd && ends > dayStart) {
        result.get(dayKey(day, zone))?.push(lesson);
      }
    }
  }
  return result;
}

/** True when both instants fall on the same calendar day in `zone`. */
export function isSameDay(a: Date, b: Date, zone: string): boolean {
  return zonedDayKey(a, zone) === zonedDayKey(b, zone);
}

/** A `datetime-local` input value (the wall clock in `zone`, minutes) for an instant. */
export function toLocalInputValue(date: Date, zone: string): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const clock = wallClock(date, zone);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** The date and time a `datetime-local` value holds, or null when it is not a valid value. */
export function parseLocalInputValue(value: string): Omit<WallClock, 'weekday'> | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) {
    return null;
  }
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const valid = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return valid.getUTCMonth() === month - 1 && valid.getUTCDate() === day && hour < 24 && minute < 60 ? { year, month, day, hour, minute } : null;
}

/** The instant a `datetime-local` value names in `zone`, or null when it is not a valid value. */
export function fromLocalInputValue(value: string, zone: string): Date | null {
  const clock = parseLocalInputValue(value);
  return clock === null ? null : zonedInstant(clock, zone);
}

/** The end of a lesson starting at `start` and lasting `minutes`. */
export function endAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}
