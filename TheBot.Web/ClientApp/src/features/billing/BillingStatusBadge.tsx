import { useI18n } from '../../i18n/I18nContext';
import { statusTone, type BillingStatus } from './billingApi';

export function BillingStatusBadge({ status }: { status: BillingStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${statusTone(status)}`} data-status={status}>
      {t(`billing.status.${status}`)}
    </span>
  );
}
