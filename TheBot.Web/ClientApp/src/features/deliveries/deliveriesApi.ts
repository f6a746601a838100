import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type Delivery = Schemas['DeliveryResponse'];

/** Where a delivery stands (API `DeliveryStatus`). */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'suppressed'] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const deliveriesKey = ['admin', 'deliveries'] as const;

/** Notifications sent outside the app, newest first; all statuses when `status` is empty. */
export function deliveriesQuery(api: ApiClient, filter: { status: string; page: number }) {
  return {
    queryKey: [...deliveriesKey, filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Delivery>>(
        `/api/admin/deliveries${queryString({ status: filter.status === '' ? undefined : filter.status, page: filter.page, pageSize: 20 })}`,
        { signal },
      ),
  };
}

/** The badge tone a status shows with. */
export function deliveryTone(status: string): 'pending' | 'approved' | 'rejected' | 'neutral' {
  switch (status) {
    case 'sent':
      return 'approved';
    case 'failed':
      return 'rejected';
    case 'pending':
      return 'pending';
    default:
      return 'neutral';
  }
}

export function isDeliveryStatus(value: string): value is DeliveryStatus {
  return (DELIVERY_STATUSES as readonly string[]).includes(value);
}
