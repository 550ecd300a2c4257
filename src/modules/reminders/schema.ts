import { z } from 'zod';
import { REMINDER_KINDS } from '../../core/reminders/index.js';

export const EMAIL_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'not_configured',
  'no_address',
  'off',
] as const;

export const NotificationOut = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  subject: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationOut = z.infer<typeof NotificationOut>;

export const NotificationList = z.object({
  items: z.array(NotificationOut),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const NotificationQuery = z.object({
  unread: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const PreferenceItem = z.object({
  kind: z.enum(REMINDER_KINDS),
  email: z.boolean(),
  inApp: z.boolean(),
});

export const PreferencesOut = z.object({
  items: z.array(
    PreferenceItem.extend({ label: z.string(), description: z.string(), isDefault: z.boolean() }),
  ),
  /** The user's address, where e-mails go (null: none on file). */
  emailAddress: z.string().nullable(),
  /** Whether the server can send e-mail at all. */
  emailConfigured: z.boolean(),
});
export type PreferencesOut = z.infer<typeof PreferencesOut>;

export const PreferencesBody = z.object({
  items: z
    .array(PreferenceItem)
    .min(1, 'Cần ít nhất một loại nhắc việc.')
    .refine(
      (items) => new Set(items.map((i) => i.kind)).size === items.length,
      'Mỗi loại nhắc việc chỉ được nêu một lần.',
    ),
});

export const OutboxQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['0', '1']).optional(),
  status: z.enum(EMAIL_STATUSES).optional(),
  kind: z.enum(REMINDER_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const OutboxItem = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  recipientName: z.string().nullable(),
  emailTo: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  subject: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  inApp: z.boolean(),
  emailStatus: z.string(),
  emailStatusLabel: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

export const OutboxList = z.object({
  items: z.array(OutboxItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const SweepOut = z.object({
  proposed: z.number(),
  created: z.number(),
  notifications: z.number(),
  skipped: z.number(),
  emailsSent: z.number(),
  emailsFailed: z.number(),
  sourceErrors: z.array(z.object({ source: z.string(), message: z.string() })),
});
