import type { ApiClient } from '../../api/ApiClient';
import type { Lesson, SubjectRef, PersonRef } from '../schedule/lessonsApi';

export interface Submission {
  id: string;
  assignmentId: string;
  assignmentTitle: string;
  subject: SubjectRef;
  student: PersonRef;
  attempt: number;
  text: string;
  submittedAt: string;
  isLate: boolean;
  penaltyPercent: number;
  status: 'submitted' | 'graded' | 'returned';
  score: number | null;
  finalScore: number | null;
  maxScore: number;
  feedback: string | null;
  gradedAt: string | null;
  files: SubmissionFile[];
}

/** A file handed in with a submission. */
export interface SubmissionFile {
  id: string;
  name: string;
  contentType: string;
  length: number;
}

export interface DueAssignment {
  id: string;
  title: string;
  subject: string;
  kind: string;
  dueAt: string;
  maxScore: number;
}

/** GET /api/dashboard: only the caller's role section is filled. */
export interface DashboardSummary {
  role: string;
  student?: { nextLessons: Lesson[]; assignmentsDue: DueAssignment[]; recentGrades: Submission[] } | null;
  teacher?: { todayLessons: Lesson[]; submissionsToGradeCount: number; submissionsToGrade: Submission[] } | null;
  tutor?: {
    students: {
      id: string;
      fullName: string;
      cancelledLessons30Days: number;
      missedLessons30Days: number;
      overdueAssignments: number;
      nextLessonAt: string | null;
    }[];
  } | null;
  parent?: { children: { id: string; fullName: string; nextLesson: Lesson | null; recentGrades: Submission[] }[] } | null;
  admin?: {
    activeStudents: number;
    activeTeachers: number;
    activeEnrollments: number;
    lessonsToday: number;
    lessonsCancelledToday: number;
    submissionsAwaitingGrading: number;
  } | null;
}

export const dashboardKey = ['dashboard'] as const;

export function dashboardQuery(api: ApiClient) {
  return {
    queryKey: dashboardKey,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<DashboardSummary>('/api/dashboard', { signal }),
  };
}
