import { useMutation, useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { saveFile } from '../../ui/saveFile';
import { exportRevenue, revenueQuery } from './billingApi';

/** Revenue (paid less refunds) and outstanding per tutor and month, the last twelve months; exported to Excel. */
export function RevenueSection() {
  const { t, language } = useI18n();
  const api = useApi();
  const query = useQuery(revenueQuery(api));
  const download = useMutation({
    mutationFn: () => exportRevenue(api),
    onSuccess: (file) => saveFile(file.blob, file.fileName ?? 'revenue.xlsx'),
  });

  return (
    <section className="card" aria-labelledby="billing-revenue">
      <h2 id="billing-revenue">{t('billing.revenue.title')}</h2>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={download.isPending} onClick={() => download.mutate()}>
          <Download aria-hidden size={16} /> {download.isPending ? t('invoices.exporting') : t('invoices.export')}
        </button>
      </div>
      <FormAlert message={download.isError ? describeError(download.error, t) : null} />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState message={t('billing.revenue.empty')} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('billing.revenue.tutor')}</th>
              <th scope="col">{t('billing.revenue.month')}</th>
              <th scope="col">{t('billing.revenue.paid')}</th>
              <th scope="col">{t('billing.revenue.refunded')}</th>
              <th scope="col">{t('billing.revenue.revenue')}</th>
              <th scope="col">{t('billing.revenue.outstanding')}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((row) => (
              <tr key={`${row.tutor.id}-${row.month}-${row.currency}`}>
                <td>{row.tutor.fullName}</td>
                <td>{row.month}</td>
                <td>{formatMoney(row.paid, row.currency, language)}</td>
                <td>{formatMoney(row.refunded, row.currency, language)}</td>
                <td>{formatMoney(row.revenue, row.currency, language)}</td>
                <td>{formatMoney(row.outstanding, row.currency, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
