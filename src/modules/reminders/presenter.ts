import { EMAIL_STATUS_LABELS, REMINDER_KIND_LABELS, isReminderKind } from '../../core/reminders/index.js';
import type { EmailStatus } from '../../core/reminders/index.js';
import type { NotificationRow, OutboxRow } from '../../db/tables.js';
import type { NotificationOut } from './schema.js';

const kindLabel = (kind: string) => (isReminderKind(kind) ? REMINDER_KIND_LABELS[kind].label : kind);

export function presentNotification(n: NotificationRow): NotificationOut {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: kindLabel(n.kind),
    subject: n.subject,
    text: n.body,
    link: n.link,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}

export function presentOutbox(o: OutboxRow & { unit_name: string; recipient_name: string | null }) {
  return {
    id: o.id,
    unitId: o.unit_id,
    unitName: o.unit_name,
    recipientName: o.recipient_name,
    emailTo: o.email_to,
    kind: o.kind,
    kindLabel: kindLabel(o.kind),
    subject: o.subject,
    text: o.body,
    link: o.link,
    inApp: o.in_app === 1,
    emailStatus: o.email_status,
    emailStatusLabel: EMAIL_STATUS_LABELS[o.email_status as EmailStatus] ?? o.email_status,
    attempts: o.attempts,
    lastError: o.last_error,
    sentAt: o.sent_at,
    createdAt: o.created_at,
  };
}
