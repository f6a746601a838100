import { addZonedDays, startOfZonedDay, zonedDayKey } from '../../format/timeZone';
import type { ChatMessage } from './chatApi';

/** Messages one author sent in a row, each within `runGapMinutes` of the one before: one bubble stack, one name. */
export interface AuthorRun {
  /** The first message's id: stable while messages are added after it. */
  key: string;
  authorId: string;
  messages: ChatMessage[];
}

/** One calendar day of the conversation in the reader's time zone. */
export interface DayGroup {
  /** yyyy-mm-dd in the reader's zone. */
  day: string;
  runs: AuthorRun[];
}

export interface TimelineOptions {
  /** The reader's time zone (the profile's): days start at its midnight. */
  timeZone: string;
  /** The longest pause between two messages of one run. */
  runGapMinutes?: number;
  /** A message that starts a new run whatever comes before it (the unread divider sits above it). */
  breakBefore?: string | null;
}

export const defaultRunGapMinutes = 5;

/** Turns messages (oldest first) into days, and each day into runs of one author. */
export function buildTimeline(messages: readonly ChatMessage[], options: TimelineOptions): DayGroup[] {
  const gap = (options.runGapMinutes ?? defaultRunGapMinutes) * 60_000;
  const days: DayGroup[] = [];
  let previous: ChatMessage | null = null;
  for (const message of messages) {
    const created = Date.parse(message.createdAt);
    const day = zonedDayKey(created, options.timeZone);
    let group = days[days.length - 1];
    if (group === undefined || group.day !== day) {
      group = { day, runs: [] };
      days.push(group);
      previous = null;
    }
    const run = group.runs[group.runs.length - 1];
    const continues =
      run !== undefined &&
      previous !== null &&
      previous.author.id === message.author.id &&
      created - Date.parse(previous.createdAt) <= gap &&
      message.id !== options.breakBefore;
    if (continues) {
      run.messages.push(message);
    } else {
      group.runs.push({ key: message.id, authorId: message.author.id, messages: [message] });
    }
    previous = message;
  }
  return days;
}

/** How a day separator names its day: today and yesterday by name, other days by date. */
export function dayName(day: string, now: Date, timeZone: string): 'today' | 'yesterday' | 'date' {
  if (day === zonedDayKey(now, timeZone)) {
    return 'today';
  }
  const yesterday = addZonedDays(startOfZonedDay(now, timeZone), -1, timeZone);
  return day === zonedDayKey(yesterday, timeZone) ? 'yesterday' : 'date';
}

/**
 * Where the unread divider goes on opening a room: the first message from someone else written after I last read
 * the room (null: nothing unread, or I never opened it and it is empty).
 */
export function firstUnreadId(messages: readonly ChatMessage[], me: string, lastReadAt: string | null): string | null {
  const readAt = lastReadAt === null ? Number.NEGATIVE_INFINITY : Date.parse(lastReadAt);
  const first = messages.find((message) => !message.pending && message.author.id !== me && Date.parse(message.createdAt) > readAt);
  return first?.id ?? null;
}
