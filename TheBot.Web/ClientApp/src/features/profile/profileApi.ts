import type { ApiClient } from '../../api/ApiClient';
import type { Schemas } from '../../api/schemas';

export type Profile = Schemas['MeResponse'];

export const profileKey = ['auth', 'me'] as const;

export function profileQuery(api: ApiClient) {
  return {
    queryKey: profileKey,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Profile>('/api/auth/me', { signal }),
  };
}

export function saveLanguage(api: ApiClient, language: string): Promise<Profile> {
  return api.patch<Profile>('/api/auth/me', { language });
}

export function changePassword(api: ApiClient, currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/change-password', { currentPassword, newPassword });
}
