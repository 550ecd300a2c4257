/**
 * The government's announced holiday schedules for civil servants (cán bộ, công chức, viên
 * chức), as data. Edit here (or load more at run time through `CalendarRules.overrides`).
 *
 * How an entry combines with the statutory rule (see holidays.ts):
 *   days off  = statutory holidays ∪ computed compensation days ∪ `daysOff`
 *               − `workingDays`
 *   a date in `workingDays` is a working day whatever else it is (a Saturday "làm bù", or a
 *   weekday that the statutory rule would have made a compensation day but the announcement
 *   moved elsewhere).
 * So list only what differs from the statutory rule; the comments record the whole announced
 * break so that anyone can re-check the result.
 *
 * Anything not confirmed against the original document is marked "(check)", in a comment and
 * in `source`.
 */
import type { YearSchedule } from './types.js';

export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = [
  {
    year: 2024,
    source:
      'Thông báo của Bộ Lao động - Thương binh và Xã hội về lịch nghỉ Tết Âm lịch, dịp 30/4 - 1/5 ' +
      'và Quốc khánh năm 2024 đối với cán bộ, công chức, viên chức (cần kiểm tra lại số, ngày văn bản)',
    // Tết Dương lịch: Mon 01/01 — statutory, nothing to add.
    // Tết Giáp Thìn: off Thu 08/02 – Wed 14/02 (29 tháng Chạp – mùng 5), no make-up Saturday.
    //   Statutory: Fri 09/02 (30 tháng Chạp) – Tue 13/02; Sat 10/02 and Sun 11/02 give two
    //   compensation days, computed as Wed 14/02 and Thu 15/02. The announcement took the second
    //   one on Thu 08/02 instead, so 08/02 is added and 15/02 is worked.
    // Giỗ Tổ: Thu 18/04 — statutory.
    // 30/4 – 1/5: off Sat 27/04 – Wed 01/05; Mon 29/04 swapped with Sat 04/05.
    // Quốc khánh: off Sat 31/08 – Tue 03/09 = statutory Mon 02/09 + adjacent Tue 03/09.
    daysOff: [
      { date: '2024-02-08', name: 'Nghỉ Tết Nguyên đán (nghỉ bù bố trí trước Tết)' },
      { date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4 - 1/5 (làm bù thứ Bảy 04/5)' },
    ],
    workingDays: [
      { date: '2024-02-15', name: 'Làm việc (ngày nghỉ bù Tết đã chuyển sang thứ Năm 08/02)' },
      { date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4' },
    ],
  },
  {
    year: 2025,
    source:
      'Thông báo của Bộ Lao động - Thương binh và Xã hội (Tết Ất Tỵ, 30/4 - 1/5) và của Bộ Nội vụ ' +
      '(Quốc khánh) về lịch nghỉ năm 2025 đối với cán bộ, công chức, viên chức (cần kiểm tra lại số, ngày văn bản)',
    // Tết Dương lịch: Wed 01/01 — statutory.
    // Tết Ất Tỵ: off Sat 25/01 – Sun 02/02, i.e. weekdays Mon 27/01 – Fri 31/01, no make-up day.
    //   Statutory: Tue 28/01 (29 tháng Chạp, the last day of the year) – Sat 01/02 (mùng 4);
    //   mùng 4 on a Saturday gives a compensation day, computed as Mon 03/02. The announcement
    //   placed it on Mon 27/01 instead, so 27/01 is added and 03/02 is worked.
    // Giỗ Tổ: Mon 07/04 — statutory.
    // 30/4 – 1/5: off Wed 30/04 – Sun 04/05; Fri 02/05 swapped with Sat 26/04.
    // Quốc khánh: off Sat 30/08 – Tue 02/09 = adjacent Mon 01/09 + statutory Tue 02/09.
    daysOff: [
      { date: '2025-01-27', name: 'Nghỉ Tết Nguyên đán (nghỉ bù bố trí trước Tết)' },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 - 1/5 (làm bù thứ Bảy 26/4)' },
    ],
    workingDays: [
      { date: '2025-02-03', name: 'Làm việc (ngày nghỉ bù Tết đã chuyển sang thứ Hai 27/01)' },
      { date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/5' },
    ],
  },
  {
    year: 2026,
    source:
      'Phương án nghỉ lễ, Tết năm 2026 đối với cán bộ, công chức, viên chức (Bộ Nội vụ): Tết Dương ' +
      'lịch và Tết Nguyên đán theo thông báo; Quốc khánh và 24/11 tính theo quy định chung (cần kiểm tra lại)',
    // Tết Dương lịch: Thu 01/01 statutory; Fri 02/01 swapped with Sat 10/01.
    // Tết Bính Ngọ: off Sat 14/02 – Sun 22/02 = statutory Mon 16/02 (29 tháng Chạp) – Fri 20/02
    //   plus the weekends around it; nothing to add.
    // Giỗ Tổ: Sun 26/04 → compensation Mon 27/04 by the statutory rule.
    // 30/4 – 1/5: Thu 30/04 and Fri 01/05 — statutory.
    // Quốc khánh: Wed 02/09 + adjacent Thu 03/09 by the default weekday choice (check).
    // Ngày Văn hóa Việt Nam: Tue 24/11, from CalendarRules.cultureDayFrom (check).
    daysOff: [{ date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01)' }],
    workingDays: [{ date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01' }],
  },
];
