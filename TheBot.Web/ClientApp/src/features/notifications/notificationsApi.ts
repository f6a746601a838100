import type { ApiClient } from '../../api/ApiClient';
import { queryString } from '../../api/paging';
import { enumValues, type RequestBody, type Schemas } from '../../api/schemas';

/** The types a user can switch off (API `NotificationTypes`), in the order the settings list them. */
export const NOTIFICATION_TYPES = [
  'chatMessage',
  'broadcast',
  'lessonReminder',
  'lessonBooked',
  'lessonMoved',
  'lessonConfirmed',
  'lessonCancelled',
  'material',
  'assignment',
  'grade',
  'reportSent',
  'teacherReport',
  'reportReminder',
  'studyPlan',
  'materialQuestion',
  'materialAnswer',
  'invoice',
  'applicationDecided',
  'applicationSubmitted',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Types only some roles ever receive; the rest concern everyone. */
const TYPE_ROLES: Partial<Record<NotificationType, readonly string[]>> = {
  reportSent: ['parent'],
  teacherReport: ['tutor'],
  reportReminder: ['teacher', 'tutor'],
  studyPlan: ['student', 'parent'],
  materialQuestion: ['teacher'],
  materialAnswer: ['student'],
  applicationDecided: ['admin'],
  applicationSubmitted: ['admin'],
};

/** The types worth offering to someone in this role. */
export function notificationTypesFor(role: string | undefined): NotificationType[] {
  return NOTIFICATION_TYPES.filter((type) => {
    const roles = TYPE_ROLES[type];
    return roles === undefined || (role !== undefined && roles.includes(role));
  });
}
export const PRIORITIES = enumValues<Schemas['NotificationPriority']>()(['low', 'normal', 'high', 'urgent']);

export type AppNotification = Schemas['NotificationResponse'];

export type NotificationList = Schemas['NotificationListResponse'];

export type NotificationSettings = Schemas['NotificationSettingsResponse'];

export type BroadcastRequest = RequestBody<Schemas['BroadcastRequest']>;

export type BroadcastResponse = Schemas['BroadcastResponse'];

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
  settings: { disabledTypes: string[]; quietHoursStart: string | null; quietHoursEnd: string | null; emailTypes?: string[]; pushTypes?: string[]; telegramTypes?: string[] },
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
