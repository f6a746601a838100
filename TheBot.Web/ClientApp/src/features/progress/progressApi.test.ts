import { describe, expect, it } from 'vitest';
import { toAttendanceBars, toChartPoints } from './progressApi';

describe('progress chart points', () => {
  it('turns scores into percentages in time order', () => {
    const points = toChartPoints([
      { submissionId: '2', assignment: 'B', subject: 'Physics', gradedAt: '2026-12-02T10:00:00Z', finalScore: 5.03, maxScore: 7.5, isLate: true },
      { submissionId: '1', assignment: 'A', subject: 'Maths', gradedAt: '2026-12-01T10:00:00Z', finalScore: 68, maxScore: 80, isLate: false },
      { submissionId: '3', assignment: 'C', subject: 'Maths', gradedAt: '2026-12-03T10:00:00Z', finalScore: 0, maxScore: 0, isLate: false },
    ]);
    expect(points.map((p) => [p.assignment, p.percent])).toEqual([
      ['A', 85],
      ['B', 67.1],
    ]);
  });

  it('charts attendance only once a lesson has happened', () => {
    expect(toAttendanceBars({ lessonsCompleted: 0, lessonsMissed: 0, lessonsCancelled: 0 })).toEqual([]);
    expect(toAttendanceBars({ lessonsCompleted: 4, lessonsMissed: 1, lessonsCancelled: 0 })).toEqual([
      { kind: 'attended', count: 4 },
      { kind: 'missed', count: 1 },
      { kind: 'cancelled', count: 0 },
    ]);
  });
});
