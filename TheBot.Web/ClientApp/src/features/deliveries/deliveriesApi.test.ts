import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/ApiClient';
import { deliveriesQuery, deliveryTone, isDeliveryStatus } from './deliveriesApi';

describe('deliveriesApi', () => {
  it('asks for one status, or every status when none is chosen', async () => {
    const get = vi.fn().mockResolvedValue({ items: [], page: 1, pageSize: 20, totalCount: 0, totalPages: 0 });
    const api = { get } as unknown as ApiClient;
    const signal = new AbortController().signal;

    await deliveriesQuery(api, { status: 'failed', page: 2 }).queryFn({ signal });
    await deliveriesQuery(api, { status: '', page: 1 }).queryFn({ signal });

    expect(get.mock.calls[0]?.[0]).toBe('/api/admin/deliveries?status=failed&page=2&pageSize=20');
    expect(get.mock.calls[1]?.[0]).toBe('/api/admin/deliveries?page=1&pageSize=20');
  });

  it('shows sent as good news, failed as bad and suppressed as neither', () => {
    expect(deliveryTone('sent')).toBe('approved');
    expect(deliveryTone('failed')).toBe('rejected');
    expect(deliveryTone('pending')).toBe('pending');
    expect(deliveryTone('suppressed')).toBe('neutral');
    expect(isDeliveryStatus('sent')).toBe(true);
    expect(isDeliveryStatus('lost')).toBe(false);
  });
});
