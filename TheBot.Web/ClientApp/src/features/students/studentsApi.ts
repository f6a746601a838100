import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { PersonRef } from '../invoices/invoicesApi';

/** One of GET /api/tutor/students: the signed-in tutor's student with their parents. */
export interface TutorStudent {
  id: string;
  fullName: string;
  email: string;
  grade: number | null;
  goal: string | null;
  isActive: boolean;
  /** Confirmed parents only: the ones who accepted an invitation (or an admin linked). */
  parents: PersonRef[];
  /** Invitations not (yet) a link. */
  invitations: { id: string; email: string; status: 'pending' | 'declined' | 'expired'; expiresAt: string }[];
}

export interface CreatedAccount {
  id: string;
  email: string;
  fullName: string;
  initialPassword: string | null;
  existing: boolean;
}

/** What the tutor hands to the parent: the same whether or not the email already has an account. */
export interface IssuedInvitation {
  invitationId: string;
  email: string;
  fullName: string | null;
  code: string;
  expiresAt: string;
}

export type InvitedParent = { fullName: string | null; email: string; phone: string | null };

export interface CreateStudentRequest {
  student: { fullName: string; email: string; phone: string | null; grade: number | null; goal: string | null };
  parent: InvitedParent;
}

export interface Enrollment {
  id: string;
  student: PersonRef;
  subject: { id: string; name: string; color: string };
  teacher: PersonRef;
  status: 'active' | 'completed' | 'dropped';
  createdAt: string;
  endedAt: string | null;
}

export const studentsKey = ['tutor', 'students'] as const;
export const enrollmentsKey = ['enrollments'] as const;

export function myStudentsQuery(api: ApiClient, filter: { search: string; page: number; pageSize?: number }) {
  return {
    queryKey: [...studentsKey, filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<TutorStudent>>(
        `/api/tutor/students${queryString({ search: filter.search, page: filter.page, pageSize: filter.pageSize ?? 20 })}`,
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
