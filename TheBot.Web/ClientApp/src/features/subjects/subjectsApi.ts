import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { PersonRef } from '../schedule/lessonsApi';
import type { RequestBody, Schemas } from '../../api/schemas';

export type Subject = Schemas['SubjectResponse'];

export type SubjectInput = RequestBody<Schemas['CreateSubjectRequest']>;

export const subjectsKey = ['subjects'] as const;

/** All subjects (admins may include deactivated ones); the API pages them 100 at a time. */
export function subjectsQuery(api: ApiClient, includeInactive = false) {
  return {
    queryKey: [...subjectsKey, 'all', { includeInactive }] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Subject>>(`/api/subjects${queryString({ includeInactive: includeInactive || undefined, pageSize: 100 })}`, { signal }),
  };
}

export function subjectTeachersQuery(api: ApiClient, subjectId: string) {
  return {
    queryKey: [...subjectsKey, 'teachers', subjectId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PersonRef[]>(`/api/subjects/${encodeURIComponent(subjectId)}/teachers`, { signal }),
    enabled: subjectId !== '',
  };
}

export function createSubject(api: ApiClient, input: SubjectInput): Promise<Subject> {
  return api.post<Subject>('/api/subjects', { ...input, description: input.description === '' ? null : input.description });
}

export function updateSubject(api: ApiClient, id: string, changes: Partial<SubjectInput> & { isActive?: boolean }): Promise<Subject> {
  return api.patch<Subject>(`/api/subjects/${encodeURIComponent(id)}`, changes);
}

export function mySubjectsQuery(api: ApiClient) {
  return {
    queryKey: [...subjectsKey, 'mine'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Subject[]>('/api/teacher/subjects', { signal }),
  };
}

export function setMySubjects(api: ApiClient, subjectIds: readonly string[]): Promise<Subject[]> {
  return api.put<Subject[]>('/api/teacher/subjects', { subjectIds });
}
