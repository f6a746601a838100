import type { ApiClient } from '../../api/ApiClient';
import { queryString } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type UserStatistics = Schemas['UserStatistics'];

export type ScheduleStatistics = Schemas['ScheduleStatistics'];

export const statisticsKey = ['admin', 'statistics'] as const;

export function userStatisticsQuery(api: ApiClient) {
  return {
    queryKey: [...statisticsKey, 'users'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<UserStatistics>('/api/admin/statistics/users', { signal }),
  };
}

/** Lessons per teacher per week; empty dates leave the range to the API (the last 8 weeks). */
export function scheduleStatisticsQuery(api: ApiClient, filter: { from: string; to: string; page: number }) {
  return {
    queryKey: [...statisticsKey, 'schedule', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<ScheduleStatistics>(
        `/api/admin/statistics/schedule${queryString({ from: filter.from, to: filter.to, page: filter.page, pageSize: 20 })}`,
        { signal },
      ),
  };
}
