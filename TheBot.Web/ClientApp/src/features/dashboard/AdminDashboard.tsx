import { useI18n } from '../../i18n/I18nContext';
import type { DashboardSummary } from './dashboardApi';

/** The school's numbers today: active people and enrollments, today's lessons, work awaiting grading. */
export function AdminDashboard({ section }: { section: NonNullable<DashboardSummary['admin']> }) {
  const { t } = useI18n();
  const counts = [
    ['dashboard.activeStudents', section.activeStudents],
    ['dashboard.activeTeachers', section.activeTeachers],
    ['dashboard.activeEnrollments', section.activeEnrollments],
    ['dashboard.lessonsToday', section.lessonsToday],
    ['dashboard.lessonsCancelledToday', section.lessonsCancelledToday],
    ['dashboard.awaitingGrading', section.submissionsAwaitingGrading],
  ] as const;
  return (
    <section className="panel" aria-labelledby="dash-counts">
      <h2 id="dash-counts">{t('dashboard.counts')}</h2>
      <dl className="stats">
        {counts.map(([label, value]) => (
          <div className="stats__item" key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
