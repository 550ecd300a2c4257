/** Public API of the calendar core: dates, the Vietnamese lunar calendar, holidays, working time. */
export type { CalendarDate, DateParts, Moment } from './date.js';
export {
  JDN_OF_DAY_ZERO,
  MS_PER_DAY,
  MS_PER_MINUTE,
  VIETNAM_UTC_OFFSET_HOURS,
  VIETNAM_UTC_OFFSET_MS,
  addDays,
  compareDates,
  dateOfMoment,
  dayNumberFromParts,
  dayNumberOfMoment,
  dayOfWeek,
  daysInMonth,
  daysInYear,
  diffDays,
  formatDate,
  formatMoment,
  formatTimeOfDay,
  fromDayNumber,
  fromVietnamese,
  isCalendarDate,
  isLeapYear,
  makeDate,
  maxDate,
  minDate,
  momentOf,
  momentOfDayNumber,
  msOfDayOfMoment,
  parseDate,
  parseTimeOfDay,
  partsFromDayNumber,
  toDayNumber,
  toVietnamese,
  tryToDayNumber,
  weekdayNameVi,
  yearOf,
} from './date.js';

export type { YearMonthDay } from './periods.js';
export {
  clampedYmd,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  formatViDate,
  isValidYmd,
  parseYmd,
  romanQuarter,
  startOfMonth,
  startOfQuarter,
  startOfYear,
  ymd,
} from './periods.js';

export type { LunarDate, LunarMonth } from './lunar.js';
export {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  VIETNAM_TIME_ZONE,
  canChiOfYear,
  leapMonthOf,
  lunarToSolar,
  lunarYearMonths,
  solarToLunar,
  tetOf,
} from './lunar.js';

export type {
  AdjacentSide,
  CalendarRules,
  Holiday,
  HolidayKind,
  QuocKhanhAdjacentRule,
  ScheduleEntry,
  YearSchedule,
} from './types.js';
export {
  DEFAULT_CALENDAR_RULES,
  DEFAULT_CULTURE_DAY_FROM,
  DEFAULT_QUOC_KHANH_ADJACENT,
  DEFAULT_TET_DAYS,
  HOLIDAY_NAMES,
  dayOffFlagsOf,
  holidaysOf,
  isDayNumberOff,
  isDayOff,
  makeUpWorkingDaysOf,
  mergeCalendarRules,
  statutoryHolidaysOf,
  validateYearSchedule,
} from './holidays.js';
export { OFFICIAL_SCHEDULES } from './official-schedules.js';

export type { AddCalendarDaysOptions, OfficeHours, WorkingCalendarOptions } from './working-time.js';
export { DEFAULT_OFFICE_HOURS, WorkingCalendar, createWorkingCalendar } from './working-time.js';
