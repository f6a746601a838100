import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import type { TotalsRow } from './invoiceChart';

/** Outstanding, overdue and paid-this-month amounts per currency, as bars. The same numbers are in the table beside it. */
export function InvoiceTotalsChart({ rows }: { rows: readonly TotalsRow[] }) {
  const { t, language } = useI18n();
  const money = (currency: string) => (value: unknown) => formatMoney(Number(value), currency, language);
  return (
    <figure className="chart" aria-label={t('invoices.chartTitle')}>
      <figcaption className="chart__caption">{t('invoices.chartTitle')}</figcaption>
      <div className="chart__area">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="currency" />
            <YAxis />
            <Tooltip formatter={(value, _name, item) => money(String((item.payload as TotalsRow).currency))(value)} />
            <Legend />
            <Bar dataKey="outstanding" name={t('invoices.outstanding')} fill="#1d4ed8" isAnimationActive={false} />
            <Bar dataKey="overdue" name={t('invoices.overdue')} fill="#b91c1c" isAnimationActive={false} />
            <Bar dataKey="paidThisMonth" name={t('invoices.paidThisMonth')} fill="#166534" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
