import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { sandboxDecisionPath, sandboxPaymentQuery, type SandboxPayment } from './sandboxPaymentApi';

/**
 * The sandbox provider's confirmation page (development and demos): what is paid for and how much, and the payer's
 * choice. The choice is an ordinary form post, as a real provider's page would make; the API sends the payer back.
 */
export function SandboxPaymentPage() {
  const { t } = useI18n();
  const api = useApi();
  const { paymentId = '' } = useParams();
  const query = useQuery(sandboxPaymentQuery(api, paymentId));

  return (
    <section className="card card--narrow sandbox-payment">
      <PageHeading title={t('sandboxPayment.title')}>{t('sandboxPayment.title')}</PageHeading>
      <p className="alert alert--warning">{t('sandboxPayment.noMoney')}</p>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? (
        isApiError(query.error) && query.error.status === 404 ? (
          <p className="alert alert--error" role="alert">
            {t('sandboxPayment.notFound')}
          </p>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : null}
      {query.isSuccess ? <SandboxPaymentDetails payment={query.data} /> : null}
    </section>
  );
}

function SandboxPaymentDetails({ payment }: { payment: SandboxPayment }) {
  const { t, language } = useI18n();
  const amount = formatMoney(Number(payment.amount), payment.currency, language);
  return (
    <>
      <dl className="details">
        <dt>{t('sandboxPayment.for')}</dt>
        <dd>{payment.description}</dd>
        <dt>{t('sandboxPayment.amount')}</dt>
        <dd className="money">{amount}</dd>
      </dl>
      {payment.status === 'pending' ? (
        <form method="post" action={sandboxDecisionPath(payment.id)} className="actions">
          <button className="button" type="submit" name="outcome" value="succeed">
            {t('sandboxPayment.pay', { amount })}
          </button>
          <button className="button button--secondary" type="submit" name="outcome" value="fail">
            {t('sandboxPayment.decline')}
          </button>
        </form>
      ) : (
        <p className={`alert ${payment.status === 'succeeded' ? 'alert--success' : 'alert--warning'}`} data-status={payment.status}>
          {payment.status === 'succeeded' ? t('sandboxPayment.alreadyPaid') : t('sandboxPayment.alreadyDeclined')}
        </p>
      )}
    </>
  );
}
