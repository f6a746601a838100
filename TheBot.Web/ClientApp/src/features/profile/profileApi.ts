import type { ApiClient } from '../../api/ApiClient';
import type { Role } from '../../auth/types';

/** GET /api/auth/me. */
export interface Profile {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  phone: string | null;
  timeZone: string | null;
  language: 'ru' | 'en';
}

export function profileQuery(api: ApiClient) {
  return {
    queryKey: ['auth', 'me'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Profile>('/api/auth/me', { signal }),
  };
}

export function changePassword(api: ApiClient, currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/change-password', { currentPassword, newPassword });
}
