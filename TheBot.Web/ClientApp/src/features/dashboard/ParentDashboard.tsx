import { useI18n } from '../../i18n/I18nContext';
import type { DashboardSummary } from './dashboardApi';
import { GradeList, LessonList } from './DashboardLists';

/** A parent's children, each with their next lesson and recent grades. */
export function ParentDashboard({ section }: { section: NonNullable<DashboardSummary['parent']> }) {
  const { t } = useI18n();
  if (section.children.length === 0) {
    return <p className="muted">{t('dashboard.noChildren')}</p>;
  }
  return (
    <>
      {section.children.map((child) => (
        <section className="panel" key={child.id} aria-labelledby={`dash-child-${child.id}`}>
          <h2 id={`dash-child-${child.id}`}>{child.fullName}</h2>
          <h3>{t('dashboard.nextLesson')}</h3>
          <LessonList lessons={child.nextLesson ? [child.nextLesson] : []} empty={t('dashboard.noLessons')} />
          <h3>{t('dashboard.recentGrades')}</h3>
          <GradeList grades={child.recentGrades} />
        </section>
      ))}
    </>
  );
}
