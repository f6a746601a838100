import type { ApiClient } from '../../api/ApiClient';
import { queryString } from '../../api/paging';

export const NOTIFICATION_TYPES = ['chatMessage', 'broadcast', 'lessonReminder', 'lessonChanged', 'material', 'assignment', 'grade', 'invoice'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export interface AppNotification {
  id: string;
  type: string;
  priority: (typeof PRIORITIES)[number];
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  archivedAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  unreadCount: number;
}

export interface NotificationSettings {
  disabledTypes: string[];
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  timeZone: string;
}

export interface BroadcastRequest {
  title: string;
  body: string | null;
  link: string | null;
  priority: string;
  role: string | null;
  everyone: boolean;
}

export interface BroadcastResponse {
  id: string;
  title: string;
  audienceKind: string;
  role: string | null;
  recipientCount: number;
  createdAt: string;
}

export const notificationsKey = ['notifications'] as const;

export function notificationListQuery(api: ApiClient, filter: { page: number; archived: boolean }) {
  return {
    queryKey: [...notificationsKey, 'list', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<NotificationList>(`/api/notifications${queryString({ page: filter.page, pageSize: 20, archived: filter.archived || undefined })}`, {
        signal,
      }),
  };
}

/** Just the unread count, for the bell. */
export function unreadNotificationsQuery(api: ApiClient) {
  return {
    queryKey: [...notificationsKey, 'unread'] as const,
    queryFn: async ({ signal }: { signal: AbortSignal }) =>
      (await api.get<NotificationList>(`/api/notifications${queryString({ pageSize: 1 })}`, { signal })).unreadCount,
  };
}

export function notificationSettingsQuery(api: ApiClient) {
  return {
    queryKey: [...notificationsKey, 'settings'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<NotificationSettings>('/api/notifications/settings', { signal }),
  };
}

export function readNotification(api: ApiClient, id: string): Promise<unknown> {
  return api.post(`/api/notifications/${encodeURIComponent(id)}/read`);
}

export function readAllNotifications(api: ApiClient): Promise<{ marked: number }> {
  return api.post('/api/notifications/read-all');
}

export function archiveNotification(api: ApiClient, id: string): Promise<unknown> {
  return api.post(`/api/notifications/${encodeURIComponent(id)}/archive`);
}

export function saveNotificationSettings(
  api: ApiClient,
  settings: { disabledTypes: string[]; quietHoursStart: string | null; quietHoursEnd: string | null },
): Promise<NotificationSettings> {
  return api.put<NotificationSettings>('/api/notifications/settings', settings);
}

export function sendBroadcast(api: ApiClient, request: BroadcastRequest): Promise<BroadcastResponse> {
  return api.post<BroadcastResponse>('/api/admin/broadcasts', request);
}

/**
 * Where a notification's link leads inside the SPA: same-site paths only (never another origin),
 * or null when it has none.
 */
export function internalLink(link: string | null): string | null {
  if (link === null || link === '') {
    return null;
  }
  if (link.startsWith('/') && !link.startsWith('//')) {
    return link;
  }
  return null;
}
