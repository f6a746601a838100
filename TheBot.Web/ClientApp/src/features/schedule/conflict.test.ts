import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import { lessonConflictOf } from './conflict';

describe('lessonConflictOf', () => {
  it('reads the lesson in the way from the 409', () => {
    const error = new ApiError(409, {
      status: 409,
      conflictsWith: 'teacher',
      conflictingLessonId: 'l1',
      conflictingLesson: {
        id: 'l1',
        startsAt: '2026-01-05T10:00:00+00:00',
        endsAt: '2026-01-05T11:00:00+00:00',
        student: { id: 's1', fullName: 'Anna Petrova' },
        subject: { id: 'm1', name: 'Maths' },
        sameTeacher: true,
      },
    });
    expect(lessonConflictOf(error)).toEqual({
      conflictsWith: 'teacher',
      conflictingLessonId: 'l1',
      lesson: {
        id: 'l1',
        startsAt: '2026-01-05T10:00:00+00:00',
        endsAt: '2026-01-05T11:00:00+00:00',
        studentName: 'Anna Petrova',
        subjectName: 'Maths',
        sameTeacher: true,
      },
    });
  });

  it('keeps the clash when the lesson is not described, and ignores other errors', () => {
    expect(lessonConflictOf(new ApiError(409, { status: 409, conflictsWith: 'student', conflictingLessonId: null }))).toEqual({
      conflictsWith: 'student',
      conflictingLessonId: null,
      lesson: null,
    });
    expect(lessonConflictOf(new ApiError(409, { status: 409, detail: 'Wrong state' }))).toBeNull();
    expect(lessonConflictOf(new ApiError(400, { status: 400 }))).toBeNull();
  });
});
