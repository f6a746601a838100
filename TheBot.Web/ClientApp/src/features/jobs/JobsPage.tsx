import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { JobCard } from './JobCard';
import { anyRunning, jobsQuery } from './jobsApi';

/** The scheduled jobs; while a run is going the page checks every few seconds until it ends. */
export function JobsPage() {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery({ ...jobsQuery(api), refetchInterval: (q) => (q.state.data && anyRunning(q.state.data) ? 3000 : 60_000) });

  return (
    <section className="page">
      <PageHeading title={t('jobs.title')}>{t('jobs.title')}</PageHeading>
      <p className="lead">{t('jobs.intro')}</p>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.length === 0 ? (
          <EmptyState />
        ) : (
          <ul className="card-list">
            {query.data.map((job) => (
              <JobCard key={job.name} job={job} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
