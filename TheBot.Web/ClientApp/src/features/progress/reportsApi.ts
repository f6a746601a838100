import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type ProgressReport = Schemas['ProgressReportResponse'];

export const reportsKey = ['progress', 'reports'] as const;

export function reportListQuery(api: ApiClient, studentId: string) {
  return {
    queryKey: [...reportsKey, studentId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<ProgressReport>>(`/api/progress/reports${queryString({ studentId, pageSize: 50 })}`, { signal }),
  };
}

export function createReport(api: ApiClient, report: { studentId: string; title: string; body: string }): Promise<ProgressReport> {
  return api.post<ProgressReport>('/api/progress/reports', report);
}

export function sendReport(api: ApiClient, id: string): Promise<ProgressReport> {
  return api.post<ProgressReport>(`/api/progress/reports/${encodeURIComponent(id)}/send`);
}

export function markReportRead(api: ApiClient, id: string): Promise<ProgressReport> {
  return api.post<ProgressReport>(`/api/progress/reports/${encodeURIComponent(id)}/read`);
}

/** One student's graded work, or (without a student) one row per student the caller sees, as .xlsx. */
export function exportProgress(api: ApiClient, studentId?: string): Promise<DownloadedFile> {
  return studentId === undefined
    ? api.download('/api/progress/export')
    : api.download(`/api/progress/students/${encodeURIComponent(studentId)}/export`);
}
