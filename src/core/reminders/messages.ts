import { formatMoment, toVietnamese } from '../calendar/index.js';
import type { CalendarDate, Moment } from '../calendar/index.js';
import type { TaskReminderKind } from './due.js';

export interface MessageText {
  subject: string;
  text: string;
}

export interface TaskFacts {
  unitName: string;
  taskCode: string;
  taskTitle: string;
  /** The occurrence's label ("Quý II/2026", "Báo cáo 6 tháng"). */
  label: string;
  due: CalendarDate;
  /** Working days left (0: due today or only days off before it); negative: calendar days overdue. */
  daysLeft: number;
}

const nfc = (s: string) => s.normalize('NFC');

function whenText(kind: TaskReminderKind, daysLeft: number): string {
  if (kind === 'task_overdue') return `đã quá hạn ${-daysLeft} ngày`;
  if (daysLeft <= 0) return 'đến hạn hôm nay';
  if (daysLeft === 1) return 'đến hạn vào ngày làm việc tiếp theo';
  return `còn ${daysLeft} ngày làm việc`;
}

/** The subject and text of a task reminder, in Vietnamese. */
export function taskMessage(kind: TaskReminderKind, f: TaskFacts): MessageText {
  const when = whenText(kind, f.daysLeft);
  const head = kind === 'task_overdue' ? 'Quá hạn' : 'Sắp đến hạn';
  const task = `${f.taskCode ? `${f.taskCode}. ` : ''}${f.taskTitle}`;
  const subject = `[CCHC] ${head}: ${task} (hạn ${toVietnamese(f.due)})`;
  const text = [
    `Nhiệm vụ "${task}" của ${f.unitName}${f.label ? ` (${f.label})` : ''} ${when} — hạn ${toVietnamese(f.due)}.`,
    kind === 'task_overdue'
      ? 'Đề nghị hoàn thành và cập nhật kết quả, minh chứng trên hệ thống.'
      : 'Đề nghị hoàn thành đúng hạn và cập nhật kết quả, minh chứng trên hệ thống.',
  ].join('\n');
  return { subject: nfc(subject), text: nfc(text) };
}

export interface DossierFacts {
  unitName: string;
  code: string;
  procedureName: string;
  appointment: Moment;
  /** Working days left until the appointment's day (0: today). */
  daysLeft: number;
}

/** The subject and text of a reminder for a dossier near its appointment. */
export function dossierMessage(f: DossierFacts): MessageText {
  const [date = '', time = ''] = formatMoment(f.appointment).split(' ');
  const when = f.daysLeft <= 0 ? 'hôm nay' : `còn ${f.daysLeft} ngày làm việc`;
  const subject = `[CCHC] Hồ sơ ${f.code} sắp đến hẹn trả (${time} ${toVietnamese(date)})`;
  const text = [
    `Hồ sơ ${f.code} — ${f.procedureName} — của ${f.unitName} hẹn trả kết quả lúc ${time} ngày ${toVietnamese(date)} (${when}).`,
    'Đề nghị giải quyết đúng hẹn; nếu không kịp, ban hành phiếu xin lỗi và hẹn lại (Mẫu 04) trước thời điểm hẹn trả.',
  ].join('\n');
  return { subject: nfc(subject), text: nfc(text) };
}

export interface ReportFacts {
  unitName: string;
  /** "Báo cáo quý I năm 2026"… */
  label: string;
  due: CalendarDate;
  state: 'due_soon' | 'overdue';
  /** The report was returned by the superior for correction. */
  returned: boolean;
}

/** The subject and text of a reminder for a periodic report due soon or late. */
export function reportMessage(f: ReportFacts): MessageText {
  const head = f.state === 'overdue' ? 'Quá hạn gửi' : 'Sắp đến hạn gửi';
  const subject = `[CCHC] ${head}: ${f.label} (hạn ${toVietnamese(f.due)})`;
  const text = [
    `${f.label} của ${f.unitName} ${f.state === 'overdue' ? 'đã quá hạn gửi' : 'cần gửi cấp trên'} — hạn ${toVietnamese(f.due)}.`,
    f.returned
      ? 'Báo cáo đã bị cấp trên trả lại: đề nghị chỉnh sửa theo ý kiến và gửi lại trên hệ thống.'
      : 'Đề nghị hoàn thiện báo cáo (số liệu lấy tự động từ hệ thống) và gửi cấp trên trên hệ thống.',
  ].join('\n');
  return { subject: nfc(subject), text: nfc(text) };
}

export interface FeedbackFacts {
  unitName: string;
  code: string;
  title: string;
  /** The step the item waits for: "phân loại", "chuyển đơn", "trả lời", "công khai". */
  step: string;
  due: Moment;
  state: 'due_soon' | 'overdue';
}

/** The subject and text of a reminder for a feedback item (PAKN) near or past its step's deadline. */
export function feedbackMessage(f: FeedbackFacts): MessageText {
  const [date = '', time = ''] = formatMoment(f.due).split(' ');
  const head = f.state === 'overdue' ? 'Quá hạn' : 'Sắp hết hạn';
  const subject = `[CCHC] ${head} ${f.step}: phản ánh ${f.code} (hạn ${time} ${toVietnamese(date)})`;
  const text = [
    `Phản ánh, kiến nghị ${f.code} "${f.title}" gửi ${f.unitName} ${f.state === 'overdue' ? 'đã quá hạn' : 'sắp hết hạn'} ${f.step} — hạn ${time} ngày ${toVietnamese(date)}.`,
    'Đề nghị xử lý và cập nhật trên hệ thống.',
  ].join('\n');
  return { subject: nfc(subject), text: nfc(text) };
}

/** The e-mail body: the text, then the link to open in the app, then why the user got it. */
export function emailBody(text: string, link: string | null, appUrl: string | null): string {
  const lines = [text];
  if (link) lines.push('', `Xem chi tiết: ${appUrl ? `${appUrl}${link}` : link}`);
  lines.push(
    '',
    '—',
    'Thư tự động của hệ thống quản lý cải cách hành chính. Bạn có thể chọn loại nhắc việc nhận qua e-mail tại trang Thông báo.',
  );
  return nfc(lines.join('\n'));
}
