import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type TeacherReport = Schemas['TeacherReportResponse'];

export type TutorReport = Schemas['TutorReportResponse'];

export type WeeklyFigures = Schemas['WeeklyFigures'];

export type MissingTeacherReport = Schemas['MissingTeacherReport'];

export const weeklyReportsKey = ['weeklyReports'] as const;

/** The figures as the editors hold them: text of the inputs, an empty average meaning "no graded work". */
export interface FiguresDraft {
  lessonsAttended: string;
  lessonsScheduled: string;
  averageScore: string;
}

export function toFiguresDraft(figures: WeeklyFigures): FiguresDraft {
  return {
    lessonsAttended: String(figures.lessonsAttended),
    lessonsScheduled: String(figures.lessonsScheduled),
    averageScore: figures.averageScore === null || figures.averageScore === undefined ? '' : String(figures.averageScore),
  };
}

export function fromFiguresDraft(draft: FiguresDraft) {
  return {
    lessonsAttended: Number(draft.lessonsAttended),
    lessonsScheduled: Number(draft.lessonsScheduled),
    averageScore: draft.averageScore.trim() === '' ? null : Number(draft.averageScore),
  };
}

export function reportWeekQuery(api: ApiClient) {
  return {
    queryKey: [...weeklyReportsKey, 'week'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Schemas['ReportWeekResponse']>('/api/progress/report-week', { signal }),
  };
}

export function teacherReportsQuery(
  api: ApiClient,
  filter: { studentId?: string | undefined; subjectId?: string | undefined; weekStart?: string | undefined },
) {
  return {
    queryKey: [...weeklyReportsKey, 'teacher', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<TeacherReport>>(`/api/progress/teacher-reports${queryString({ ...filter, pageSize: 100 })}`, { signal }),
  };
}

export function missingTeacherReportsQuery(api: ApiClient, weekStart: string) {
  return {
    queryKey: [...weeklyReportsKey, 'missing', weekStart] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<Schemas['MissingTeacherReports']>(`/api/progress/teacher-reports/missing${queryString({ weekStart })}`, { signal }),
  };
}

export function tutorReportsQuery(api: ApiClient, filter: { studentId?: string | undefined; weekStart?: string | undefined; page?: number | undefined }) {
  return {
    queryKey: [...weeklyReportsKey, 'tutor', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<TutorReport>>(`/api/progress/tutor-reports${queryString({ ...filter, pageSize: 8 })}`, { signal }),
  };
}

export function createTeacherReport(api: ApiClient, report: { studentId: string; subjectId: string; weekStart: string }) {
  return api.post<TeacherReport>('/api/progress/teacher-reports', report);
}

export function updateTeacherReport(
  api: ApiClient,
  id: string,
  report: { summary: string; progress: string; concerns: string; recommendations: string; figures: FiguresDraft },
) {
  const { figures, ...texts } = report;
  return api.put<TeacherReport>(`/api/progress/teacher-reports/${encodeURIComponent(id)}`, { ...texts, ...fromFiguresDraft(figures) });
}

export function sendTeacherReport(api: ApiClient, id: string) {
  return api.post<TeacherReport>(`/api/progress/teacher-reports/${encodeURIComponent(id)}/send`);
}

export function readTeacherReport(api: ApiClient, id: string) {
  return api.post<TeacherReport>(`/api/progress/teacher-reports/${encodeURIComponent(id)}/read`);
}

export function uploadTeacherReportFile(api: ApiClient, id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<TeacherReport>(`/api/progress/teacher-reports/${encodeURIComponent(id)}/file`, form);
}

export function downloadTeacherReportFile(api: ApiClient, id: string): Promise<DownloadedFile> {
  return api.download(`/api/progress/teacher-reports/${encodeURIComponent(id)}/file`);
}

export interface NoteDraft {
  subjectId: string;
  subjectName: string;
  text: string;
}

export function createTutorReport(api: ApiClient, report: { studentId: string; weekStart: string }) {
  return api.post<TutorReport>('/api/progress/tutor-reports', report);
}

export function updateTutorReport(
  api: ApiClient,
  id: string,
  report: { summary: string; recommendations: string; notes: readonly NoteDraft[]; figures: FiguresDraft },
) {
  return api.put<TutorReport>(`/api/progress/tutor-reports/${encodeURIComponent(id)}`, {
    summary: report.summary,
    recommendations: report.recommendations,
    notes: report.notes.filter((note) => note.text.trim() !== '').map((note) => ({ subjectId: note.subjectId, text: note.text.trim() })),
    ...fromFiguresDraft(report.figures),
  });
}

export function sendTutorReport(api: ApiClient, id: string) {
  return api.post<TutorReport>(`/api/progress/tutor-reports/${encodeURIComponent(id)}/send`);
}

export function readTutorReport(api: ApiClient, id: string) {
  return api.post<TutorReport>(`/api/progress/tutor-reports/${encodeURIComponent(id)}/read`);
}

/** One week of the trend chart, oldest first: attendance and average score as percentages (null: nothing that week). */
export interface TrendPoint {
  weekStart: string;
  attendance: number | null;
  averageScore: number | null;
}

export function toTrend(reports: readonly TutorReport[]): TrendPoint[] {
  const byWeek = new Map<string, TrendPoint>();
  for (const report of reports) {
    if (byWeek.has(report.weekStart)) {
      continue;
    }
    const { lessonsAttended, lessonsScheduled, averageScore } = report.figures;
    byWeek.set(report.weekStart, {
      weekStart: report.weekStart,
      attendance: lessonsScheduled > 0 ? Math.round((lessonsAttended * 100) / lessonsScheduled) : null,
      averageScore: averageScore ?? null,
    });
  }
  return [...byWeek.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}
