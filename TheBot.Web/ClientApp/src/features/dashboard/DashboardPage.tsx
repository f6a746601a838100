import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { dashboardQuery } from './dashboardApi';
import { SummaryView } from './SummaryView';

export function DashboardPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const query = useQuery(dashboardQuery(api));

  return (
    <section className="page">
      <PageHeading title={t('dashboard.title')}>{t('dashboard.title')}</PageHeading>
      {user ? (
        <p className="lead">
          {t('dashboard.greeting', { name: user.fullName })} <span className="badge">{t(`role.${user.role}`)}</span>
        </p>
      ) : null}
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data === undefined || query.data === null ? (
          <EmptyState message={t('dashboard.empty')} />
        ) : (
          <div className="panel">
            <SummaryView value={query.data} />
          </div>
        )
      ) : null}
    </section>
  );
}
