import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import type { Role } from '../../auth/types';
import { useI18n } from '../../i18n/I18nContext';
import { showsSandboxBanner, systemHealthQuery } from './healthApi';

/** For admins, on every page: payments run in the sandbox outside Development (no money moves). */
export function PaymentSandboxBanner({ role }: { role: Role }) {
  const { t } = useI18n();
  const api = useApi();
  const health = useQuery({ ...systemHealthQuery(api), enabled: role === 'admin', refetchInterval: false, staleTime: 60_000 });

  if (!showsSandboxBanner(role, health.data)) {
    return null;
  }
  return (
    <p className="alert alert--warning banner" role="status" data-banner="payments-sandbox">
      {t('health.sandboxBanner')}
    </p>
  );
}
