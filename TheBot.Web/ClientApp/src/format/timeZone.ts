/**
 * Wall-clock maths in a named IANA time zone. Times are shown in the user's profile zone, not the
 * device's, so every page (calendar, lesson pages, notifications, dashboards) agrees with the reminders
 * the server sends; these helpers turn instants into that zone's wall clock and back.
 */

/** A wall-clock reading: month 1–12, weekday 0 = Monday … 6 = Sunday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const readers = new Map<string, Intl.DateTimeFormat>();

function reader(zone: string): Intl.DateTimeFormat {
  let found = readers.get(zone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    readers.set(zone, found);
  }
  return found;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

let device: string | undefined;

/** The device's own zone ("Europe/London"), as the browser reports it (asked once: building a formatter is slow). */
export function deviceTimeZone(): string {
  device ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return device;
}

/** True when the browser knows the zone (an unknown one would make Intl throw). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    reader(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone to show times in: the profile's when the browser knows it, else the device's. */
export function displayTimeZone(profileZone: string | null | undefined): string {
  return profileZone && isKnownTimeZone(profileZone) ? profileZone : deviceTimeZone();
}

/** What a clock in `zone` shows at `instant`. */
export function wallClock(instant: Date | number, zone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of reader(zone).formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays.indexOf(parts.weekday ?? ''),
  };
}

function asUtc(clock: Omit<WallClock, 'weekday'>): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
}

/**
 * The instant a clock in `zone` shows this date and time. Days and months may overflow (day 32 is the
 * next month's first). A time skipped by a DST change resolves to the instant just after the gap.
 */
export function zonedInstant(clock: Omit<WallClock, 'weekday'>, zone: string): Date {
  const wanted = asUtc(clock);
  const offsetAt = (instant: number) => asUtc(wallClock(instant, zone)) - instant;
  // instant = wanted − the zone's offset at that instant: two rounds settle it, also on the day it changes.
  const first = wanted - offsetAt(wanted);
  const second = wanted - offsetAt(first);
  if (asUtc(wallClock(second, zone)) === wanted) {
    return new Date(second);
  }
  // No instant shows this time (the clock jumped over it): take the later reading, just after the gap.
  return new Date(Math.max(first, second, wanted - offsetAt(second)));
}

/** The same wall-clock time `days` days later in `zone` (whole calendar days, safe across DST). */
export function addZonedDays(instant: Date, days: number, zone: string): Date {
  const clock = wallClock(instant, zone);
  return zonedInstant({ ...clock, day: clock.day + days }, zone);
}

/** Midnight in `zone` of the day containing `instant`. */
export function startOfZonedDay(instant: Date, zone: string): Date {
  const clock = wallClock(instant, zone);
  return zonedInstant({ ...clock, hour: 0, minute: 0 }, zone);
}

/** yyyy-mm-dd of the day `instant` falls on in `zone`. */
export function zonedDayKey(instant: Date | number, zone: string): string {
  const { year, month, day } = wallClock(instant, zone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
