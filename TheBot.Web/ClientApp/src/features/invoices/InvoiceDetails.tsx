import { Fragment } from 'react';
import { formatDate } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import type { Invoice } from './invoicesApi';

export function InvoiceDetails({ invoice }: { invoice: Invoice }) {
  const { t, language, formatDateTime } = useI18n();
  const moments = [
    ['invoice.sentAt', invoice.sentAt],
    ['invoice.viewedAt', invoice.viewedAt],
    ['invoice.paidAt', invoice.paidAt],
    ['invoice.cancelledAt', invoice.cancelledAt],
  ] as const;
  return (
    <dl className="details">
      <dt>{t('invoice.status')}</dt>
      <dd>
        <InvoiceStatusBadge status={invoice.status} />
      </dd>
      <dt>{t('invoice.amount')}</dt>
      <dd className="amount">{formatMoney(invoice.amount, invoice.currency, language)}</dd>
      <dt>{t('invoice.description')}</dt>
      <dd>{invoice.description}</dd>
      <dt>{t('invoice.student')}</dt>
      <dd>{invoice.student.fullName}</dd>
      <dt>{t('invoice.parent')}</dt>
      <dd>{invoice.parent.fullName}</dd>
      <dt>{t('invoice.tutor')}</dt>
      <dd>{invoice.tutor.fullName}</dd>
      <dt>{t('invoice.dueDate')}</dt>
      <dd>{formatDate(invoice.dueDate, language)}</dd>
      <dt>{t('invoice.createdAt')}</dt>
      <dd>{formatDateTime(invoice.createdAt)}</dd>
      {moments.map(([label, at]) =>
        at ? (
          <Fragment key={label}>
            <dt>{t(label)}</dt>
            <dd>{formatDateTime(at)}</dd>
          </Fragment>
        ) : null,
      )}
    </dl>
  );
}
