import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { DashboardSummary } from './dashboardApi';
import { GradeList, LessonList } from './DashboardLists';

/** A student's next lessons, work due and recent grades. */
export function StudentDashboard({ section }: { section: NonNullable<DashboardSummary['student']> }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <section className="panel" aria-labelledby="dash-next">
        <h2 id="dash-next">{t('dashboard.nextLessons')}</h2>
        <LessonList lessons={section.nextLessons} empty={t('dashboard.noLessons')} />
      </section>
      <section className="panel" aria-labelledby="dash-due">
        <h2 id="dash-due">{t('dashboard.assignmentsDue')}</h2>
        {section.assignmentsDue.length === 0 ? (
          <p className="muted">{t('dashboard.noAssignments')}</p>
        ) : (
          <ul className="item-list">
            {section.assignmentsDue.map((item) => (
              <li key={item.id} className="item-list__item">
                <Link to="/assignments">
                  <strong>{item.title}</strong>
                </Link>{' '}
                · {item.subject} · {t('dashboard.due')}{' '}
                <time dateTime={item.dueAt}>{formatDateTime(item.dueAt)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="dash-grades">
        <h2 id="dash-grades">{t('dashboard.recentGrades')}</h2>
        <GradeList grades={section.recentGrades} />
      </section>
    </>
  );
}
