import type { CalendarDate } from '../calendar/index.js';

/** Offsets into the ORIGINAL deadline text (UTF-16 code units, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

export type Frequency = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';

/** How a due date was derived from the text. */
export type DueBasis =
  /** "Trước ngày 05/11/2023", "31/12/2023", "ngày 15 tháng 12 năm 2023" */
  | 'exact'
  /** "Tháng 3/2023", "cuối tháng 3" */
  | 'end_of_month'
  /** "Quý I/2023", "Q2/2023", "cuối quý II" */
  | 'end_of_quarter'
  /** "6 tháng đầu năm" (30/06), "6 tháng cuối năm" (31/12) */
  | 'end_of_half'
  /** "Trong năm 2023", "cuối năm" */
  | 'end_of_year'
  /** "Trước tháng 11/2023" → last day of the month before */
  | 'before_month'
  /** "năm học 2023-2024" → last day of the school year */
  | 'end_of_school_year'
  /** "đầu năm / đầu quý / đầu tháng" — an approximate reading, lower confidence */
  | 'early_period'
  /** "giữa năm / giữa quý / giữa tháng" — an approximate reading, lower confidence */
  | 'mid_period'
  /** "tuần đầu tháng 3", "tuần 2 tháng 3" — an approximate reading, lower confidence */
  | 'week_of_month';

export interface Due {
  date: CalendarDate;
  basis: DueBasis;
  /** Short Vietnamese label: "Quý II/2023", "Tháng 3/2023", "Ngày 05/11/2023". */
  label?: string;
  span: Span;
}

export interface DeliverablePart {
  /** The deliverable as written in the deadline cell ("Kế hoạch", "Báo cáo năm"). */
  deliverable: string;
  schedule: Schedule;
  span: Span;
}

export interface FixedSchedule {
  kind: 'fixed';
  /** Sorted by date, no two on the same date. */
  dues: Due[];
}

export interface PerDeliverableSchedule {
  kind: 'per_deliverable';
  parts: DeliverablePart[];
}

export interface RecurringSchedule {
  kind: 'recurring';
  /** The finest frequency (monthly < quarterly < half_yearly < yearly). */
  frequency: Frequency;
  /** All frequencies, finest first, only when there are several ("hàng quý, năm"). */
  frequencies?: Frequency[];
  /** "trước ngày 5 hàng quý": day 5 of the LAST month of each period (see README). */
  day?: number;
  /** Window the recurrence is limited to ("hàng tháng trong năm học 2023-2024"). */
  from?: CalendarDate;
  to?: CalendarDate;
}

export interface ContinuousSchedule {
  kind: 'continuous';
}

export interface EventSchedule {
  kind: 'event';
  /** The triggering condition as written (NFC, spaces collapsed). */
  trigger: string;
}

export interface UnscheduledSchedule {
  kind: 'unscheduled';
  from: CalendarDate;
  to: CalendarDate;
}

export interface UnparsedSchedule {
  kind: 'unparsed';
  raw: string;
}

export type Schedule =
  | FixedSchedule
  | PerDeliverableSchedule
  | RecurringSchedule
  | ContinuousSchedule
  | EventSchedule
  | UnscheduledSchedule
  | UnparsedSchedule;

export interface DeadlineReading {
  /** The text exactly as given; every span indexes into it. */
  raw: string;
  schedule: Schedule;
  /** 0 = not understood; 1 = the whole text matched cleanly. */
  confidence: number;
  /** The phrases that carried the meaning, in text order. */
  spans: Span[];
  /** Vietnamese explanations, e.g. "Cuối quý II/2023 (30/06/2023)". */
  notes: string[];
}

export interface SchoolYearSettings {
  /** First day of the school year, in its first calendar year (default 5 September). */
  startMonth: number;
  startDay: number;
  /** Last day of the school year, in its second calendar year (default 31 May). */
  endMonth: number;
  endDay: number;
}

export interface ParseContext {
  planYear: number;
  /** The task's deliverables (column "Sản phẩm"), used to name unlabeled per-deliverable parts. */
  deliverables?: string[];
  schoolYear?: SchoolYearSettings;
}

export interface ReportingPeriod {
  /** '2023-Q1' | '2023-H1' | '2023-Q3' | '2023-Y' */
  key: string;
  /** 'Quý I/2023' | '6 tháng đầu năm 2023' | 'Quý III/2023' | 'Năm 2023' */
  label: string;
  /** The period the report covers. */
  from: CalendarDate;
  to: CalendarDate;
  /** When the report is due to the superior. */
  dueDate: CalendarDate;
  /** The figures' cut-off window (Decree 09/2019). */
  cutoffFrom: CalendarDate;
  cutoffTo: CalendarDate;
}

export interface Occurrence {
  /** Stable across re-imports: "2023-Q2", "2023-03-31", "kehoach:2023-01-31", "event:2023-05-02". */
  key: string;
  due: CalendarDate | null;
  /** Vietnamese: "Quý II/2023". */
  label: string;
  deliverable?: string;
  /** The reporting period the occurrence falls in, when there is one. */
  periodKey?: string;
}

export interface RecordedEvent {
  date: CalendarDate;
  note?: string;
}

export interface ExpandContext {
  planYear: number;
  periods: ReportingPeriod[];
  events?: RecordedEvent[];
}
