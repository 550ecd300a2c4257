/** The reminders API for the web app: my notifications and preferences, the outbox for administrators. */
import { request } from './client.js';

export interface NotificationItem {
  id: number;
  kind: string;
  kindLabel: string;
  subject: string;
  text: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  page: number;
  pageSize: number;
}

export interface PreferenceItem {
  kind: string;
  email: boolean;
  inApp: boolean;
  label: string;
  description: string;
  isDefault: boolean;
}

export interface Preferences {
  items: PreferenceItem[];
  emailAddress: string | null;
  emailConfigured: boolean;
}

export interface OutboxItem {
  id: number;
  unitId: number;
  unitName: string;
  recipientName: string | null;
  emailTo: string | null;
  kind: string;
  kindLabel: string;
  subject: string;
  text: string;
  link: string | null;
  inApp: boolean;
  emailStatus: string;
  emailStatusLabel: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface OutboxPage {
  items: OutboxItem[];
  total: number;
  page: number;
  pageSize: number;
}

const call = request;

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export const notificationApi = {
  list: (o: { unread: boolean; page: number }) =>
    call<NotificationPage>('GET', `/api/notifications?page=${o.page}${o.unread ? '&unread=1' : ''}`),
  unreadCount: () => call<{ count: number }>('GET', '/api/notifications/unread-count'),
  markRead: (id: number) => call<NotificationItem>('POST', `/api/notifications/${id}/read`, {}),
  markAllRead: () => call<{ updated: number }>('POST', '/api/notifications/read-all', {}),
  preferences: () => call<Preferences>('GET', '/api/notifications/preferences'),
  savePreferences: (items: { kind: string; email: boolean; inApp: boolean }[]) =>
    call<Preferences>('PUT', '/api/notifications/preferences', { items }),
  outbox: (o: { unitId: number; subtree: boolean; status: string | null; page: number }) =>
    call<OutboxPage>(
      'GET',
      `/api/outbox?unitId=${o.unitId}&subtree=${o.subtree ? 1 : 0}&page=${o.page}${o.status ? `&status=${o.status}` : ''}`,
    ),
};
