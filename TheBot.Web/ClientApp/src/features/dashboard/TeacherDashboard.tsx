import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { DashboardSummary } from './dashboardApi';
import { LessonList } from './DashboardLists';

/** A teacher's lessons today and the submissions waiting for a grade. */
export function TeacherDashboard({ section }: { section: NonNullable<DashboardSummary['teacher']> }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <section className="panel" aria-labelledby="dash-today">
        <h2 id="dash-today">{t('dashboard.todayLessons')}</h2>
        <LessonList lessons={section.todayLessons} empty={t('dashboard.noLessonsToday')} />
      </section>
      <section className="panel" aria-labelledby="dash-grade">
        <h2 id="dash-grade">{t('dashboard.toGrade', { count: section.submissionsToGradeCount })}</h2>
        {section.submissionsToGrade.length === 0 ? (
          <p className="muted">{t('dashboard.nothingToGrade')}</p>
        ) : (
          <ul className="item-list">
            {section.submissionsToGrade.map((item) => (
              <li key={item.id} className="item-list__item">
                <Link to="/assignments">
                  <strong>{item.assignmentTitle}</strong>
                </Link>{' '}
                · {item.student.fullName} ·{' '}
                <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
                {item.isLate ? <span className="badge badge--rejected">{t('dashboard.late')}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
