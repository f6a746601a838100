import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { Lesson } from '../schedule/lessonsApi';
import { LessonStatusBadge } from '../schedule/LessonStatusBadge';
import type { Submission } from '../assignments/assignmentsApi';

/** Lessons as links to their page, with who and the status; `empty` when there are none. */
export function LessonList({ lessons, empty }: { lessons: readonly Lesson[]; empty: string }) {
  const { t, formatDateTime } = useI18n();
  if (lessons.length === 0) {
    return <p className="muted">{empty}</p>;
  }
  return (
    <ul className="item-list">
      {lessons.map((lesson) => (
        <li key={lesson.id} className="item-list__item" data-lesson={lesson.id}>
          <Link to={`/schedule/${lesson.id}`}>
            <time dateTime={lesson.startsAt}>{formatDateTime(lesson.startsAt)}</time> · {lesson.subject.name}
          </Link>{' '}
          <span className="muted">
            {t('lesson.withPerson', { teacher: lesson.teacher.fullName, student: lesson.student.fullName })}
          </span>{' '}
          <LessonStatusBadge status={lesson.status} />
        </li>
      ))}
    </ul>
  );
}

/** Graded work with its score and feedback (and the student's name where several students' grades mix). */
export function GradeList({ grades, showStudent = false }: { grades: readonly Submission[]; showStudent?: boolean }) {
  const { t, formatDateTime } = useI18n();
  if (grades.length === 0) {
    return <p className="muted">{t('dashboard.noGrades')}</p>;
  }
  return (
    <ul className="item-list">
      {grades.map((grade) => (
        <li key={grade.id} className="item-list__item">
          <Link to="/progress">
            <strong>{grade.assignmentTitle}</strong>
          </Link>{' '}
          · {grade.subject.name}
          {showStudent ? ` · ${grade.student.fullName}` : ''} ·{' '}
          {t('dashboard.score', { score: String(grade.finalScore ?? grade.score ?? '—'), max: String(grade.maxScore) })}
          {grade.gradedAt !== null ? (
            <>
              {' '}
              <time className="muted" dateTime={grade.gradedAt}>
                {formatDateTime(grade.gradedAt)}
              </time>
            </>
          ) : null}
          {grade.feedback ? <p className="muted">{grade.feedback}</p> : null}
        </li>
      ))}
    </ul>
  );
}
