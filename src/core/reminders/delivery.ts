import type { ChannelPreference } from './kinds.js';

/** Where an outbox message's e-mail stands. */
export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'not_configured' | 'no_address' | 'off';

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
  not_configured: 'Không gửi (chưa cấu hình máy chủ thư)',
  no_address: 'Không gửi (người nhận chưa có e-mail)',
  off: 'Không gửi (người nhận tắt e-mail)',
};

/** A message is retried this many times before its e-mail is marked failed. */
export const MAX_EMAIL_ATTEMPTS = 5;

/**
 * How one message reaches its recipient: null when the user turned the kind off on both channels
 * (nothing is made, not even an outbox row); otherwise whether it shows in the bell and the
 * e-mail's first status. Without an SMTP server the message is still kept (not_configured).
 */
export function deliveryOf(
  pref: ChannelPreference,
  opts: { email: string | null; smtpConfigured: boolean },
): { inApp: boolean; emailStatus: EmailStatus } | null {
  if (!pref.email && !pref.inApp) return null;
  const emailStatus: EmailStatus = !pref.email
    ? 'off'
    : !opts.email
      ? 'no_address'
      : !opts.smtpConfigured
        ? 'not_configured'
        : 'pending';
  return { inApp: pref.inApp, emailStatus };
}

/** The key that makes a reminder unique: one per recipient, kind and event. */
export function dedupeKey(userId: number, kind: string, eventKey: string): string {
  return `${kind}:${eventKey}:user:${userId}`;
}
