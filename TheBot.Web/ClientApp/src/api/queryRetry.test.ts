import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { shouldRetryQuery } from './queryRetry';

describe('shouldRetryQuery', () => {
  it('retries network failures and gateway errors a limited number of times', () => {
    const network = ApiError.network(new TypeError('offline'));
    expect(shouldRetryQuery(0, network)).toBe(true);
    expect(shouldRetryQuery(1, new ApiError(503, {}))).toBe(true);
    expect(shouldRetryQuery(2, network)).toBe(false);
  });

  it('never retries answers such as 400, 401, 403, 404 or 429', () => {
    for (const status of [400, 401, 403, 404, 429, 500]) {
      expect(shouldRetryQuery(0, new ApiError(status, {}))).toBe(false);
    }
    expect(shouldRetryQuery(0, new Error('bug'))).toBe(false);
  });
});
