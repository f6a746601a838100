import type { ApiClient } from '../../api/ApiClient';

/**
 * GET /api/dashboard: a summary for the signed-in user's role. Its shape is defined per role by the
 * learning features; until then the page renders whatever JSON comes back.
 */
export type DashboardSummary = unknown;

export function dashboardQuery(api: ApiClient) {
  return {
    queryKey: ['dashboard'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<DashboardSummary>('/api/dashboard', { signal }),
  };
}
