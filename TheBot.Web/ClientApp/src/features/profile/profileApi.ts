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

/** My picture and the details of my role that are mine to edit (bio; school year and goal). */
export type ProfileDetails = Schemas['ProfileResponse'];

export const profileDetailsKey = ['profile'] as const;

export function profileDetailsQuery(api: ApiClient) {
  return {
    queryKey: profileDetailsKey,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ProfileDetails>('/api/profile', { signal }),
  };
}

/** Fields left out stay as they are; an empty bio or goal clears it. */
export function updateProfileDetails(api: ApiClient, changes: { bio?: string; grade?: number; goal?: string }): Promise<ProfileDetails> {
  return api.patch<ProfileDetails>('/api/profile', changes);
}

export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

/** Why a chosen picture would be refused before sending it (the server checks its content too), or null. */
export function avatarProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) {
    return 'type';
  }
  return file.size > MAX_AVATAR_BYTES ? 'size' : null;
}

export function uploadAvatar(api: ApiClient, file: File): Promise<ProfileDetails> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.put<ProfileDetails>('/api/profile/avatar', form);
}

export function deleteAvatar(api: ApiClient): Promise<void> {
  return api.delete('/api/profile/avatar');
}
