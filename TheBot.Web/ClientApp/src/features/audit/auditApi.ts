import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type AuditEntry = Schemas['AuditEntryResponse'];

export type AuditFieldChange = Schemas['AuditFieldChange'];

/** The audit log's filters as the page holds them ('' = any); dates are the inputs' yyyy-mm-dd values. */
export interface AuditFilter {
  actorId: string;
  entityType: string;
  entityId: string;
  action: string;
  from: string;
  to: string;
  page: number;
}

export const emptyAuditFilter: AuditFilter = { actorId: '', entityType: '', entityId: '', action: '', from: '', to: '', page: 1 };

/** The kinds of thing the log records, in the order the filter offers them. */
export const AUDIT_ENTITY_TYPES = [
  'user',
  'enrollment',
  'invoice',
  'submission',
  'lesson',
  'chat-room',
  'chat-message',
  'price',
  'subscription',
] as const;

/** The actions the log records. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'deactivate',
  'reactivate',
  'change-role',
  'reset-password',
  'change-password',
  'change-status',
  'send',
  'cancel',
  'reschedule',
  'grade',
  'return',
  'read-messages',
  'set-price-override',
  'remove-price-override',
  'issue',
  'reuse',
  'subscribe',
  'payment-confirmed',
  'charge-succeeded',
  'charge-failed',
  'past-due',
] as const;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a typed id can be sent (empty, or a whole GUID). */
export function isIdFilter(value: string): boolean {
  return value.trim() === '' || guid.test(value.trim());
}

/** The query parameters of a filter: whole days, from the start of `from` to the end of `to` (UTC). */
export function auditQueryParams(filter: AuditFilter): Record<string, string | number | undefined> {
  const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();
  return {
    actorId: isIdFilter(filter.actorId) ? filter.actorId.trim() : undefined,
    entityType: filter.entityType,
    entityId: isIdFilter(filter.entityId) ? filter.entityId.trim() : undefined,
    action: filter.action,
    from: filter.from === '' ? undefined : `${filter.from}T00:00:00Z`,
    to: filter.to === '' ? undefined : nextDay(filter.to),
    page: filter.page,
    pageSize: 25,
  };
}

export const auditKey = ['admin', 'audit'] as const;

export function auditQuery(api: ApiClient, filter: AuditFilter) {
  return {
    queryKey: [...auditKey, filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<PagedResult<AuditEntry>>(`/api/audit${queryString(auditQueryParams(filter))}`, { signal }),
  };
}
