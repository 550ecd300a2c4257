/**
 * A deadline reading (core/schedule's Schedule JSON) in Vietnamese words, and the simple
 * schedules a user can build when correcting a reading in the import preview.
 */
import type { Frequency, Schedule, ScheduleDue } from '../api/types.js';
import { formatDate } from './format.js';
import { FREQUENCY_LABELS } from './labels.js';

const lowerFirst = (s: string) => (s ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** One due date: "Cuối Quý I/2023 (31/03/2023)", "Ngày 05/11/2023". */
export function describeDue(d: ScheduleDue): string {
  const date = formatDate(d.date);
  const label = d.label?.trim();
  if (!label) return `Ngày ${date}`;
  switch (d.basis) {
    case 'exact':
      return label.includes(date) ? label : `${label} (${date})`;
    case 'end_of_quarter':
      return `Cuối ${label} (${date})`;
    case 'end_of_month':
    case 'end_of_year':
      return `Cuối ${lowerFirst(label)} (${date})`;
    case 'before_month':
      return `${label}: hạn ${date}`;
    case 'end_of_half':
    case 'end_of_school_year':
    case 'early_period':
    case 'mid_period':
    case 'week_of_month':
      return `${label} (${date})`;
  }
}

function describeFrequencies(s: { frequency: Frequency; frequencies?: Frequency[] | undefined }): string {
  const list = s.frequencies && s.frequencies.length > 0 ? s.frequencies : [s.frequency];
  return list.map((f, i) => (i === 0 ? FREQUENCY_LABELS[f] : lowerFirst(FREQUENCY_LABELS[f]))).join(' và ');
}

/** A whole schedule in words, as the import preview and the task page show it. */
export function describeSchedule(s: Schedule): string {
  switch (s.kind) {
    case 'fixed':
      return s.dues.map(describeDue).join('; ');
    case 'per_deliverable':
      return s.parts.map((p) => `${p.deliverable}: ${describeSchedule(p.schedule)}`).join('; ');
    case 'recurring': {
      let text = describeFrequencies(s);
      if (s.day) text += `, trước ngày ${s.day}`;
      if (s.from && s.to) text += ` (từ ${formatDate(s.from)} đến ${formatDate(s.to)})`;
      else if (s.from) text += ` (từ ${formatDate(s.from)})`;
      else if (s.to) text += ` (đến ${formatDate(s.to)})`;
      return text;
    }
    case 'continuous':
      return 'Thường xuyên — mỗi kỳ báo cáo';
    case 'event':
      return `Khi phát sinh: ${s.trigger}`;
    case 'unscheduled':
      return `Đột xuất, trong khoảng ${formatDate(s.from)} – ${formatDate(s.to)}`;
    case 'unparsed':
      return 'Chưa đọc được';
  }
}

/** What the user can choose when correcting a reading: simpler than what the reader produces. */
export type CorrectionKind = 'fixed' | 'recurring' | 'continuous' | 'event' | 'unscheduled';

export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  fixed: 'Ngày cụ thể',
  recurring: 'Định kỳ',
  continuous: 'Thường xuyên',
  event: 'Khi phát sinh',
  unscheduled: 'Đột xuất trong năm',
};

export interface CorrectionInput {
  kind: CorrectionKind;
  /** `YYYY-MM-DD`, for 'fixed'. */
  dates: (string | null)[];
  frequency: Frequency;
  /** Day of the period's last month, for 'recurring' (empty: end of the period). */
  day: number | null;
  trigger: string;
  planYear: number;
}

/**
 * A valid Schedule from the correction form, or the Vietnamese reason it is not one yet.
 * User-made dues carry `basis: 'exact'` and an empty span (they point at no text).
 */
export function buildSchedule(input: CorrectionInput): { schedule: Schedule } | { error: string } {
  switch (input.kind) {
    case 'fixed': {
      const dates = [...new Set(input.dates.filter((d): d is string => !!d))].sort();
      if (dates.length === 0) return { error: 'Chọn ít nhất một ngày.' };
      return {
        schedule: {
          kind: 'fixed',
          dues: dates.map((date) => ({
            date,
            basis: 'exact',
            label: `Ngày ${formatDate(date)}`,
            span: { start: 0, end: 0 },
          })),
        },
      };
    }
    case 'recurring':
      if (input.day !== null && (input.day < 1 || input.day > 31 || !Number.isInteger(input.day)))
        return { error: 'Ngày trong tháng phải từ 1 đến 31.' };
      return {
        schedule: {
          kind: 'recurring',
          frequency: input.frequency,
          ...(input.day !== null ? { day: input.day } : {}),
        },
      };
    case 'continuous':
      return { schedule: { kind: 'continuous' } };
    case 'event': {
      const trigger = input.trigger.replace(/\s+/g, ' ').trim();
      if (!trigger) return { error: 'Ghi sự kiện làm phát sinh nhiệm vụ, ví dụ “Khi có thay đổi”.' };
      return { schedule: { kind: 'event', trigger: trigger.slice(0, 2000) } };
    }
    case 'unscheduled':
      return {
        schedule: { kind: 'unscheduled', from: `${input.planYear}-01-01`, to: `${input.planYear}-12-31` },
      };
  }
}

/** The form's starting values for an existing schedule. */
export function correctionFrom(s: Schedule, planYear: number, deadlineText: string): CorrectionInput {
  const base: CorrectionInput = {
    kind: 'fixed',
    dates: [null],
    frequency: 'quarterly',
    day: null,
    trigger: deadlineText.replace(/\s+/g, ' ').trim(),
    planYear,
  };
  switch (s.kind) {
    case 'fixed':
      return { ...base, dates: s.dues.map((d) => d.date) };
    case 'per_deliverable': {
      const dates = s.parts.flatMap((p) =>
        p.schedule.kind === 'fixed' ? p.schedule.dues.map((d) => d.date) : [],
      );
      return { ...base, dates: dates.length > 0 ? dates : [null] };
    }
    case 'recurring':
      return { ...base, kind: 'recurring', frequency: s.frequency, day: s.day ?? null };
    case 'continuous':
      return { ...base, kind: 'continuous' };
    case 'event':
      return { ...base, kind: 'event', trigger: s.trigger };
    case 'unscheduled':
      return { ...base, kind: 'unscheduled' };
    case 'unparsed':
      return base;
  }
}

export interface TextSegment {
  text: string;
  marked: boolean;
}

/** Splits `text` into plain and highlighted pieces; spans are clamped, sorted and merged. */
export function highlightSegments(text: string, spans: { start: number; end: number }[]): TextSegment[] {
  const ranges = spans
    .map((s) => ({
      start: Math.max(0, Math.min(s.start, text.length)),
      end: Math.max(0, Math.min(s.end, text.length)),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const out: TextSegment[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), marked: false });
    out.push({ text: text.slice(r.start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}
