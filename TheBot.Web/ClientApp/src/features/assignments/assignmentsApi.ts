import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Submission } from '../dashboard/dashboardApi';
import type { PersonRef, SubjectRef } from '../schedule/lessonsApi';

export const ASSIGNMENT_KINDS = ['homework', 'test', 'project', 'essay'] as const;

export interface Assignment {
  id: string;
  subject: SubjectRef;
  teacher: PersonRef;
  title: string;
  description: string | null;
  kind: (typeof ASSIGNMENT_KINDS)[number];
  status: 'draft' | 'published' | 'closed';
  dueAt: string;
  maxScore: number;
  latePenaltyPercent: number;
  maxAttempts: number;
  rubric: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface NewAssignment {
  subjectId: string;
  title: string;
  description: string | null;
  kind: string;
  dueAt: string;
  maxScore: number;
  latePenaltyPercent: number;
  maxAttempts: number;
  publish: boolean;
}

export const assignmentsKey = ['assignments'] as const;

export function assignmentListQuery(api: ApiClient) {
  return {
    queryKey: [...assignmentsKey, 'list'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Assignment>>(`/api/assignments${queryString({ pageSize: 100 })}`, { signal }),
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

export function changeAssignmentStatus(api: ApiClient, id: string, action: 'publish' | 'close'): Promise<Assignment> {
  return api.post<Assignment>(`/api/assignments/${encodeURIComponent(id)}/${action}`);
}

export function submitWork(api: ApiClient, assignmentId: string, text: string): Promise<Submission> {
  return api.post<Submission>(`/api/assignments/${encodeURIComponent(assignmentId)}/submissions`, { text });
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
