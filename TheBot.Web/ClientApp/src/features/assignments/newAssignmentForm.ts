import { maxLength, required, type ValidationRules, type Validator } from '../../forms/validation';
import { wallClock, zonedInstant } from '../../format/timeZone';
import { parseLocalInputValue, toLocalInputValue } from '../schedule/week';

export type NewAssignmentField =
  | 'subjectId'
  | 'title'
  | 'kind'
  | 'dueAt'
  | 'maxScore'
  | 'latePenaltyPercent'
  | 'maxAttempts'
  | 'description';

/** A date and time the browser's datetime-local input can hold. */
const localDateTime: Validator = (value) => (parseLocalInputValue(value) === null ? { key: 'validation.required' } : null);

export const newAssignmentRules: ValidationRules<NewAssignmentField> = {
  subjectId: [required],
  title: [required, maxLength(200)],
  kind: [required],
  dueAt: [localDateTime],
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
