import type { ApiClient } from '../../api/ApiClient';
import type { Schemas } from '../../api/schemas';

export type Profile = Schemas['MeResponse'];

export function profileQuery(api: ApiClient) {
  return {
    queryKey: ['auth', 'me'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Profile>('/api/auth/me', { signal }),
  };
}

export function changePassword(api: ApiClient, currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/change-password', { currentPassword, newPassword });
}
