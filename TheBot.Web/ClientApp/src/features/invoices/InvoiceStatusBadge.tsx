import { useI18n } from '../../i18n/I18nContext';
import { statusTone } from './invoiceActions';
import type { InvoiceStatus } from './invoicesApi';

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${statusTone(status)}`} data-status={status}>
      {t(`invoice.status.${status}`)}
    </span>
  );
}
