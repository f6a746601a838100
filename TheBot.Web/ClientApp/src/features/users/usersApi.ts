import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Role } from '../../auth/types';
import type { Schemas } from '../../api/schemas';

export type AdminUser = Schemas['AdminUserListItem'];

export interface UserFilter {
  search: string;
  role: string;
  active: string;
  page: number;
}

export type NewUser = Schemas['CreateUserRequest'];

export const usersKey = ['admin', 'users'] as const;

export function usersQuery(api: ApiClient, filter: UserFilter) {
  return {
    queryKey: [...usersKey, filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<AdminUser>>(
        `/api/admin/users${queryString({ search: filter.search, role: filter.role, active: filter.active, page: filter.page, pageSize: 20 })}`,
        { signal },
      ),
  };
}

export function createUser(api: ApiClient, user: NewUser): Promise<{ user: AdminUser; initialPassword: string | null }> {
  return api.post('/api/admin/users', user);
}

export function updateUser(api: ApiClient, id: string, changes: { role?: Role; isActive?: boolean }): Promise<AdminUser> {
  return api.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, changes);
}

export function deactivateUser(api: ApiClient, id: string): Promise<void> {
  return api.delete(`/api/admin/users/${encodeURIComponent(id)}`);
}

export function resetPassword(api: ApiClient, id: string): Promise<{ temporaryPassword: string }> {
  return api.post(`/api/admin/users/${encodeURIComponent(id)}/reset-password`);
}

export type BulkUserActionResult = Schemas['BulkUserActionResponse'];

/** The actions the users page offers on selected users (API `BulkUserActionNames`). */
export const BULK_ACTIONS = ['deactivate', 'reactivate', 'reset-password', 'assign-tutor'] as const;

export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many users in one bulk action (API `BulkUserActions.MaxUsers`). */
export const MAX_BULK_USERS = 500;

export function bulkUserAction(api: ApiClient, action: BulkAction, userIds: readonly string[], tutorId?: string): Promise<BulkUserActionResult> {
  return api.post<BulkUserActionResult>('/api/admin/users/bulk', { action, userIds, tutorId: tutorId ?? null });
}

/** Active people of a role, for pickers (the first 100 by name). */
export function peopleOfRoleQuery(api: ApiClient, role: Role) {
  return {
    queryKey: [...usersKey, 'of-role', role] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<AdminUser>>(`/api/admin/users${queryString({ role, active: true, pageSize: 100 })}`, { signal }),
  };
}
