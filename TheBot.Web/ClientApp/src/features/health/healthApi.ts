import type { ApiClient } from '../../api/ApiClient';
import { isApiError } from '../../api/ApiError';

export interface DependencyHealth {
  name: string;
  status: string;
  latencyMs: number;
  error: string | null;
}

export interface SystemHealth {
  status: string;
  version: string;
  totalDurationMs: number;
  dependencies: DependencyHealth[];
}

/** GET /api/system/health. An unhealthy system answers 503 with the same body, which is still the report to show. */
export function systemHealthQuery(api: ApiClient) {
  return {
    queryKey: ['system', 'health'] as const,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<SystemHealth> => {
      try {
        return await api.get<SystemHealth>('/api/system/health', { signal, anonymous: true });
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
