import type { ApiClient } from '../../api/ApiClient';
import type { Schemas } from '../../api/schemas';

export type DueAssignment = Schemas['DueAssignment'];

export type DashboardSummary = Schemas['DashboardResponse'];

export const dashboardKey = ['dashboard'] as const;

export function dashboardQuery(api: ApiClient) {
  return {
    queryKey: dashboardKey,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<DashboardSummary>('/api/dashboard', { signal }),
  };
}
