import type { ApiClient } from '../../api/ApiClient';

/** One of GET /api/auth/sessions: a device signed in to the account. */
export interface DeviceSession {
  id: string;
  device: string | null;
  ipAddress: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

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
