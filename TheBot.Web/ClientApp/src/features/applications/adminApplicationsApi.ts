import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';
import type { Role } from '../../auth/types';

export type AdminApplication = Schemas['AdminApplicationItem'];

export type ApprovedApplication = Schemas['ApprovedApplicationResponse'];

export const adminApplicationsKey = ['admin', 'applications'] as const;

export function adminApplicationsQuery(api: ApiClient, filter: { status: string; page: number }) {
  return {
    queryKey: [...adminApplicationsKey, filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<AdminApplication>>(`/api/admin/applications${queryString({ status: filter.status, page: filter.page, pageSize: 20 })}`, {
        signal,
      }),
  };
}

export function approveApplication(api: ApiClient, id: string, decision: { role: Role; note: string }): Promise<ApprovedApplication> {
  return api.post(`/api/admin/applications/${encodeURIComponent(id)}/approve`, { role: decision.role, note: decision.note === '' ? null : decision.note });
}

export function rejectApplication(api: ApiClient, id: string, note: string): Promise<void> {
  return api.post(`/api/admin/applications/${encodeURIComponent(id)}/reject`, { note: note === '' ? null : note });
}
