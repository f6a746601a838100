import type { ApiClient } from '../../api/ApiClient';
import { isApiError } from '../../api/ApiError';
import type { Role } from '../../auth/types';
import type { Schemas } from '../../api/schemas';
import type { Translate } from '../../i18n/translate';

export type DependencyHealth = Schemas['DependencyHealth'];

export type PaymentsHealth = Schemas['PaymentsHealth'];

export type SystemHealth = Schemas['SystemHealthResponse'];

/**
 * GET /api/system/health as the signed-in user, so that admins get the details. An unhealthy system answers
 * 503 with the same body, which is still the report to show.
 */
export function systemHealthQuery(api: ApiClient) {
  return {
    queryKey: ['system', 'health'] as const,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<SystemHealth> => {
      try {
        return await api.get<SystemHealth>('/api/system/health', { signal });
      } catch (error) {
        const body = isApiError(error) && error.status === 503 ? (error.problem as unknown as Partial<SystemHealth>) : null;
        // Problem-details parsing keeps the HTTP status in `status`; only an unhealthy report answers 503.
        if (Array.isArray(body?.dependencies)) {
          return { ...(body as SystemHealth), status: 'Unhealthy' };
        }
        throw error;
      }
    },
    refetchInterval: 15_000,
  };
}

/** The sandbox outside Development moves no money while looking real: admins see a banner on every page. */
export function showsSandboxBanner(role: Role, health: SystemHealth | undefined): boolean {
  return role === 'admin' && health?.payments?.mode === 'sandbox' && health.payments.sandboxOutsideDevelopment;
}

export function healthTone(status: string): 'approved' | 'pending' | 'rejected' {
  switch (status.toLowerCase()) {
    case 'healthy':
      return 'approved';
    case 'degraded':
      return 'pending';
    default:
      return 'rejected';
  }
}

/** "Healthy", "Degraded", "Unhealthy" (the server's status codes) in the reader's language. */
export function healthStatusText(status: string, t: Translate): string {
  switch (status.toLowerCase()) {
    case 'healthy':
      return t('health.status.healthy');
    case 'degraded':
      return t('health.status.degraded');
    case 'unhealthy':
      return t('health.status.unhealthy');
    default:
      return status;
  }
}

/** How payments run here, in the reader's language (the server's `detail` is English, for operators). */
export function paymentsText(payments: PaymentsHealth, t: Translate): string {
  switch (payments.mode) {
    case 'yooKassa':
      return t('health.payments.yooKassa');
    case 'sandbox':
      return payments.sandboxOutsideDevelopment ? t('health.payments.sandboxOutsideDevelopment') : t('health.payments.sandbox');
    default:
      return t('health.payments.notConfigured');
  }
}
