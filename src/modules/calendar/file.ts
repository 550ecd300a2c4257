import { isCalendarDate } from '../../core/calendar/index.js';
import { AppError } from '../../errors.js';
import { ScheduleFile } from './settings.js';

/**
 * Reads a schedule file for `cchc calendar import` and the admin screen: JSON
 * (`{ "schedules": [{ "year", "daysOff", "workingDays", "source" }] }`) or CSV with the columns
 * `ngay,loai,ten` (loai: "nghỉ" / "làm bù"; a date as YYYY-MM-DD or dd/MM/yyyy). Each row's
 * problem is reported by its line number; nothing is saved unless every row is right.
 */
export function readScheduleFile(text: string, source: string | null): ScheduleFile {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new AppError('FILE_EMPTY');
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw new AppError('FILE_CORRUPT', 'Tệp JSON không đọc được.');
    }
    const parsed = ScheduleFile.safeParse(data);
    if (!parsed.success)
      throw new AppError('VALIDATION', `Tệp lịch không đúng cấu trúc: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  }
  const years = new Map<number, { daysOff: { date: string; name: string }[]; workingDays: { date: string; name: string }[] }>();
  const problems: string[] = [];
  const lines = trimmed.split(/\r?\n/);
  lines.forEach((line, i) => {
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (i === 0 && /ngay|ngày|date/i.test(cells[0] ?? '')) return;
    if (cells.every((c) => c === '')) return;
    const [rawDate = '', kind = '', ...nameParts] = cells;
    const name = nameParts.join(', ').trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(rawDate) ?? null;
    const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(rawDate);
    const candidate = m ? rawDate : vi ? `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}` : null;
    const date = candidate && isCalendarDate(candidate) ? candidate : null;
    if (!date) return void problems.push(`dòng ${i + 1}: ngày "${rawDate}" không hợp lệ`);
    const k = kind.normalize('NFC').toLowerCase();
    const off = ['nghỉ', 'nghi', 'off', 'nghỉ lễ', 'nghỉ bù'].includes(k);
    const work = ['làm bù', 'lam bu', 'làm việc', 'lam viec', 'work'].includes(k);
    if (!off && !work) return void problems.push(`dòng ${i + 1}: loại "${kind}" phải là "nghỉ" hoặc "làm bù"`);
    if (!name) return void problems.push(`dòng ${i + 1}: thiếu tên ngày`);
    const year = Number(date.slice(0, 4));
    const entry = years.get(year) ?? { daysOff: [], workingDays: [] };
    (off ? entry.daysOff : entry.workingDays).push({ date, name });
    years.set(year, entry);
  });
  if (problems.length > 0) throw new AppError('VALIDATION', `Tệp lịch có lỗi, chưa lưu gì: ${problems.join('; ')}.`, problems);
  if (years.size === 0) throw new AppError('FILE_EMPTY', 'Tệp lịch không có dòng nào.');
  return { schedules: [...years.entries()].sort(([a], [b]) => a - b).map(([year, e]) => ({ year, ...e, source })) };
}
