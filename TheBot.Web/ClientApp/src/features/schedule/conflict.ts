import { isApiError } from '../../api/ApiError';

/** A 409 from booking or moving a lesson: whose time it clashes with, and which lesson holds it. */
export interface LessonConflict {
  conflictsWith: 'teacher' | 'student' | null;
  conflictingLessonId: string | null;
}

export function lessonConflictOf(error: unknown): LessonConflict | null {
  if (!isApiError(error) || error.status !== 409) {
    return null;
  }
  const { conflictsWith, conflictingLessonId } = error.problem;
  if (conflictingLessonId === undefined && conflictsWith === undefined) {
    return null;
  }
  return {
    conflictsWith: conflictsWith === 'teacher' || conflictsWith === 'student' ? conflictsWith : null,
    conflictingLessonId: typeof conflictingLessonId === 'string' ? conflictingLessonId : null,
  };
}
