import type { ApiClient } from '../../api/ApiClient';
import type { Schemas } from '../../api/schemas';

export type DeviceSession = Schemas['SessionResponse'];

export const sessionsQueryKey = ['auth', 'sessions'] as const;

export function sessionsQuery(api: ApiClient) {
  return {
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<DeviceSession[]>('/api/auth/sessions', { signal }),
  };
}

export function endSession(api: ApiClient, id: string): Promise<void> {
  return api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`);
}

/** Signs out every device but this one, one session at a time. */
export async function endOtherSessions(api: ApiClient, sessions: readonly DeviceSession[]): Promise<void> {
  for (const session of sessions.filter((candidate) => !candidate.current)) {
    await endSession(api, session.id);
  }
}
