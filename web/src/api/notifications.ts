/** The reminders API for the web app: my notifications and preferences, the outbox for administrators. */
import type { z } from 'zod';
import type {
  NotificationList,
  NotificationOut,
  OutboxItem as OutboxItemSchema,
  OutboxList,
  PreferencesBody,
  PreferencesOut,
} from '../../../src/modules/reminders/schema.js';
import { qs, request } from './client.js';

export type NotificationItem = z.infer<typeof NotificationOut>;
export type NotificationPage = z.infer<typeof NotificationList>;
export type Preferences = z.infer<typeof PreferencesOut>;
export type PreferenceItem = Preferences['items'][number];
export type PreferenceInput = z.input<typeof PreferencesBody>['items'];
export type OutboxItem = z.infer<typeof OutboxItemSchema>;
export type OutboxPage = z.infer<typeof OutboxList>;

export interface OutboxFilter {
  unitId: number;
  subtree: boolean;
  status: string | null;
  page: number;
}

/** The root of every notifications query (the outbox page's too). */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export const notificationKeys = {
  all: NOTIFICATIONS_KEY,
  count: [...NOTIFICATIONS_KEY, 'count'] as const,
  latest: [...NOTIFICATIONS_KEY, 'latest'] as const,
  list: (filter: string, page: number) => [...NOTIFICATIONS_KEY, 'list', filter, page] as const,
  preferences: [...NOTIFICATIONS_KEY, 'preferences'] as const,
  outbox: (f: OutboxFilter) => [...NOTIFICATIONS_KEY, 'outbox', f.unitId, f.subtree, f.status, f.page] as const,
};

export const notificationApi = {
  list: (o: { unread: boolean; page: number }) =>
    request<NotificationPage>('GET', `/api/notifications${qs({ page: o.page, unread: o.unread ? 1 : null })}`),
  unreadCount: () => request<{ count: number }>('GET', '/api/notifications/unread-count'),
  markRead: (id: number) => request<NotificationItem>('POST', `/api/notifications/${id}/read`, {}),
  markAllRead: () => request<{ updated: number }>('POST', '/api/notifications/read-all', {}),
  preferences: () => request<Preferences>('GET', '/api/notifications/preferences'),
  savePreferences: (items: PreferenceInput) => request<Preferences>('PUT', '/api/notifications/preferences', { items }),
  outbox: (o: OutboxFilter) =>
    request<OutboxPage>(
      'GET',
      `/api/outbox${qs({ unitId: o.unitId, subtree: o.subtree ? 1 : 0, page: o.page, status: o.status })}`,
    ),
};
