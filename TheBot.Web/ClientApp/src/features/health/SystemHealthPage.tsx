import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { healthStatusText, healthTone, paymentsText, systemHealthQuery } from './healthApi';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** The platform's health as admins get it: overall status, version, payments, each dependency's status and latency; refreshed every 15 s. */
export function SystemHealthPage() {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery(systemHealthQuery(api));

  return (
    <section className="page">
      <PageHeading title={t('health.title')}>{t('health.title')}</PageHeading>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <div className="panel">
          <dl className="details">
            <dt>{t('health.status')}</dt>
            <dd>
              <span className={`badge badge--${healthTone(query.data.status)}`} data-status={query.data.status}>
                {healthStatusText(query.data.status, t)}
              </span>
            </dd>
            <dt>{t('health.version')}</dt>
            <dd>
              <code>{query.data.version ?? ''}</code>
            </dd>
            <dt>{t('health.checkedIn')}</dt>
            <dd>{query.data.totalDurationMs == null ? '' : t('health.ms', { ms: query.data.totalDurationMs })}</dd>
            {query.data.payments ? (
              <>
                <dt>{t('health.payments')}</dt>
                <dd data-payments={query.data.payments.mode}>{paymentsText(query.data.payments, t)}</dd>
              </>
            ) : null}
          </dl>
          <ScrollRegion label={t('health.dependencies')}>
            <table className="table">
              <caption className="visually-hidden">{t('health.dependencies')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('health.dependency')}</th>
                  <th scope="col">{t('health.status')}</th>
                  <th scope="col" className="table__number">{t('health.latency')}</th>
                  <th scope="col">{t('health.error')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.dependencies.map((dependency) => (
                  <tr key={dependency.name} data-dependency={dependency.name}>
                    <th scope="row">{dependency.name}</th>
                    <td>
                      <span className={`badge badge--${healthTone(dependency.status)}`} data-status={dependency.status}>
                        {healthStatusText(dependency.status, t)}
                      </span>
                    </td>
                    <td className="table__number">{dependency.latencyMs == null ? '' : t('health.ms', { ms: dependency.latencyMs })}</td>
                    <td>{dependency.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ) : null}
    </section>
  );
}
