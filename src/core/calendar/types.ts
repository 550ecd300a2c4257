import type { CalendarDate } from './date.js';

/**
 * - 'statutory': a public holiday of Labour Code 2019 art. 112 (on its legal date, even when
 *   that date is a weekend day);
 * - 'compensation': the day off in lieu ("nghỉ bù") of a statutory holiday that fell on a
 *   weekly rest day (Labour Code 2019 art. 111(3));
 * - 'announced': an extra day off from the government's announced schedule for the year.
 */
export type HolidayKind = 'statutory' | 'compensation' | 'announced';

export interface Holiday {
  date: CalendarDate;
  /** Vietnamese name, e.g. 'Tết Nguyên đán', 'Nghỉ bù Giỗ Tổ Hùng Vương'. */
  name: string;
  kind: HolidayKind;
  /** Optional detail, e.g. the lunar date ('29 tháng Chạp') or the day compensated for. */
  detail?: string;
}

export interface ScheduleEntry {
  date: CalendarDate;
  name: string;
}

/**
 * A year's officially announced schedule (for civil servants): days off on top of the statutory
 * ones, and days worked ("làm bù", or a computed compensation day that the announcement moved
 * elsewhere). See holidays.ts for how it combines with the statutory rule.
 */
export interface YearSchedule {
  year: number;
  daysOff: ScheduleEntry[];
  workingDays: ScheduleEntry[];
  /** Where the data comes from (document number, date); mark uncertain data with "(check)". */
  source?: string;
}

export type AdjacentSide = 'before' | 'after';

/**
 * Which adjacent day goes with Quốc khánh 2/9 (Labour Code 2019 art. 112(1)(đ): "ngày 02 tháng 9
 * dương lịch và 01 ngày liền kề trước hoặc sau"): always 1/9, always 3/9, or chosen by the
 * weekday of 2/9 (`byWeekday[0]` is for a Sunday 2/9 … `byWeekday[6]` for a Saturday).
 */
export type QuocKhanhAdjacentRule = AdjacentSide | { byWeekday: readonly AdjacentSide[] };

export interface CalendarRules {
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. Default [0, 6]. */
  weekend: readonly number[];
  /**
   * The 5 Tết days as offsets from mùng 1 tháng Giêng (0 = Tết day, −1 = the last day of the
   * old lunar year). Default [−1, 0, 1, 2, 3]. Art. 112(3) lets the Prime Minister choose them.
   */
  tetDays?: readonly number[];
  /** Default: by weekday (see DEFAULT_QUOC_KHANH_ADJACENT). */
  quocKhanhAdjacent?: QuocKhanhAdjacentRule;
  /** First year 24/11 (Ngày Văn hóa Việt Nam) is a day off; null: never. Default 2026 (check). */
  cultureDayFrom: number | null;
  /** Announced schedules, authoritative for their years (see holidays.ts). */
  overrides: readonly YearSchedule[];
}
