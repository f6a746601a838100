/** Week calendar maths in the browser's time zone; weeks start on Monday. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight (local) of the Monday of the week containing `date`. */
export function startOfWeek(date: Date): Date {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (start.getDay() + 6) % 7; // Monday = 0 … Sunday = 6
  start.setDate(start.getDate() - weekday);
  return start;
}

/** The same weekday `weeks` weeks later (or earlier), at local midnight — safe across DST changes. */
export function addWeeks(weekStart: Date, weeks: number): Date {
  return addDays(weekStart, weeks * 7);
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  return next;
}

/** The seven local days of the week starting at `weekStart`. */
export function daysOfWeek(weekStart: Date): Date[] {
  return Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
}

/** The half-open instant range [from, to) of the week, as the API's ISO 8601 query values. */
export function weekRange(weekStart: Date): { from: string; to: string } {
  return { from: weekStart.toISOString(), to: addWeeks(weekStart, 1).toISOString() };
}

/** yyyy-mm-dd of a local date (a stable key for a day column). */
export function dayKey(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * Lessons per local day of the week, each day sorted by start. A lesson appears on every day it
 * touches (a lesson crossing midnight shows on both days); lessons outside the week are dropped.
 */
export function groupByDay<T extends { startsAt: string; endsAt: string }>(weekStart: Date, lessons: readonly T[]): Map<string, T[]> {
  const days = daysOfWeek(weekStart);
  const result = new Map<string, T[]>(days.map((day) => [dayKey(day), []]));
  const sorted = [...lessons].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const lesson of sorted) {
    const starts = Date.parse(lesson.startsAt);
    const ends = Date.parse(lesson.endsAt);
    for (const day of days) {
      const dayStart = day.getTime();
      const dayEnd = addDays(day, 1).getTime();
      if (starts < dayEnd && ends > dayStart) {
        result.get(dayKey(day))?.push(lesson);
      }
    }
  }
  return result;
}

/** True when the lesson's local calendar day is `day`. */
export function isSameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A `datetime-local` input value (local time, minutes) for an instant. */
export function toLocalInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a `datetime-local` value names in the browser's zone, or null when it is not a valid value. */
export function fromLocalInputValue(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) {
    return null;
  }
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The end of a lesson starting at `start` and lasting `minutes`. */
export function endAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

export { DAY_MS };
