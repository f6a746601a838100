import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { DashboardSummary } from './dashboardApi';
import { ScrollRegion } from '../../ui/ScrollRegion';

/**
 * A tutor's students: the next lesson and what went wrong in the last 30 days, at a glance. The table's scrolling
 * region has a name of its own: the section is already a region named "My students", and landmarks must differ.
 */
export function TutorDashboard({ section }: { section: NonNullable<DashboardSummary['tutor']> }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section className="panel" aria-labelledby="dash-students">
      <h2 id="dash-students">{t('dashboard.students')}</h2>
      {section.students.length === 0 ? (
        <p className="muted">{t('dashboard.noStudents')}</p>
      ) : (
        <ScrollRegion label={t('dashboard.studentsTable')}>
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
              {section.students.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to="/students">{row.fullName}</Link>
                  </td>
                  <td>
                    {row.nextLessonAt ? (
                      <Link to="/schedule">
                        <time dateTime={row.nextLessonAt}>{formatDateTime(row.nextLessonAt)}</time>
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{row.cancelledLessons30Days > 0 ? <strong>{row.cancelledLessons30Days}</strong> : 0}</td>
                  <td>{row.missedLessons30Days > 0 ? <strong>{row.missedLessons30Days}</strong> : 0}</td>
                  <td>{row.overdueAssignments > 0 ? <strong>{row.overdueAssignments}</strong> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
