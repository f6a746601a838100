import { Link } from 'react-router';
import type { Role } from '../../auth/types';
import { formatDate } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import type { Invoice } from './invoicesApi';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** The invoice list: tutors see whom they billed, parents who billed them. */
export function InvoiceTable({ invoices, role }: { invoices: readonly Invoice[]; role: Role }) {
  const { t, language } = useI18n();
  const counterpart = role === 'parent' ? 'tutor' : 'parent';
  return (
    <ScrollRegion label={t('invoices.title')}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('invoice.number')}</th>
            <th scope="col">{t('invoice.student')}</th>
            <th scope="col">{t(`invoice.${counterpart}`)}</th>
            <th scope="col" className="table__number">
              {t('invoice.amount')}
            </th>
            <th scope="col">{t('invoice.dueDate')}</th>
            <th scope="col">{t('invoice.status')}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id} data-invoice={invoice.displayNumber}>
              <td>
                <Link to={`/invoices/${invoice.id}`}>{invoice.displayNumber}</Link>
              </td>
              <td>{invoice.student.fullName}</td>
              <td>{invoice[counterpart].fullName}</td>
              <td className="table__number">{formatMoney(invoice.amount, invoice.currency, language)}</td>
              <td>{formatDate(invoice.dueDate, language)}</td>
              <td>
                <InvoiceStatusBadge status={invoice.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
