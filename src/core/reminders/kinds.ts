/**
 * The kinds of reminder, what each means to a user, and the channels each is sent on unless the
 * user chooses otherwise.
 */
export const REMINDER_KINDS = [
  'task_due_7',
  'task_due_1',
  'task_overdue',
  'report_due',
  'dossier_due',
  'feedback_due',
  'regulation_review',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export function isReminderKind(value: string): value is ReminderKind {
  return (REMINDER_KINDS as readonly string[]).includes(value);
}

export const REMINDER_KIND_LABELS: Record<ReminderKind, { label: string; description: string }> = {
  task_due_7: {
    label: 'Nhiệm vụ còn 7 ngày làm việc',
    description: 'Nhiệm vụ được giao cho tôi đến hạn trong 7 ngày làm việc tới.',
  },
  task_due_1: {
    label: 'Nhiệm vụ đến hạn ngày mai',
    description: 'Nhiệm vụ được giao cho tôi đến hạn hôm nay hoặc ngày làm việc tiếp theo.',
  },
  task_overdue: { label: 'Nhiệm vụ quá hạn', description: 'Nhiệm vụ đã qua hạn mà chưa hoàn thành.' },
  report_due: { label: 'Báo cáo đến hạn', description: 'Báo cáo định kỳ của đơn vị sắp đến hạn gửi.' },
  dossier_due: {
    label: 'Hồ sơ sắp đến hẹn trả',
    description: 'Hồ sơ thủ tục hành chính của đơn vị còn 2 ngày làm việc trở xuống đến hẹn trả kết quả.',
  },
  feedback_due: {
    label: 'Phản ánh, kiến nghị sắp hết hạn',
    description: 'Phản ánh, kiến nghị của người dân sắp hết hạn trả lời.',
  },
  regulation_review: {
    label: 'Quy chế nội bộ đến hạn rà soát',
    description: 'Quy chế nội bộ của đơn vị đến hạn rà soát trong 30 ngày tới hoặc đã quá hạn rà soát.',
  },
};

export interface ChannelPreference {
  email: boolean;
  inApp: boolean;
}

/**
 * Defaults: everything in the app; e-mail for the user's own deadlines. Dossiers near their
 * appointment come several a day at a busy one-stop desk, so they stay in the bell unless the
 * user also asks for e-mail.
 */
export const DEFAULT_PREFERENCES: Record<ReminderKind, ChannelPreference> = {
  task_due_7: { email: true, inApp: true },
  task_due_1: { email: true, inApp: true },
  task_overdue: { email: true, inApp: true },
  report_due: { email: true, inApp: true },
  dossier_due: { email: false, inApp: true },
  feedback_due: { email: true, inApp: true },
  regulation_review: { email: true, inApp: true },
};

/** A user's preference for a kind: their stored choice, else the default. */
export function preferenceFor(
  kind: string,
  stored: ReadonlyMap<string, ChannelPreference> | undefined,
): ChannelPreference {
  const own = stored?.get(kind);
  if (own) return own;
  return isReminderKind(kind) ? DEFAULT_PREFERENCES[kind] : { email: true, inApp: true };
}
