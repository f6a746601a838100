import { Link } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import type { LessonConflict } from './conflict';

/** The clash, naming the lesson in the way (when, with whom, what) in the reader's language, with a link to it. */
export function LessonConflictAlert({ conflict }: { conflict: LessonConflict }) {
  const { t, formatDateTime } = useI18n();
  const { user } = useAuth();
  const message =
    conflict.conflictsWith === 'student'
      ? t('lesson.conflictStudent')
      : conflict.conflictsWith === 'teacher'
        ? t('lesson.conflictTeacher')
        : t('lesson.conflict');
  const lesson = conflict.lesson;
  const canOpen = lesson === null ? conflict.conflictingLessonId !== null : lesson.sameTeacher || user?.role === 'admin';
  const id = lesson?.id ?? conflict.conflictingLessonId;
  return (
    <div className="alert alert--error" role="alert" data-conflict={conflict.conflictsWith ?? ''}>
      <p>{message}</p>
      {lesson !== null ? (
        <p data-testid="conflicting-lesson">
          {t('lesson.conflictingLesson', {
            start: formatDateTime(lesson.startsAt),
            end: formatDateTime(lesson.endsAt),
            student: lesson.studentName,
            subject: lesson.subjectName,
          })}
        </p>
      ) : null}
      {canOpen && id !== null ? (
        <p>
          <Link to={`/schedule/${id}`}>{t('lesson.openConflicting')}</Link>
        </p>
      ) : null}
    </div>
  );
}
