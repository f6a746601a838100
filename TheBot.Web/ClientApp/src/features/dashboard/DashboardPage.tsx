import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { dashboardQuery } from './dashboardApi';
import { RoleDashboard } from './RoleDashboard';

export function DashboardPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  // Live: the events that change it refresh dashboardKey (app/liveUpdates.ts).
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
      {query.isSuccess ? <RoleDashboard summary={query.data} /> : null}
    </section>
  );
}
