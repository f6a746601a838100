import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import type { Schemas } from '../../api/schemas';

export type ScorePoint = Schemas['ScorePoint'];

export type StudentProgress = Schemas['StudentProgress'];

export const progressKey = ['progress'] as const;

export function progressQuery(api: ApiClient, studentId: string) {
  return {
    queryKey: [...progressKey, studentId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<StudentProgress>(`/api/progress/students/${encodeURIComponent(studentId)}`, { signal }),
  };
}

export interface ChartPoint {
  at: number;
  percent: number;
  assignment: string;
  subject: string;
}

/** Grades as percentages of the maximum over time (oldest first), one line per subject's points. */
export function toChartPoints(scores: readonly ScorePoint[]): ChartPoint[] {
  return scores
    .filter((score) => score.maxScore > 0)
    .map((score) => ({
      at: Date.parse(score.gradedAt),
      percent: Math.round((score.finalScore / score.maxScore) * 1000) / 10,
      assignment: score.assignment,
      subject: score.subject,
    }))
    .sort((a, b) => a.at - b.at);
}

export interface AttendanceBar {
  kind: 'attended' | 'missed' | 'cancelled';
  count: number;
}

/** The lessons that have happened (or were meant to), for the attendance chart; none when there were none. */
export function toAttendanceBars(progress: Pick<StudentProgress, 'lessonsCompleted' | 'lessonsMissed' | 'lessonsCancelled'>): AttendanceBar[] {
  const bars: AttendanceBar[] = [
    { kind: 'attended', count: progress.lessonsCompleted },
    { kind: 'missed', count: progress.lessonsMissed },
    { kind: 'cancelled', count: progress.lessonsCancelled },
  ];
  return bars.some((bar) => bar.count > 0) ? bars : [];
}

/** One student's graded work, or (without a student) one row per student the caller sees, as .xlsx. */
export function exportProgress(api: ApiClient, studentId?: string): Promise<DownloadedFile> {
  return studentId === undefined
    ? api.download('/api/progress/export')
    : api.download(`/api/progress/students/${encodeURIComponent(studentId)}/export`);
}
