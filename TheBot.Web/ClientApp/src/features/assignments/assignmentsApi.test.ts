import { describe, expect, it } from 'vitest';
import { attachmentProblem, latestAttempts, MAX_SUBMISSION_BYTES, parseScore, type Submission } from './assignmentsApi';

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
});
