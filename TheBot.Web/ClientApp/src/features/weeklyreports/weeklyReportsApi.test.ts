import { describe, expect, it } from 'vitest';
import { fromFiguresDraft, toTrend, type TutorReport } from './weeklyReportsApi';

function report(weekStart: string, attended: number, scheduled: number, averageScore: number | null): TutorReport {
  return { weekStart, figures: { lessonsAttended: attended, lessonsScheduled: scheduled, averageScore } } as TutorReport;
}

describe('weekly reports', () => {
  it('turns reports (newest first) into a trend oldest first, attendance as a percentage', () => {
    const trend = toTrend([report('2026-12-07', 1, 2, 80), report('2026-11-30', 0, 0, null), report('2026-11-23', 3, 3, 65.5)]);
    expect(trend).toEqual([
      { weekStart: '2026-11-23', attendance: 100, averageScore: 65.5 },
      { weekStart: '2026-11-30', attendance: null, averageScore: null },
      { weekStart: '2026-12-07', attendance: 50, averageScore: 80 },
    ]);
  });

  it('sends an empty average as none', () => {
    expect(fromFiguresDraft({ lessonsAttended: '2', lessonsScheduled: '3', averageScore: ' ' })).toEqual({ lessonsAttended: 2, lessonsScheduled: 3, averageScore: null });
  });
});
