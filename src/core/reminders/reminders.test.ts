import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR_RULES,
  OFFICIAL_SCHEDULES,
  addDays,
  createWorkingCalendar,
  momentOf,
} from '../calendar/index.js';
import {
  DEFAULT_PREFERENCES,
  REMINDER_KINDS,
  dedupeKey,
  deliveryOf,
  dossierMessage,
  dossierNearAppointment,
  emailBody,
  preferenceFor,
  taskMessage,
  taskReminderKind,
  workingDaysLeft,
} from './index.js';

const cal = createWorkingCalendar({ ...DEFAULT_CALENDAR_RULES, overrides: OFFICIAL_SCHEDULES });

describe('taskReminderKind', () => {
  it('sends the first reminder exactly 7 working days ahead, skipping the weekend', () => {
    // Due Thursday 11/06/2026: 7 working days before is Tuesday 02/06 (6–7/6 is a weekend).
    expect(taskReminderKind('2026-06-01', '2026-06-11', cal)).toBeNull();
    expect(taskReminderKind('2026-06-02', '2026-06-11', cal)).toBe('task_due_7');
    expect(workingDaysLeft('2026-06-02', '2026-06-11', cal)).toBe(7);
  });

  it('counts the 7 working days over Tết: 16 calendar days ahead for a due date after the 2026 break', () => {
    // Tết Bính Ngọ: Mon 16/02 – Fri 20/02/2026 off, with the weekends either side.
    expect(taskReminderKind('2026-02-09', '2026-02-26', cal)).toBeNull();
    expect(taskReminderKind('2026-02-10', '2026-02-26', cal)).toBe('task_due_7');
    // The same 16 calendar days with no holiday in between are 12 working days: no reminder yet.
    expect(workingDaysLeft('2026-06-10', '2026-06-26', cal)).toBe(12);
    expect(taskReminderKind('2026-06-10', '2026-06-26', cal)).toBeNull();
  });

  it('keeps a missed first reminder inside the window, then the 1-day reminder, then overdue', () => {
    expect(taskReminderKind('2026-06-08', '2026-06-11', cal)).toBe('task_due_7');
    expect(taskReminderKind('2026-06-09', '2026-06-11', cal)).toBe('task_due_7');
    expect(taskReminderKind('2026-06-10', '2026-06-11', cal)).toBe('task_due_1');
    expect(taskReminderKind('2026-06-11', '2026-06-11', cal)).toBe('task_due_1');
    expect(taskReminderKind('2026-06-12', '2026-06-11', cal)).toBe('task_overdue');
    expect(workingDaysLeft('2026-06-14', '2026-06-11', cal)).toBe(-3);
  });

  it('treats a due date on a day off after the last working day as 1 day away', () => {
    // Friday 12/06 → Sunday 14/06: no working day in between.
    expect(taskReminderKind('2026-06-12', '2026-06-14', cal)).toBe('task_due_1');
    // Thursday 11/06 → Monday 15/06: Friday and Monday.
    expect(taskReminderKind('2026-06-11', '2026-06-15', cal)).toBe('task_due_7');
  });

  it('stops reminding of an overdue task after 30 days', () => {
    expect(taskReminderKind(addDays('2026-06-11', 30), '2026-06-11', cal)).toBe('task_overdue');
    expect(taskReminderKind(addDays('2026-06-11', 31), '2026-06-11', cal)).toBeNull();
  });
});

describe('dossierNearAppointment', () => {
  const appointment = momentOf('2026-06-11', '16:30');
  it('is near from 2 working days before the appointment until it passes', () => {
    expect(dossierNearAppointment(momentOf('2026-06-08', '08:00'), appointment, cal)).toBe(false);
    expect(dossierNearAppointment(momentOf('2026-06-09', '08:00'), appointment, cal)).toBe(true);
    expect(dossierNearAppointment(momentOf('2026-06-11', '16:29'), appointment, cal)).toBe(true);
    expect(dossierNearAppointment(momentOf('2026-06-11', '16:31'), appointment, cal)).toBe(false);
  });
});

describe('delivery and preferences', () => {
  it('defaults every kind to the bell, and e-mail for all but dossiers', () => {
    for (const k of REMINDER_KINDS) expect(preferenceFor(k, undefined).inApp).toBe(true);
    expect(preferenceFor('dossier_due', undefined).email).toBe(false);
    expect(preferenceFor('task_due_7', new Map([['task_due_7', { email: false, inApp: false }]]))).toEqual({
      email: false,
      inApp: false,
    });
    expect(preferenceFor('task_due_1', new Map([['task_due_7', { email: false, inApp: false }]]))).toEqual(
      DEFAULT_PREFERENCES.task_due_1,
    );
  });

  it('makes nothing when both channels are off, and says why an e-mail is not sent', () => {
    expect(deliveryOf({ email: false, inApp: false }, { email: 'a@b.vn', smtpConfigured: true })).toBeNull();
    expect(deliveryOf({ email: false, inApp: true }, { email: 'a@b.vn', smtpConfigured: true })).toEqual({
      inApp: true,
      emailStatus: 'off',
    });
    expect(deliveryOf({ email: true, inApp: true }, { email: null, smtpConfigured: true })).toEqual({
      inApp: true,
      emailStatus: 'no_address',
    });
    expect(deliveryOf({ email: true, inApp: false }, { email: 'a@b.vn', smtpConfigured: false })).toEqual({
      inApp: false,
      emailStatus: 'not_configured',
    });
    expect(deliveryOf({ email: true, inApp: false }, { email: 'a@b.vn', smtpConfigured: true })).toEqual({
      inApp: false,
      emailStatus: 'pending',
    });
  });

  it('keys a reminder by kind, event and recipient', () => {
    expect(dedupeKey(45, 'task_due_7', 'occurrence:123:2026-06-05')).toBe(
      'task_due_7:occurrence:123:2026-06-05:user:45',
    );
    expect(dedupeKey(46, 'task_due_7', 'occurrence:123:2026-06-05')).not.toBe(
      dedupeKey(45, 'task_due_7', 'occurrence:123:2026-06-05'),
    );
  });
});

describe('messages', () => {
  it('writes Vietnamese subjects and texts with the dates in dd/MM/yyyy', () => {
    const m = taskMessage('task_due_7', {
      unitName: 'Trường Tiểu học Hòa Bình',
      taskCode: '1.2',
      taskTitle: 'Báo cáo CCHC quý',
      label: 'Quý II/2026',
      due: '2026-06-05',
      daysLeft: 7,
    });
    expect(m.subject).toBe('[CCHC] Sắp đến hạn: 1.2. Báo cáo CCHC quý (hạn 05/06/2026)');
    expect(m.text).toContain('còn 7 ngày làm việc');
    expect(
      taskMessage('task_overdue', {
        unitName: 'X',
        taskCode: '',
        taskTitle: 'Y',
        label: '',
        due: '2026-06-05',
        daysLeft: -3,
      }).text,
    ).toContain('đã quá hạn 3 ngày');
    expect(
      taskMessage('task_due_1', {
        unitName: 'X',
        taskCode: '',
        taskTitle: 'Y',
        label: '',
        due: '2026-06-05',
        daysLeft: 0,
      }).text,
    ).toContain('đến hạn hôm nay');
    const d = dossierMessage({
      unitName: 'UBND phường',
      code: 'HB-260601-0001',
      procedureName: 'Đăng ký khai sinh',
      appointment: momentOf('2026-06-11', '16:30'),
      daysLeft: 1,
    });
    expect(d.subject).toBe('[CCHC] Hồ sơ HB-260601-0001 sắp đến hẹn trả (16:30 11/06/2026)');
    expect(emailBody('Nội dung', '/tasks/3', 'https://cchc.vn')).toContain(
      'Xem chi tiết: https://cchc.vn/tasks/3',
    );
    expect(emailBody('Nội dung', '/tasks/3', null)).toContain('Xem chi tiết: /tasks/3');
  });
});
