import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { Lesson } from '../schedule/lessonsApi';
import { LessonStatusBadge } from '../schedule/LessonStatusBadge';
import type { DashboardSummary, Submission } from './dashboardApi';

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

export function GradeList({ grades, showStudent = false }: { grades: readonly Submission[]; showStudent?: boolean }) {
  const { t, formatDateTime } = useI18n();
  if (grades.length === 0) {
    return <p className="muted">{t('dashboard.noGrades')}</p>;
  }
  return (
    <ul className="item-list">
      {grades.map((grade) => (
        <li key={grade.id} className="item-list__item">
          <strong>{grade.assignmentTitle}</strong> · {grade.subject.name}
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

export function RoleDashboard({ summary }: { summary: DashboardSummary }) {
  const { t, formatDateTime } = useI18n();
  const { student, teacher, tutor, parent, admin } = summary;
  return (
    <div className="dashboard">
      {student ? (
        <>
          <section className="panel" aria-labelledby="dash-next">
            <h2 id="dash-next">{t('dashboard.nextLessons')}</h2>
            <LessonList lessons={student.nextLessons} empty={t('dashboard.noLessons')} />
          </section>
          <section className="panel" aria-labelledby="dash-due">
            <h2 id="dash-due">{t('dashboard.assignmentsDue')}</h2>
            {student.assignmentsDue.length === 0 ? (
              <p className="muted">{t('dashboard.noAssignments')}</p>
            ) : (
              <ul className="item-list">
                {student.assignmentsDue.map((item) => (
                  <li key={item.id} className="item-list__item">
                    <strong>{item.title}</strong> · {item.subject} · {t('dashboard.due')}{' '}
                    <time dateTime={item.dueAt}>{formatDateTime(item.dueAt)}</time>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="dash-grades">
            <h2 id="dash-grades">{t('dashboard.recentGrades')}</h2>
            <GradeList grades={student.recentGrades} />
          </section>
        </>
      ) : null}
      {teacher ? (
        <>
          <section className="panel" aria-labelledby="dash-today">
            <h2 id="dash-today">{t('dashboard.todayLessons')}</h2>
            <LessonList lessons={teacher.todayLessons} empty={t('dashboard.noLessonsToday')} />
          </section>
          <section className="panel" aria-labelledby="dash-grade">
            <h2 id="dash-grade">{t('dashboard.toGrade', { count: teacher.submissionsToGradeCount })}</h2>
            {teacher.submissionsToGrade.length === 0 ? (
              <p className="muted">{t('dashboard.nothingToGrade')}</p>
            ) : (
              <ul className="item-list">
                {teacher.submissionsToGrade.map((item) => (
                  <li key={item.id} className="item-list__item">
                    <strong>{item.assignmentTitle}</strong> · {item.student.fullName} ·{' '}
                    <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
                    {item.isLate ? <span className="badge badge--rejected">{t('dashboard.late')}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      {tutor ? (
        <section className="panel" aria-labelledby="dash-students">
          <h2 id="dash-students">{t('dashboard.students')}</h2>
          {tutor.students.length === 0 ? (
            <p className="muted">{t('dashboard.noStudents')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.student')}</th>
                    <th scope="col">{t('dashboard.nextLesson')}</th>
                    <th scope="col">{t('dashboard.cancelled30')}</th>
                    <th scope="col">{t('dashboard.missed30')}</th>
                    <th scope="col">{t('dashboard.overdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tutor.students.map((row) => (
                    <tr key={row.id}>
                      <td>{row.fullName}</td>
                      <td>{row.nextLessonAt ? <time dateTime={row.nextLessonAt}>{formatDateTime(row.nextLessonAt)}</time> : '—'}</td>
                      <td>{row.cancelledLessons30Days > 0 ? <strong>{row.cancelledLessons30Days}</strong> : 0}</td>
                      <td>{row.missedLessons30Days > 0 ? <strong>{row.missedLessons30Days}</strong> : 0}</td>
                      <td>{row.overdueAssignments > 0 ? <strong>{row.overdueAssignments}</strong> : 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {parent ? (
        parent.children.length === 0 ? (
          <p className="muted">{t('dashboard.noChildren')}</p>
        ) : (
          parent.children.map((child) => (
            <section className="panel" key={child.id} aria-labelledby={`dash-child-${child.id}`}>
              <h2 id={`dash-child-${child.id}`}>{child.fullName}</h2>
              <h3>{t('dashboard.nextLesson')}</h3>
              <LessonList lessons={child.nextLesson ? [child.nextLesson] : []} empty={t('dashboard.noLessons')} />
              <h3>{t('dashboard.recentGrades')}</h3>
              <GradeList grades={child.recentGrades} />
            </section>
          ))
        )
      ) : null}
      {admin ? (
        <section className="panel" aria-labelledby="dash-counts">
          <h2 id="dash-counts">{t('dashboard.counts')}</h2>
          <dl className="stats">
            {(
              [
                ['dashboard.activeStudents', admin.activeStudents],
                ['dashboard.activeTeachers', admin.activeTeachers],
                ['dashboard.activeEnrollments', admin.activeEnrollments],
                ['dashboard.lessonsToday', admin.lessonsToday],
                ['dashboard.lessonsCancelledToday', admin.lessonsCancelledToday],
                ['dashboard.awaitingGrading', admin.submissionsAwaitingGrading],
              ] as const
            ).map(([label, value]) => (
              <div className="stats__item" key={label}>
                <dt>{t(label)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
