import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

/** The API lists a student's open or unanswered invitations only (accepted and revoked ones are done with). */
export type TutorStudent = Omit<Schemas['TutorStudentItem'], 'invitations'> & {
  invitations: (Schemas['TutorStudentInvitation'] & { status: 'pending' | 'declined' | 'expired' })[];
};

export type CreatedAccount = Schemas['CreatedAccount'];

export type IssuedInvitation = Schemas['ParentInvitationIssued'];

export type InvitedParent = Schemas['InvitedParent'];

export type CreateStudentRequest = Schemas['CreateStudentRequest'];

export type Enrollment = Schemas['EnrollmentResponse'];

export const studentsKey = ['tutor', 'students'] as const;
export const enrollmentsKey = ['enrollments'] as const;

/** Which of the tutor's students the list shows: active ones (the default), deactivated ones, or all. */
export type StudentShow = 'active' | 'inactive' | 'all';

export function myStudentsQuery(api: ApiClient, filter: { search: string; page: number; pageSize?: number; show?: StudentShow }) {
  const active = filter.show === 'active' ? true : filter.show === 'inactive' ? false : undefined;
  return {
    queryKey: [...studentsKey, filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<TutorStudent>>(
        `/api/tutor/students${queryString({ search: filter.search, active, page: filter.page, pageSize: filter.pageSize ?? 20 })}`,
        { signal },
      ),
  };
}

export function createStudent(api: ApiClient, request: CreateStudentRequest): Promise<{ student: CreatedAccount; parent: IssuedInvitation }> {
  return api.post('/api/tutor/students', request);
}

export function inviteParent(api: ApiClient, studentId: string, parent: InvitedParent): Promise<IssuedInvitation> {
  return api.post<IssuedInvitation>(`/api/tutor/students/${encodeURIComponent(studentId)}/parent-invitations`, parent);
}

export function studentEnrollmentsQuery(api: ApiClient, studentId: string) {
  return {
    queryKey: [...enrollmentsKey, { studentId }] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Enrollment>>(`/api/enrollments${queryString({ studentId, pageSize: 100 })}`, { signal }),
  };
}

export function enroll(api: ApiClient, request: { studentId: string; subjectId: string; teacherId: string }): Promise<Enrollment> {
  return api.post<Enrollment>('/api/enrollments', request);
}

export function setEnrollmentStatus(api: ApiClient, id: string, status: Enrollment['status']): Promise<Enrollment> {
  return api.patch<Enrollment>(`/api/enrollments/${encodeURIComponent(id)}`, { status });
}
