import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { invoiceHistoryQuery } from './invoicesApi';

/** Every status change of the invoice: when, who (or the system), from → to, and the note. */
export function InvoiceHistory({ invoiceId }: { invoiceId: string }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const query = useQuery(invoiceHistoryQuery(api, invoiceId));
  return (
    <section className="panel" aria-labelledby="invoice-history-title">
      <h2 id="invoice-history-title">{t('invoice.history')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <ol className="timeline">
          {query.data.map((item) => (
            <li key={`${item.at}-${item.to}`} className="timeline__item">
              <time dateTime={item.at}>{formatDateTime(item.at)}</time> <InvoiceStatusBadge status={item.to} />{' '}
              <span className="muted">{item.actor?.fullName ?? t('invoice.system')}</span>
              {item.note ? <span className="muted"> — {item.note}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
