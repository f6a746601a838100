import type { ApiClient } from '../../api/ApiClient';
import type { Role } from '../../auth/types';

/** Roles a person may ask for on the public form; administrators are appointed, not applied for. */
export const APPLICABLE_ROLES = ['student', 'parent', 'teacher', 'tutor'] as const satisfies readonly Role[];
export type ApplicableRole = (typeof APPLICABLE_ROLES)[number];

export interface ApplicationRequest {
  fullName: string;
  email: string;
  phone: string | null;
  desiredRole: ApplicableRole;
  message: string;
}

export interface ApplicationCreated {
  trackingToken: string;
}

export type ApplicationState = 'pending' | 'approved' | 'rejected';

/** GET /api/applications/{token}. */
export interface ApplicationStatus {
  status: ApplicationState;
  fullName: string;
  desiredRole: Role;
  createdAt: string;
  decidedAt?: string | null;
  decisionNote?: string | null;
}

export function submitApplication(api: ApiClient, request: ApplicationRequest): Promise<ApplicationCreated> {
  return api.post<ApplicationCreated>('/api/applications', request, { anonymous: true });
}

export function applicationQuery(api: ApiClient, token: string) {
  return {
    queryKey: ['applications', token] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<ApplicationStatus>(`/api/applications/${encodeURIComponent(token)}`, { anonymous: true, signal }),
  };
}
