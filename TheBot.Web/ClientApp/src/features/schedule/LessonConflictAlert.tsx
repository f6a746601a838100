import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { LessonConflict } from './conflict';

export function LessonConflictAlert({ conflict }: { conflict: LessonConflict }) {
  const { t } = useI18n();
  const message =
    conflict.conflictsWith === 'student'
      ? t('lesson.conflictStudent')
      : conflict.conflictsWith === 'teacher'
        ? t('lesson.conflictTeacher')
        : t('lesson.conflict');
  return (
    <div className="alert alert--error" role="alert" data-conflict={conflict.conflictsWith ?? ''}>
      <p>{message}</p>
      {conflict.conflictingLessonId !== null ? (
        <p>
          <Link to={`/schedule/${conflict.conflictingLessonId}`}>{t('lesson.openConflicting')}</Link>
        </p>
      ) : null}
    </div>
  );
}
