import { maxLength, required, type ValidationRules, type Validator } from '../../forms/validation';
import { fromLocalInputValue, toLocalInputValue } from '../schedule/week';

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
const localDateTime: Validator = (value) => (fromLocalInputValue(value) === null ? { key: 'validation.required' } : null);

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

/** A week from now at 20:00, as the datetime-local input shows it. */
export function defaultDueAt(now: Date): string {
  const date = new Date(now);
  date.setDate(date.getDate() + 7);
  date.setHours(20, 0, 0, 0);
  return toLocalInputValue(date);
}
