/**
 * A schedule → the concrete occurrences a task must be done (and evidenced) on.
 *
 * Keys are the identity of an occurrence across re-imports of the same plan, so they derive only
 * from what the occurrence IS (its date, its period, its deliverable), never from list positions:
 * "2023-03-31", "2023-Q2", "2023-M01", "2023-Y", "kehoach:2023-01-31", "event:2023-05-02".
 */
import {
  clampedYmd,
  diffDays as daysBetween,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  formatViDate,
  parseYmd,
  romanQuarter,
  startOfMonth,
  startOfQuarter,
  startOfYear,
  ymd,
} from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';
import { periodContaining, reportingPeriods } from './reporting-periods.js';
import { slug } from './text.js';
import type {
  ExpandContext,
  Frequency,
  Occurrence,
  RecurringSchedule,
  ReportingPeriod,
  Schedule,
} from './types.js';

export type Timeliness = 'early' | 'on_time' | 'late';
export type DueState = 'overdue' | 'due_soon' | 'upcoming' | 'none';

/** early = done before the due date, on_time = on it, late = after ("trước ngày X" means by X). */
export function timeliness(due: CalendarDate, completedOn: CalendarDate): Timeliness {
  if (completedOn < due) return 'early';
  return completedOn === due ? 'on_time' : 'late';
}

/**
 * Where an open occurrence stands today: overdue once the due day has passed; due_soon from
 * `dueSoonDays` days before up to the due day itself; none when there is no due date yet.
 */
export function dueState(due: CalendarDate | null, today: CalendarDate, dueSoonDays = 7): DueState {
  if (due === null) return 'none';
  if (today > due) return 'overdue';
  return daysBetween(today, due) <= dueSoonDays ? 'due_soon' : 'upcoming';
}

export function expandSchedule(schedule: Schedule, ctx: ExpandContext): Occurrence[] {
  // Without configured periods the defaults of the plan year apply (05/3, 05/6, 05/9, 05/12).
  const periods = ctx.periods.length > 0 ? ctx.periods : reportingPeriods(ctx.planYear);
  return expand(schedule, { ...ctx, periods });
}

function byDue(a: Occurrence, b: Occurrence): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function dated(key: string, due: CalendarDate, label: string, periods: ReportingPeriod[]): Occurrence {
  const o: Occurrence = { key, due, label };
  const p = periodContaining(periods, due);
  if (p !== undefined) o.periodKey = p.key;
  return o;
}

function expand(schedule: Schedule, ctx: ExpandContext): Occurrence[] {
  const { periods } = ctx;
  switch (schedule.kind) {
    case 'fixed':
      return schedule.dues
        .map((d) => dated(d.date, d.date, d.label ?? `Hạn ${formatViDate(d.date)}`, periods))
        .sort(byDue);

    case 'per_deliverable': {
      const used = new Set<string>();
      return schedule.parts.flatMap((part, i) => {
        let prefix = slug(part.deliverable) || `phan${i + 1}`;
        if (used.has(prefix)) prefix = `${prefix}-${i + 1}`;
        used.add(prefix);
        return expand(part.schedule, ctx).map((o) => ({
          ...o,
          key: `${prefix}:${o.key}`,
          deliverable:
            o.deliverable === undefined ? part.deliverable : `${part.deliverable} – ${o.deliverable}`,
        }));
      });
    }

    case 'recurring':
      return expandRecurring(schedule, ctx).sort(byDue);

    case 'continuous':
      // Reported on in every reporting period, due with that period's report.
      return periods.map((p) => ({ key: p.key, due: p.dueDate, label: p.label, periodKey: p.key }));

    case 'event': {
      const events = [...(ctx.events ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      if (events.length === 0)
        return [{ key: 'event', due: null, label: `Chờ sự kiện: ${schedule.trigger}` }];
      const seen = new Map<string, number>();
      return events.map((e) => {
        const n = (seen.get(e.date) ?? 0) + 1;
        seen.set(e.date, n);
        const key = n === 1 ? `event:${e.date}` : `event:${e.date}#${n}`;
        return dated(key, e.date, e.note ?? `Phát sinh ngày ${formatViDate(e.date)}`, periods);
      });
    }

    case 'unscheduled': {
      const { from, to } = schedule;
      const fullYear =
        from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31');
      const label = fullYear
        ? `Đột xuất trong năm ${from.slice(0, 4)}`
        : `Đột xuất (${formatViDate(from)} – ${formatViDate(to)})`;
      return [dated(`unscheduled:${from}_${to}`, to, label, periods)];
    }

    case 'unparsed':
      return [{ key: 'unparsed', due: null, label: 'Chưa xác định thời hạn' }];
  }
}

interface Slot {
  key: string;
  label: string;
  start: CalendarDate;
  end: CalendarDate;
  lastMonth: number;
  year: number;
}

function slots(frequency: Frequency, year: number): Slot[] {
  switch (frequency) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => ({
        key: `${year}-M${String(i + 1).padStart(2, '0')}`,
        label: `Tháng ${i + 1}/${year}`,
        start: startOfMonth(year, i + 1),
        end: endOfMonth(year, i + 1),
        lastMonth: i + 1,
        year,
      }));
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => ({
        key: `${year}-Q${q}`,
        label: `Quý ${romanQuarter(q)}/${year}`,
        start: startOfQuarter(year, q),
        end: endOfQuarter(year, q),
        lastMonth: q * 3,
        year,
      }));
    case 'half_yearly':
      return [1, 2].map((h) => ({
        key: `${year}-H${h}`,
        label: `6 tháng ${h === 1 ? 'đầu' : 'cuối'} năm ${year}`,
        start: ymd(year, h === 1 ? 1 : 7, 1),
        end: endOfMonth(year, h * 6),
        lastMonth: h * 6,
        year,
      }));
    case 'yearly':
      return [
        {
          key: `${year}-Y`,
          label: `Năm ${year}`,
          start: startOfYear(year),
          end: endOfYear(year),
          lastMonth: 12,
          year,
        },
      ];
  }
}

/**
 * Due date of one recurrence:
 * - with a day ("trước ngày 5 hàng quý"): day D of the period's LAST month — the sample's
 *   quarterly reports are due 05/3, 05/6, 05/9, 05/12, i.e. day 5 of March, June, September,
 *   December; a day past the month's end is that month's last day;
 * - without: a quarter / half / year ends on the same day as one of the superior's reporting
 *   periods (quarter II ≙ "6 tháng", quarter IV ≙ "năm"), so it is due with that report;
 * - otherwise (months, or no matching period): the last day of the period.
 */
function expandRecurring(s: RecurringSchedule, ctx: ExpandContext): Occurrence[] {
  const from = s.from ?? startOfYear(ctx.planYear);
  const to = s.to ?? endOfYear(ctx.planYear);
  if (from > to) return [];
  const out: Occurrence[] = [];
  for (const frequency of s.frequencies ?? [s.frequency]) {
    for (let year = parseYmd(from).year; year <= parseYmd(to).year; year++) {
      for (const slot of slots(frequency, year)) {
        if (slot.end < from || slot.start > to) continue;
        if (s.day !== undefined) {
          out.push(dated(slot.key, clampedYmd(slot.year, slot.lastMonth, s.day), slot.label, ctx.periods));
          continue;
        }
        const report = frequency === 'monthly' ? undefined : reportEndingOn(ctx.periods, slot.end);
        if (report !== undefined) {
          out.push({ key: slot.key, due: report.dueDate, label: slot.label, periodKey: report.key });
        } else {
          out.push(dated(slot.key, slot.end, slot.label, ctx.periods));
        }
      }
    }
  }
  return out;
}

function reportEndingOn(periods: ReportingPeriod[], end: CalendarDate): ReportingPeriod | undefined {
  let best: ReportingPeriod | undefined;
  for (const p of periods) if (p.to === end && (best === undefined || p.from > best.from)) best = p;
  return best;
}
