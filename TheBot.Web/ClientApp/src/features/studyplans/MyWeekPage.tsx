import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { Pager } from '../../ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { currentWeekQuery, studyPlansQuery } from './studyPlansApi';
import { StudyPlanView } from './StudyPlanView';

/** A student's plans: this week's first (items ticked as they go), then the other weeks, newest first. */
export function MyWeekPage() {
  const { t } = useI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const week = useQuery(currentWeekQuery(api));
  const current = useQuery({ ...studyPlansQuery(api, { weekStart: week.data?.weekStart }), enabled: week.data !== undefined });
  const all = useQuery(studyPlansQuery(api, { page }));
  const others = all.data?.items.filter((plan) => plan.weekStart !== week.data?.weekStart) ?? [];

  return (
    <section className="page">
      <PageHeading title={t('studyPlans.myWeek')}>{t('studyPlans.myWeek')}</PageHeading>
      <section aria-labelledby="my-week-current" className="study-plans">
        <h2 id="my-week-current">{t('studyPlans.currentWeek')}</h2>
        {week.isError ? (
          <ErrorState error={week.error} onRetry={() => void week.refetch()} />
        ) : current.isPending ? (
          <LoadingState />
        ) : current.isError ? (
          <ErrorState error={current.error} onRetry={() => void current.refetch()} />
        ) : current.data.items.length === 0 ? (
          <EmptyState message={t('studyPlans.nothingThisWeek')} />
        ) : (
          current.data.items.map((plan) => <StudyPlanView key={plan.id} plan={plan} canTick />)
        )}
      </section>
      <section aria-labelledby="my-week-others" className="study-plans">
        <h2 id="my-week-others">{t('studyPlans.otherWeeks')}</h2>
        {all.isPending ? (
          <LoadingState />
        ) : all.isError ? (
          <ErrorState error={all.error} onRetry={() => void all.refetch()} />
        ) : others.length === 0 ? (
          <EmptyState message={t('studyPlans.noPlans')} />
        ) : (
          others.map((plan) => <StudyPlanView key={plan.id} plan={plan} canTick />)
        )}
        {all.data && all.data.totalPages > 1 ? <Pager page={page} totalPages={all.data.totalPages} onPage={setPage} /> : null}
      </section>
    </section>
  );
}
