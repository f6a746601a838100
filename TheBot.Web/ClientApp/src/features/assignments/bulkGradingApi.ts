import type { ApiClient } from '../../api/ApiClient';
import type { Submission } from './assignmentsApi';

/** Grades every chosen submission with one score and comment, all or none (a 422 names the rows that failed). */
export function gradeSubmissions(api: ApiClient, ids: readonly string[], score: number, feedback: string | null): Promise<Submission[]> {
  return api.post<Submission[]>('/api/assignments/submissions/grade', { items: ids.map((submissionId) => ({ submissionId })), score, feedback });
}

/** The highest score every chosen submission can take: the lowest of their maximums (null when none is chosen). */
export function commonMaxScore(submissions: readonly Pick<Submission, 'maxScore'>[]): number | null {
  return submissions.length === 0 ? null : Math.min(...submissions.map((submission) => submission.maxScore));
}
