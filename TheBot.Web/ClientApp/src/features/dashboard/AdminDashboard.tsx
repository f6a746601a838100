import { Link } from 'react-router';
import { CalendarDays, CalendarX, ClipboardCheck, GraduationCap, Link2, Users, type LucideIcon } from 'lucide-react';
import { useI18n } from '../../i18n/I18nContext';
import type { DashboardSummary } from './dashboardApi';

/**
 * The school's numbers today: active people and enrollments, today's lessons, work awaiting grading. Each count
 * links to the page that lists it (the people to the filtered user list, enrollments to the active ones, lessons to the
 * schedule, work to the grading queue).
 */
export function AdminDashboard({ section }: { section: NonNullable<DashboardSummary['admin']> }) {
  const { t } = useI18n();
  const counts: readonly (readonly [Parameters<typeof t>[0], number, string | null, LucideIcon])[] = [
    ['dashboard.activeStudents', section.activeStudents, '/admin/users?role=student&active=true', Users],
    ['dashboard.activeTeachers', section.activeTeachers, '/admin/users?role=teacher&active=true', GraduationCap],
    ['dashboard.activeEnrollments', section.activeEnrollments, '/admin/enrollments?status=active', Link2],
    ['dashboard.lessonsToday', section.lessonsToday, '/schedule', CalendarDays],
    ['dashboard.lessonsCancelledToday', section.lessonsCancelledToday, '/schedule', CalendarX],
    ['dashboard.awaitingGrading', section.submissionsAwaitingGrading, '/admin/grading', ClipboardCheck],
  ];
  return (
    <section className="panel" aria-labelledby="dash-counts">
      <h2 id="dash-counts">{t('dashboard.counts')}</h2>
      <dl className="stats">
        {counts.map(([label, value, to, Icon]) => (
          <div className="stats__item" key={label}>
            <dt>
              <Icon className="icon stats__icon" size={20} aria-hidden="true" focusable="false" />
              {to !== null ? <Link to={to}>{t(label)}</Link> : t(label)}
            </dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
