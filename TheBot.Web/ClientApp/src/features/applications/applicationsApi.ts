import type { ApiClient } from '../../api/ApiClient';
import type { Role } from '../../auth/types';
import type { Schemas } from '../../api/schemas';

/** Roles a person may ask for on the public form; administrators are appointed, not applied for. */
export const APPLICABLE_ROLES = ['student', 'parent', 'teacher', 'tutor'] as const satisfies readonly Role[];
export type ApplicableRole = (typeof APPLICABLE_ROLES)[number];

/** The form offers the applicable roles only (the API refuses `admin`). */
export type ApplicationRequest = Omit<Schemas['SubmitApplicationRequest'], 'desiredRole'> & { desiredRole: ApplicableRole };

export type ApplicationCreated = Schemas['SubmittedApplicationResponse'];

export type ApplicationState = Schemas['ApplicationStatus'];

export type ApplicationStatus = Schemas['ApplicationStatusResponse'];

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
