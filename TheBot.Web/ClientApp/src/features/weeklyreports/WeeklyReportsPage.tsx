import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { ParentReports } from './ParentReports';
import { TeacherReports } from './TeacherReports';
import { TutorReports } from './TutorReports';
import { reportWeekQuery } from './weeklyReportsApi';

/**
 * The weekly report chain: teachers write to the student's tutor; tutors read those, see who has not reported and
 * write to the parents; parents read the history per child with its trend.
 */
export function WeeklyReportsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const api = useApi();
  const week = useQuery(reportWeekQuery(api));
  return (
    <section className="page">
      <PageHeading title={t('weeklyReports.title')}>{t('weeklyReports.title')}</PageHeading>
      {user?.role === 'parent' ? (
        <ParentReports />
      ) : week.isPending ? (
        <LoadingState />
      ) : week.isError ? (
        <ErrorState error={week.error} onRetry={() => void week.refetch()} />
      ) : user?.role === 'teacher' ? (
        <TeacherReports currentWeek={week.data.weekStart} />
      ) : (
        <TutorReports currentWeek={week.data.weekStart} />
      )}
    </section>
  );
}
