import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { isApiError } from '../../api/ApiError';
import { queryString, type PagedResult } from '../../api/paging';
import { enumValues, type RequestBody, type Schemas } from '../../api/schemas';

export type Submission = Schemas['SubmissionResponse'];

export type SubmissionFile = Schemas['SubmissionFileResponse'];

export const ASSIGNMENT_KINDS = enumValues<Schemas['AssignmentKind']>()(['homework', 'test', 'project', 'essay']);

export type Assignment = Schemas['AssignmentResponse'];

export type NewAssignment = RequestBody<Schemas['CreateAssignmentRequest']>;

export type AssignmentChanges = RequestBody<Schemas['UpdateAssignmentRequest']>;

/** An opened attempt: its clock, and whether it was handed in or ran over its time. */
export type Attempt = Schemas['AttemptResponse'];

export type AttemptStatus = Schemas['AttemptStatus'];

/** A student of a subject, as the teacher picks them. */
export interface SubjectStudent {
  id: string;
  fullName: string;
}

export const assignmentsKey = ['assignments'] as const;

export const ASSIGNMENT_STATUSES = enumValues<Schemas['AssignmentStatus']>()(['draft', 'published', 'closed']);

export interface AssignmentFilter {
  search: string;
  status: Schemas['AssignmentStatus'] | '';
  page: number;
  pageSize?: number;
}

/** A page of the assignments the caller may see, newest due first: by part of the title and status. */
export function assignmentListQuery(api: ApiClient, filter: AssignmentFilter = { search: '', status: '', page: 1 }) {
  return {
    queryKey: [...assignmentsKey, 'list', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Assignment>>(
        `/api/assignments${queryString({ search: filter.search, status: filter.status, page: filter.page, pageSize: filter.pageSize ?? 20 })}`,
        { signal },
      ),
  };
}

export function submissionListQuery(api: ApiClient, status?: 'submitted' | 'graded' | 'returned') {
  return {
    queryKey: [...assignmentsKey, 'submissions', status ?? 'all'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Submission>>(`/api/assignments/submissions${queryString({ status, pageSize: 100 })}`, { signal }),
  };
}

export function createAssignment(api: ApiClient, assignment: NewAssignment): Promise<Assignment> {
  return api.post<Assignment>('/api/assignments', assignment);
}

export function updateAssignment(api: ApiClient, id: string, changes: AssignmentChanges): Promise<Assignment> {
  return api.patch<Assignment>(`/api/assignments/${encodeURIComponent(id)}`, changes);
}

/** The students actively enrolled with the teacher (the caller) in a subject, whom an assignment can be set for. */
export function subjectStudentsQuery(api: ApiClient, subjectId: string) {
  return {
    queryKey: [...assignmentsKey, 'students', subjectId] as const,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<SubjectStudent[]> => {
      const page = await api.get<PagedResult<Schemas['EnrollmentResponse']>>(
        `/api/enrollments${queryString({ subjectId, status: 'active', pageSize: 100 })}`,
        { signal },
      );
      const byId = new Map(page.items.map((e) => [e.student.id, { id: e.student.id, fullName: e.student.fullName }]));
      return [...byId.values()];
    },
    enabled: subjectId !== '',
  };
}

/** The caller's attempts (a student's own; a teacher's at their assignments), newest first. */
export function attemptListQuery(api: ApiClient, status?: AttemptStatus) {
  return {
    queryKey: [...assignmentsKey, 'attempts', status ?? 'all'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Attempt>>(`/api/assignments/attempts${queryString({ status, pageSize: 100 })}`, { signal }),
  };
}

/** Opens an attempt (its clock starts now), or gets the one already open. */
export function startAttempt(api: ApiClient, assignmentId: string): Promise<Attempt> {
  return api.post<Attempt>(`/api/assignments/${encodeURIComponent(assignmentId)}/attempts`);
}

/** The newest attempt per assignment (attempts come newest first, but any order will do). */
export function latestOpened(attempts: readonly Attempt[]): Map<string, Attempt> {
  const latest = new Map<string, Attempt>();
  for (const attempt of attempts) {
    const current = latest.get(attempt.assignmentId);
    if (current === undefined || attempt.number > current.number) {
      latest.set(attempt.assignmentId, attempt);
    }
  }
  return latest;
}

/** Whole seconds left until the deadline (negative once it has passed). */
export function secondsLeft(deadlineAt: string, now: number): number {
  return Math.floor((Date.parse(deadlineAt) - now) / 1000);
}

/** A countdown as a clock shows it: "4:05", "1:02:09"; never below zero. */
export function formatCountdown(seconds: number): string {
  const total = Math.max(0, seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The server refused work because the attempt's time (and grace) had run out. */
export function isOverTimeRefusal(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.problem['code'] === 'overTime';
}

/** A parent's or tutor's request for a timed quiz's questions before its due date (the student sees them first). */
export function isQuestionsHiddenUntilDue(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.problem['code'] === 'questionsHiddenUntilDue';
}

export function changeAssignmentStatus(api: ApiClient, id: string, action: 'publish' | 'close'): Promise<Assignment> {
  return api.post<Assignment>(`/api/assignments/${encodeURIComponent(id)}/${action}`);
}

/** What the API accepts with one attempt. */
export const MAX_SUBMISSION_FILES = 5;
export const MAX_SUBMISSION_BYTES = 50 * 1024 * 1024;

/** Hands in an attempt: JSON for text alone, multipart when files come with it. */
export function submitWork(api: ApiClient, assignmentId: string, text: string, files: readonly File[] = []): Promise<Submission> {
  if (files.length === 0) {
    return api.post<Submission>(`/api/assignments/${encodeURIComponent(assignmentId)}/submissions`, { text });
  }
  const form = new FormData();
  if (text !== '') {
    form.append('text', text);
  }
  for (const file of files) {
    form.append('file', file, file.name);
  }
  return api.post<Submission>(`/api/assignments/${encodeURIComponent(assignmentId)}/submissions/upload`, form);
}

/** Why the chosen files cannot be sent, or null when they can. */
export function attachmentProblem(files: readonly { size: number }[]): 'tooMany' | 'tooLarge' | null {
  if (files.length > MAX_SUBMISSION_FILES) {
    return 'tooMany';
  }
  return files.reduce((total, file) => total + file.size, 0) > MAX_SUBMISSION_BYTES ? 'tooLarge' : null;
}

export function downloadSubmissionFile(api: ApiClient, submissionId: string, fileId: string): Promise<DownloadedFile> {
  return api.download(`/api/assignments/submissions/${encodeURIComponent(submissionId)}/files/${encodeURIComponent(fileId)}`);
}

export function gradeSubmission(api: ApiClient, id: string, score: number, feedback: string | null): Promise<Submission> {
  return api.post<Submission>(`/api/assignments/submissions/${encodeURIComponent(id)}/grade`, { score, feedback });
}

export function returnSubmission(api: ApiClient, id: string, feedback: string): Promise<Submission> {
  return api.post<Submission>(`/api/assignments/submissions/${encodeURIComponent(id)}/return`, { feedback });
}

/** The latest attempt per assignment (submissions come in any order). */
export function latestAttempts(submissions: readonly Submission[]): Map<string, Submission> {
  const latest = new Map<string, Submission>();
  for (const submission of submissions) {
    const current = latest.get(submission.assignmentId);
    if (current === undefined || submission.attempt > current.attempt) {
      latest.set(submission.assignmentId, submission);
    }
  }
  return latest;
}

/** A score typed by a person ("7,5" or "7.5") as a number, or null when it is not one. */
export function parseScore(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) {
    return null;
  }
  return Number(normalized);
}
