import { maxLength, required, type ValidationRules, type Validator } from '../../forms/validation';
import { wallClock, zonedInstant } from '../../format/timeZone';
import { parseLocalInputValue, toLocalInputValue } from '../schedule/week';

export type NewAssignmentField =
  | 'subjectId'
  | 'title'
  | 'kind'
  | 'dueAt'
  | 'startsAt'
  | 'timeLimitMinutes'
  | 'maxScore'
  | 'latePenaltyPercent'
  | 'maxAttempts'
  | 'description';

/** The most minutes an attempt may be given (the API's limit). */
export const MAX_TIME_LIMIT_MINUTES = 600;

/** A date and time the browser's datetime-local input can hold. */
const localDateTime: Validator = (value) => (parseLocalInputValue(value) === null ? { key: 'validation.required' } : null);

/** Optional; when given, a date and time before the due date (both are wall-clock values in the same zone). */
const startBeforeDue: Validator = (value, values) => {
  if (value.trim() === '') {
    return null;
  }
  if (parseLocalInputValue(value) === null) {
    return { key: 'validation.required' };
  }
  const due = values['dueAt'] ?? '';
  return parseLocalInputValue(due) !== null && value >= due ? { key: 'assignments.startBeforeDue' } : null;
};

/** Optional; when given, whole minutes from 1 to 600. */
const timeLimit: Validator = (value) => {
  const trimmed = value.trim();
  if (trimmed === '') {
    return null;
  }
  const minutes = Number(trimmed);
  return /^\d+$/.test(trimmed) && minutes >= 1 && minutes <= MAX_TIME_LIMIT_MINUTES
    ? null
    : { key: 'assignments.timeLimitRange', params: { max: MAX_TIME_LIMIT_MINUTES } };
};

export const newAssignmentRules: ValidationRules<NewAssignmentField> = {
  subjectId: [required],
  title: [required, maxLength(200)],
  kind: [required],
  dueAt: [localDateTime],
  startsAt: [startBeforeDue],
  timeLimitMinutes: [timeLimit],
  maxScore: [required],
  latePenaltyPercent: [],
  maxAttempts: [],
  description: [maxLength(4000)],
};

/** A week from now at 20:00 in the user's zone, as the datetime-local input shows it. */
export function defaultDueAt(now: Date, zone: string): string {
  const clock = wallClock(now, zone);
  return toLocalInputValue(zonedInstant({ ...clock, day: clock.day + 7, hour: 20, minute: 0 }, zone), zone);
}
