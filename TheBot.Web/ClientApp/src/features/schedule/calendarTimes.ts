import { wallClock, zonedInstant } from '../../format/timeZone';
import { DURATIONS } from './lessonTimes';
import { toLocalInputValue } from './week';

/**
 * The calendar library draws in UTC ("floating" times): it is handed each lesson's wall clock in the
 * profile's zone written as if it were UTC, so it shows the profile zone's hours whatever the device's zone
 * (and no DST change of the device's moves a lesson). A drop or a selection comes back the same way and is
 * turned into the real instant in the profile's zone before it goes to the API.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** The wall clock `instant` shows in `zone`, as an offset-less ISO 8601 value ("2026-12-07T18:00:00"). */
export function toFloating(instant: string | number | Date, zone: string): string {
  const clock = wallClock(typeof instant === 'string' ? Date.parse(instant) : instant, zone);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:00`;
}

/** The instant a floating calendar date (its UTC fields are the wall clock) names in `zone`. */
export function fromFloating(floating: Date, zone: string): Date {
  return zonedInstant(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
    },
    zone,
  );
}

/** A lesson moved on the calendar: its new start and end, keeping its length. */
export function movedTimes(floatingStart: Date, lesson: { startsAt: string; endsAt: string }, zone: string): { startsAt: string; endsAt: string } {
  const start = fromFloating(floatingStart, zone);
  const length = Date.parse(lesson.endsAt) - Date.parse(lesson.startsAt);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + length).toISOString() };
}

/**
 * What the booking form starts from after a drag over free time: the start as the form's `datetime-local`
 * value in `zone`, and the dragged length in minutes (at least the shortest bookable length).
 */
export function selectionDraft(floatingStart: Date, floatingEnd: Date, zone: string): { startsAt: string; duration: string } {
  const start = fromFloating(floatingStart, zone);
  const minutes = Math.max(DURATIONS[0], Math.round((floatingEnd.getTime() - floatingStart.getTime()) / 60_000));
  return { startsAt: toLocalInputValue(start, zone), duration: String(minutes) };
}

/** How many subject colours there are (`lesson-block--colour-0` … `-7` in the stylesheet). */
export const SUBJECT_COLOURS = 8;

/** A subject's colour, stable across weeks, pages and users: from its id, not from its place in a list. */
export function subjectColour(subjectId: string): number {
  let hash = 0;
  for (const char of subjectId) {
    hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  }
  return Math.abs(hash) % SUBJECT_COLOURS;
}

/** Hours shown by default; the grid grows to take in any lesson earlier or later. */
const DAY_FROM = 7;
const DAY_TO = 22;

const hourValue = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;

/**
 * The rows the grid shows: 07:00–22:00, widened to whole hours around any lesson outside them (a lesson
 * crossing midnight shows the whole day). The whole grid is on the page, with no inner scrolling region.
 */
export function visibleHours(events: readonly { start?: unknown; end?: unknown }[]): { from: string; to: string } {
  let from = DAY_FROM;
  let to = DAY_TO;
  for (const event of events) {
    if (typeof event.start !== 'string' || typeof event.end !== 'string') {
      continue;
    }
    const start = new Date(event.start + 'Z');
    const end = new Date(event.end + 'Z');
    if (start.toISOString().slice(0, 10) !== end.toISOString().slice(0, 10) && end.getUTCHours() + end.getUTCMinutes() > 0) {
      return { from: hourValue(0), to: hourValue(24) };
    }
    from = Math.min(from, start.getUTCHours());
    to = Math.max(to, end.getUTCHours() + (end.getUTCMinutes() > 0 ? 1 : 0) || 24);
  }
  return { from: hourValue(from), to: hourValue(to) };
}
