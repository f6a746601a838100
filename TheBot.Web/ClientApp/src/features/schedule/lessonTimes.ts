import { wallClock, zonedInstant } from '../../format/timeZone';
import type { Lesson } from './lessonsApi';

/** The lengths a lesson may be booked for, in minutes. */
export const DURATIONS = [30, 45, 60, 90, 120, 180, 240] as const;

/** The duration choices for a lesson now `current` minutes long: the usual ones, with its own first when it is unusual. */
export function durationChoices(current: string): string[] {
  const usual = DURATIONS.map(String);
  return usual.includes(current) ? usual : [current, ...usual];
}

/** How long a lesson is, in whole minutes, as a duration choice. */
export function lessonMinutes(lesson: Pick<Lesson, 'startsAt' | 'endsAt'>): string {
  return String(Math.round((Date.parse(lesson.endsAt) - Date.parse(lesson.startsAt)) / 60_000));
}

/** The start a new lesson is offered: the next full hour in the user's zone. */
export function nextFullHour(now: Date, zone: string): Date {
  const clock = wallClock(now, zone);
  return zonedInstant({ ...clock, hour: clock.hour + 1, minute: 0 }, zone);
}
