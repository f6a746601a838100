import { describe, expect, it } from 'vitest';
import type { Submission } from '../dashboard/dashboardApi';
import { latestAttempts, parseScore } from './assignmentsApi';

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
});
