import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import { enumValues, type RequestBody, type Schemas } from '../../api/schemas';

export const LESSON_STATUSES = enumValues<Schemas['LessonStatus']>()(['pending', 'confirmed', 'completed', 'cancelled', 'missed']);
export type LessonStatus = Schemas['LessonStatus'];

export type PersonRef = Schemas['PersonRef'];

export type SubjectRef = Schemas['EnrollmentSubject'];

/** One lesson as the API describes it (times are ISO 8601 UTC). */
export type Lesson = Schemas['LessonResponse'];

export type LessonHistoryItem = Schemas['LessonHistoryItem'];

/** The realtime `lessonChanged` event. */
export interface LessonChangedEvent {
  lessonId: string;
  teacherId: string;
  studentId: string;
  subjectId: string;
  startsAt: string;
  endsAt: string;
  status: string;
  change: string;
}

export type NewLesson = Omit<RequestBody<Schemas['CreateLessonRequest']>, 'teacherId'>;

export type Enrollment = Schemas['EnrollmentResponse'];

export const lessonsKey = ['lessons'] as const;

/** A week's lessons (at most 100: the API's page limit); admins may narrow the whole school's to one teacher. */
export function lessonsInRangeQuery(api: ApiClient, range: { from: string; to: string }, teacherId?: string) {
  return {
    queryKey: [...lessonsKey, 'range', range, teacherId ?? 'all'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Lesson>>(`/api/lessons${queryString({ from: range.from, to: range.to, teacherId, pageSize: 100 })}`, { signal }),
  };
}

/** Active teachers, for the admin's schedule filter. */
export function teachersQuery(api: ApiClient) {
  return {
    queryKey: ['admin', 'teachers'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<PersonRef>>(`/api/admin/users${queryString({ role: 'teacher', active: true, pageSize: 100 })}`, { signal }),
  };
}

export function lessonQuery(api: ApiClient, id: string) {
  return {
    queryKey: [...lessonsKey, 'one', id] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Lesson>(`/api/lessons/${encodeURIComponent(id)}`, { signal }),
  };
}

export function lessonHistoryQuery(api: ApiClient, id: string) {
  return {
    queryKey: [...lessonsKey, 'history', id] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<LessonHistoryItem[]>(`/api/lessons/${encodeURIComponent(id)}/history`, { signal }),
  };
}

/** The caller's active enrollments (a teacher books lessons only within them). */
export function activeEnrollmentsQuery(api: ApiClient) {
  return {
    queryKey: ['enrollments', 'active'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Enrollment>>(`/api/enrollments${queryString({ status: 'active', pageSize: 100 })}`, { signal }),
  };
}

export function createLesson(api: ApiClient, lesson: NewLesson): Promise<Lesson> {
  return api.post<Lesson>('/api/lessons', lesson);
}

export function rescheduleLesson(
  api: ApiClient,
  id: string,
  change: { startsAt: string; endsAt: string; topic?: string | null; meetingLink?: string | null },
): Promise<Lesson> {
  return api.patch<Lesson>(`/api/lessons/${encodeURIComponent(id)}`, change);
}

export function confirmLesson(api: ApiClient, id: string): Promise<Lesson> {
  return api.post<Lesson>(`/api/lessons/${encodeURIComponent(id)}/confirm`);
}

export function cancelLesson(api: ApiClient, id: string, reason: string): Promise<Lesson> {
  return api.post<Lesson>(`/api/lessons/${encodeURIComponent(id)}/cancel`, { reason });
}

export function completeLesson(api: ApiClient, id: string): Promise<Lesson> {
  return api.post<Lesson>(`/api/lessons/${encodeURIComponent(id)}/complete`);
}

/** The student did not come (only once the lesson has started). */
export function markLessonMissed(api: ApiClient, id: string): Promise<Lesson> {
  return api.post<Lesson>(`/api/lessons/${encodeURIComponent(id)}/missed`);
}
