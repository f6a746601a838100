import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { ExportInvoicesButton } from './ExportInvoicesButton';
import { totalsRows } from './invoiceChart';
import { invoiceStatisticsQuery } from './invoicesApi';
import { InvoiceTotalsChart } from './InvoiceTotalsChart';
import { ScrollRegion } from '../../ui/ScrollRegion';

/**
 * The tutor's (or admin's) numbers: how many invoices (counts, labelled as counts), then money per currency (amounts,
 * labelled as amounts) — never a count beside money under one label — the chart and the Excel export.
 */
export function InvoiceOverview() {
  const { t, language } = useI18n();
  const api = useApi();
  const query = useQuery(invoiceStatisticsQuery(api));

  if (query.isPending) {
    return <LoadingState />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const stats = query.data;
  const rows = totalsRows(stats);
  return (
    <section className="panel" aria-labelledby="invoice-overview-title">
      <h2 id="invoice-overview-title">{t('invoices.overview')}</h2>
      <h3 id="invoice-counts-title">{t('invoices.countsTitle')}</h3>
      <dl className="summary summary--row" aria-labelledby="invoice-counts-title" data-testid="invoice-counts">
        <div className="summary__item">
          <dt>{t('invoices.drafts')}</dt>
          <dd>{stats.drafts}</dd>
        </div>
        <div className="summary__item">
          <dt>{t('invoices.outstandingCount')}</dt>
          <dd data-testid="outstanding-count">{stats.outstanding}</dd>
        </div>
        <div className="summary__item">
          <dt>{t('invoices.overdueCount')}</dt>
          <dd>{stats.overdue}</dd>
        </div>
        <div className="summary__item">
          <dt>{t('invoices.paidThisMonthCount')}</dt>
          <dd>{stats.paidThisMonth}</dd>
        </div>
      </dl>
      {stats.totals.length > 0 ? (
        <ScrollRegion labelledBy="invoice-amounts-title">
          <h3 id="invoice-amounts-title">{t('invoices.amountsTitle')}</h3>
          <table className="table" aria-labelledby="invoice-amounts-title" data-testid="invoice-amounts">
            <caption className="visually-hidden">{t('invoices.totalsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoice.currency')}</th>
                <th scope="col" className="table__number">{t('invoices.outstanding')}</th>
                <th scope="col" className="table__number">{t('invoices.overdue')}</th>
                <th scope="col" className="table__number">{t('invoices.paidThisMonth')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.totals.map((row) => (
                <tr key={row.currency}>
                  <th scope="row">{row.currency}</th>
                  <td className="table__number">{formatMoney(row.outstanding, row.currency, language)}</td>
                  <td className="table__number">{formatMoney(row.overdue, row.currency, language)}</td>
                  <td className="table__number">{formatMoney(row.paidThisMonth, row.currency, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {rows.length > 0 ? <InvoiceTotalsChart rows={rows} /> : null}
      <ExportInvoicesButton />
    </section>
  );
}
