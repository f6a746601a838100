import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import {
  attachmentProblem,
  formatCountdown,
  isOverTimeRefusal,
  isQuestionsHiddenUntilDue,
  latestAttempts,
  latestOpened,
  MAX_SUBMISSION_BYTES,
  parseScore,
  secondsLeft,
  type Attempt,
  type Submission,
} from './assignmentsApi';

const submission = (assignmentId: string, attempt: number) => ({ id: `${assignmentId}-${attempt}`, assignmentId, attempt }) as Submission;

describe('assignments', () => {
  it('keeps the latest attempt per assignment', () => {
    const latest = latestAttempts([submission('a', 1), submission('a', 3), submission('b', 1), submission('a', 2)]);
    expect(latest.get('a')?.attempt).toBe(3);
    expect(latest.get('b')?.attempt).toBe(1);
  });

  it('reads scores with either decimal separator', () => {
    expect(parseScore('7,5')).toBe(7.5);
    expect(parseScore(' 10 ')).toBe(10);
    expect(parseScore('-1')).toBeNull();
    expect(parseScore('abc')).toBeNull();
  });

  it('refuses more than five files or more than 50 MB in all before uploading', () => {
    expect(attachmentProblem([])).toBeNull();
    expect(attachmentProblem(Array.from({ length: 5 }, () => ({ size: 1 })))).toBeNull();
    expect(attachmentProblem(Array.from({ length: 6 }, () => ({ size: 1 })))).toBe('tooMany');
    expect(attachmentProblem([{ size: MAX_SUBMISSION_BYTES }])).toBeNull();
    expect(attachmentProblem([{ size: MAX_SUBMISSION_BYTES - 10 }, { size: 11 }])).toBe('tooLarge');
  });

  it('keeps the newest opened attempt per assignment', () => {
    const attempt = (assignmentId: string, number: number) => ({ id: `${assignmentId}-${number}`, assignmentId, number }) as Attempt;
    const latest = latestOpened([attempt('a', 2), attempt('a', 1), attempt('b', 1)]);
    expect(latest.get('a')?.number).toBe(2);
    expect(latest.get('b')?.number).toBe(1);
  });

  it('counts down in whole seconds and shows the clock like a clock', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(secondsLeft('2026-12-07T10:30:00Z', now)).toBe(1800);
    expect(secondsLeft('2026-12-07T09:59:59Z', now)).toBe(-1);
    expect(formatCountdown(1800)).toBe('30:00');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(3729)).toBe('1:02:09');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('tells an over-time refusal from other conflicts', () => {
    expect(isOverTimeRefusal(new ApiError(409, { status: 409, code: 'overTime' }))).toBe(true);
    expect(isOverTimeRefusal(new ApiError(409, { status: 409, code: 'attemptNotStarted' }))).toBe(false);
    expect(isOverTimeRefusal(new ApiError(409, { status: 409 }))).toBe(false);
    expect(isOverTimeRefusal(new Error('x'))).toBe(false);
  });

  it('tells a timed quiz kept from parents and tutors until its due date from other conflicts', () => {
    expect(isQuestionsHiddenUntilDue(new ApiError(409, { status: 409, code: 'questionsHiddenUntilDue' }))).toBe(true);
    expect(isQuestionsHiddenUntilDue(new ApiError(409, { status: 409, code: 'attemptNotStarted' }))).toBe(false);
    expect(isQuestionsHiddenUntilDue(new ApiError(404, { status: 404, code: 'questionsHiddenUntilDue' }))).toBe(false);
  });
});
