import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type Broadcast = Schemas['BroadcastResponse'];

export type BroadcastRecipient = Schemas['BroadcastRecipientResponse'];

/** A recipient's status over the app and every channel (API `BroadcastRecipientStatus`). */
export const RECIPIENT_STATUSES = ['delivered', 'sent', 'failed', 'waiting', 'suppressed'] as const;

export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** A broadcast's own status. */
export const BROADCAST_STATUSES = ['scheduled', 'sending', 'sent', 'cancelled'] as const;

export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

export const broadcastsKey = ['admin', 'broadcasts'] as const;

/** The history, newest first. */
export function broadcastsQuery(api: ApiClient, page: number) {
  return {
    queryKey: [...broadcastsKey, 'list', page] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Broadcast>>(`/api/admin/broadcasts${queryString({ page, pageSize: 10 })}`, { signal }),
  };
}

export function broadcastQuery(api: ApiClient, id: string) {
  return {
    queryKey: [...broadcastsKey, 'one', id] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Broadcast>(`/api/admin/broadcasts/${encodeURIComponent(id)}`, { signal }),
  };
}

/**
 * A broadcast's recipients; all statuses when `status` is empty. `version` (the broadcast's counts) is part of the key,
 * so that the list follows the counts as deliveries go out.
 */
export function broadcastRecipientsQuery(api: ApiClient, id: string, filter: { status: string; page: number }, version = '') {
  return {
    queryKey: [...broadcastsKey, 'recipients', id, filter, version] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<BroadcastRecipient>>(
        `/api/admin/broadcasts/${encodeURIComponent(id)}/recipients${queryString({
          status: filter.status === '' ? undefined : filter.status,
          page: filter.page,
          pageSize: 20,
        })}`,
        { signal },
      ),
  };
}

export function retryFailedBroadcastDeliveries(api: ApiClient, id: string): Promise<{ retried: number }> {
  return api.post(`/api/admin/broadcasts/${encodeURIComponent(id)}/retry-failed`);
}

export function cancelBroadcast(api: ApiClient, id: string): Promise<Broadcast> {
  return api.post<Broadcast>(`/api/admin/broadcasts/${encodeURIComponent(id)}/cancel`);
}

/** Changes whenever a recipient's status does. */
export function countsVersion(broadcast: Broadcast | undefined): string {
  if (broadcast === undefined) {
    return '';
  }
  const { counts } = broadcast;
  return `${broadcast.status}:${counts.recipients}:${counts.sent}:${counts.failed}:${counts.waiting}:${counts.delivered}:${counts.suppressed}`;
}

/** Still moving: worth polling (fanning out, or channel deliveries waiting). */
export function isInFlight(broadcast: Broadcast): boolean {
  return broadcast.status === 'sending' || broadcast.counts.waiting > 0;
}

/** The badge tone a broadcast's or a recipient's status shows with. */
export function statusTone(status: string): 'pending' | 'approved' | 'rejected' | 'neutral' {
  switch (status) {
    case 'sent':
    case 'delivered':
      return 'approved';
    case 'failed':
      return 'rejected';
    case 'waiting':
    case 'scheduled':
    case 'sending':
      return 'pending';
    default:
      return 'neutral';
  }
}

export function isRecipientStatus(value: string): value is RecipientStatus {
  return (RECIPIENT_STATUSES as readonly string[]).includes(value);
}

export function isBroadcastStatus(value: string): value is BroadcastStatus {
  return (BROADCAST_STATUSES as readonly string[]).includes(value);
}
