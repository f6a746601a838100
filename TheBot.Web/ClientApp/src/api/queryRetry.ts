import { isApiError } from './ApiError';

export const MAX_QUERY_RETRIES = 2;

/**
 * Whether TanStack Query should try a failed read again: only when another try can help — the network
 * failed or the server had a transient problem. Client errors (4xx) are answers, not accidents.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) {
    return false;
  }
  if (!isApiError(error)) {
    return false;
  }
  return error.isNetworkError || error.status === 502 || error.status === 503 || error.status === 504;
}
