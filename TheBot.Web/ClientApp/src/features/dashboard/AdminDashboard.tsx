import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { DashboardSummary } from './dashboardApi';

/**
 * The school's numbers today: active people and enrollments, today's lessons, work awaiting grading. Each count
 * that a page lists links to it (the people to the filtered user list, lessons to the schedule).
 */
export function AdminDashboard({ section }: { section: NonNullable<DashboardSummary['admin']> }) {
  const { t } = useI18n();
  const counts = [
    ['dashboard.activeStudents', section.activeStudents, '/admin/users?role=student&active=true'],
    ['dashboard.activeTeachers', section.activeTeachers, '/admin/users?role=teacher&active=true'],
    ['dashboard.activeEnrollments', section.activeEnrollments, null],
    ['dashboard.lessonsToday', section.lessonsToday, '/schedule'],
    ['dashboard.lessonsCancelledToday', section.lessonsCancelledToday, '/schedule'],
    ['dashboard.awaitingGrading', section.submissionsAwaitingGrading, null],
  ] as const;
  return (
    <section className="panel" aria-labelledby="dash-counts">
      <h2 id="dash-counts">{t('dashboard.counts')}</h2>
      <dl className="stats">
        {counts.map(([label, value, to]) => (
          <div className="stats__item" key={label}>
            <dt>{to !== null ? <Link to={to}>{t(label)}</Link> : t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
