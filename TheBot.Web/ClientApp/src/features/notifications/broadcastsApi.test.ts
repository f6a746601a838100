import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/ApiClient';
import { broadcastRecipientsQuery, countsVersion, isInFlight, isRecipientStatus, statusTone, type Broadcast } from './broadcastsApi';

const broadcast = (status: string, waiting: number): Broadcast =>
  ({
    id: 'b1',
    status,
    counts: { recipients: 2, delivered: 0, sent: 1, failed: 0, waiting, suppressed: 0 },
  }) as unknown as Broadcast;

describe('broadcastsApi', () => {
  it('asks for one status of recipients, or every status when none is chosen', async () => {
    const get = vi.fn().mockResolvedValue({ items: [], page: 1, pageSize: 20, totalCount: 0, totalPages: 0 });
    const api = { get } as unknown as ApiClient;
    const signal = new AbortController().signal;

    await broadcastRecipientsQuery(api, 'b1', { status: 'failed', page: 2 }).queryFn({ signal });
    await broadcastRecipientsQuery(api, 'b1', { status: '', page: 1 }).queryFn({ signal });

    expect(get.mock.calls[0]?.[0]).toBe('/api/admin/broadcasts/b1/recipients?status=failed&page=2&pageSize=20');
    expect(get.mock.calls[1]?.[0]).toBe('/api/admin/broadcasts/b1/recipients?page=1&pageSize=20');
  });

  it('keeps polling while a broadcast is fanned out or a delivery waits, and refetches recipients when the counts move', () => {
    expect(isInFlight(broadcast('sending', 0))).toBe(true);
    expect(isInFlight(broadcast('sent', 1))).toBe(true);
    expect(isInFlight(broadcast('sent', 0))).toBe(false);
    expect(countsVersion(broadcast('sent', 1))).not.toBe(countsVersion(broadcast('sent', 0)));
    expect(countsVersion(undefined)).toBe('');
  });

  it('shows sent and delivered as good news, failed as bad, waiting as pending', () => {
    expect(statusTone('sent')).toBe('approved');
    expect(statusTone('delivered')).toBe('approved');
    expect(statusTone('failed')).toBe('rejected');
    expect(statusTone('waiting')).toBe('pending');
    expect(statusTone('suppressed')).toBe('neutral');
    expect(isRecipientStatus('waiting')).toBe(true);
    expect(isRecipientStatus('pending')).toBe(false);
  });
});
