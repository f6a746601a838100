import { describe, expect, it } from 'vitest';
import { validate } from '../../forms/validation';
import { defaultDueAt, newAssignmentRules } from './newAssignmentForm';

const filled = {
  subjectId: 'subject',
  title: 'Fractions',
  kind: 'homework',
  dueAt: '2026-12-12T20:00',
  startsAt: '',
  timeLimitMinutes: '',
  maxScore: '10',
  latePenaltyPercent: '0',
  maxAttempts: '1',
  description: '',
};

describe('newAssignmentRules', () => {
  it('accepts a filled form', () => {
    expect(validate(filled, newAssignmentRules)).toEqual({});
    expect(validate({ ...filled, startsAt: '2026-12-10T09:00', timeLimitMinutes: '45' }, newAssignmentRules)).toEqual({});
  });

  it('asks for the subject, the title and a due time the input can hold', () => {
    const problems = validate({ ...filled, subjectId: '', title: ' ', dueAt: '2026-12-12' }, newAssignmentRules);
    expect(Object.keys(problems).sort()).toEqual(['dueAt', 'subjectId', 'title']);
  });

  it('wants a start before the due date and a time limit of 1 to 600 whole minutes', () => {
    expect(validate({ ...filled, startsAt: '2026-12-12T20:00' }, newAssignmentRules).startsAt?.key).toBe('assignments.startBeforeDue');
    expect(validate({ ...filled, startsAt: '2026-12-13T08:00' }, newAssignmentRules).startsAt?.key).toBe('assignments.startBeforeDue');
    for (const limit of ['0', '601', '1.5', 'ten']) {
      expect(validate({ ...filled, timeLimitMinutes: limit }, newAssignmentRules).timeLimitMinutes?.key).toBe('assignments.timeLimitRange');
    }
    expect(validate({ ...filled, timeLimitMinutes: '600' }, newAssignmentRules)).toEqual({});
  });
});

describe('defaultDueAt', () => {
  it('is a week later at 20:00 in the user’s zone', () => {
    expect(defaultDueAt(new Date('2026-12-05T06:30:00Z'), 'Europe/Moscow')).toBe('2026-12-12T20:00');
    // 23:30 UTC on 5 Dec is already 6 Dec in Moscow.
    expect(defaultDueAt(new Date('2026-12-05T23:30:00Z'), 'Europe/Moscow')).toBe('2026-12-13T20:00');
  });
});
