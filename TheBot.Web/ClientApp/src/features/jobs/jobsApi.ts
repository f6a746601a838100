import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type JobOutcome = Schemas['JobOutcome'];

export type JobRun = Schemas['JobRunResponse'];

export type Job = Schemas['JobResponse'];

export const jobsKey = ['admin', 'jobs'] as const;

export function jobsQuery(api: ApiClient) {
  return {
    queryKey: [...jobsKey, 'list'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Job[]>('/api/admin/jobs', { signal }),
  };
}

export function jobRunsQuery(api: ApiClient, name: string, page: number) {
  return {
    queryKey: [...jobsKey, 'runs', name, page] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<JobRun>>(`/api/admin/jobs/${encodeURIComponent(name)}/runs${queryString({ page, pageSize: 10 })}`, { signal }),
  };
}

export function runJobNow(api: ApiClient, name: string): Promise<JobRun> {
  return api.post<JobRun>(`/api/admin/jobs/${encodeURIComponent(name)}/run`);
}

/** "850 ms", "12.3 s", "2 min 5 s": how long a run took. */
export function formatDuration(ms: number | null): string {
  if (ms === null) {
    return '—';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Whether any of these runs is still going (the page then polls until it finishes). */
export function anyRunning(jobs: readonly Job[]): boolean {
  return jobs.some((job) => job.recentRuns.some((run) => run.outcome === 'running'));
}
