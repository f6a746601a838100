import { isApiError } from '../../api/ApiError';

/** The lesson in the way, as the 409's `conflictingLesson` member names it. */
export interface ConflictingLesson {
  id: string;
  startsAt: string;
  endsAt: string;
  studentName: string;
  subjectName: string;
  /** The same teacher's lesson: a teacher can open it (a student's other teacher's lesson only admins can). */
  sameTeacher: boolean;
}

/** A 409 from booking or moving a lesson: whose time it clashes with, and which lesson holds it. */
export interface LessonConflict {
  conflictsWith: 'teacher' | 'student' | null;
  conflictingLessonId: string | null;
  lesson: ConflictingLesson | null;
}

export function lessonConflictOf(error: unknown): LessonConflict | null {
  if (!isApiError(error) || error.status !== 409) {
    return null;
  }
  const { conflictsWith, conflictingLessonId, conflictingLesson } = error.problem;
  if (conflictingLessonId === undefined && conflictsWith === undefined) {
    return null;
  }
  return {
    conflictsWith: conflictsWith === 'teacher' || conflictsWith === 'student' ? conflictsWith : null,
    conflictingLessonId: typeof conflictingLessonId === 'string' ? conflictingLessonId : null,
    lesson: conflictingLessonOf(conflictingLesson),
  };
}

function conflictingLessonOf(value: unknown): ConflictingLesson | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const lesson = value as Record<string, unknown>;
  const student = lesson.student as Record<string, unknown> | null | undefined;
  const subject = lesson.subject as Record<string, unknown> | null | undefined;
  if (
    typeof lesson.id !== 'string' ||
    typeof lesson.startsAt !== 'string' ||
    typeof lesson.endsAt !== 'string' ||
    typeof student?.fullName !== 'string' ||
    typeof subject?.name !== 'string'
  ) {
    return null;
  }
  return {
    id: lesson.id,
    startsAt: lesson.startsAt,
    endsAt: lesson.endsAt,
    studentName: student.fullName,
    subjectName: subject.name,
    sameTeacher: lesson.sameTeacher === true,
  };
}
