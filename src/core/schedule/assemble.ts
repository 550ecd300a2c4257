/**
 * Assembling a deadline part: the atoms the recognizers found in one part of the text → one
 * Schedule (fixed dates, a recurrence, continuous work, unscheduled, event-driven or mixed), with
 * how sure the reading is and the notes shown to the user. Used by parseDeadline.
 */
import { endOfYear, startOfYear } from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';
import type { Atom, DueItem } from './recognize-items.js';
import { eventReading } from './recognizers.js';
import { cleanSlice, originalSpan } from './text.js';
import type { FoldedText } from './text.js';
import type { DeliverablePart, Due, Frequency, ParseContext, Schedule } from './types.js';

export const FREQUENCY_ORDER: Frequency[] = ['monthly', 'quarterly', 'half_yearly', 'yearly'];
export const FREQUENCY_VI: Record<Frequency, string> = {
  monthly: 'hàng tháng',
  quarterly: 'hàng quý',
  half_yearly: '6 tháng',
  yearly: 'hàng năm',
};

export interface Range {
  start: number;
  end: number;
}

export interface Assembled {
  schedule: Schedule;
  factor: number;
  notes: string[];
  /** Folded ranges of the phrases that carried meaning. */
  spans: Range[];
}

export interface Env {
  raw: string;
  f: FoldedText;
  ctx: ParseContext;
  /** Understood: time phrases, labels and filler words. */
  covered: Uint8Array;
  /** Time phrases and labels only: an ignored passage runs across fillers but not across these. */
  phrases: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Assembly of one segment's atoms into a schedule

export function toDue(env: Env, item: DueItem): Due {
  return {
    date: item.date,
    basis: item.basis,
    label: item.label,
    span: originalSpan(env.f, item.start, item.end),
  };
}

export function isRecurringAtom(a: Atom): boolean {
  return a.type === 'recurring' || a.type === 'day';
}

export function unparsed(env: Env, notes: string[]): Assembled {
  return { schedule: { kind: 'unparsed', raw: env.raw }, factor: 0, notes, spans: [] };
}

export function assemble(env: Env, atoms: Atom[], seg: Range, depth = 0): Assembled {
  const notes: string[] = [];
  for (const a of atoms) {
    if (a.type === 'invalid') return unparsed(env, [a.message, 'Không hiểu được thời hạn; cần nhập tay']);
  }
  const timing = atoms.filter((a) => a.type !== 'reference' && a.type !== 'optional' && a.type !== 'ongoing');
  const ambiguous = timing.find((a) => a.type === 'ambiguous');
  if (ambiguous?.type === 'ambiguous' && timing.length === 1) {
    return unparsed(env, [ambiguous.message, 'Không hiểu được thời hạn; cần nhập tay']);
  }
  const spans: Range[] = atoms
    .filter((a) => a.type !== 'reference' && a.type !== 'optional' && a.type !== 'ambiguous')
    .map((a) => ({ start: a.start, end: a.end }));
  let factor = 1;
  // "hàng tháng trong năm học": the window is unknown, so the reading is uncertain.
  if (ambiguous?.type === 'ambiguous') {
    factor = 0.5;
    notes.push(ambiguous.message);
  }
  for (const a of atoms) {
    if (a.type === 'optional') notes.push('Có ghi "(nếu có)": nhiệm vụ không bắt buộc');
    if (a.type === 'ongoing') notes.push('"Các năm tiếp theo": nhiệm vụ tiếp tục ở các năm sau');
  }

  const dueItems = atoms.flatMap((a) => (a.type === 'due' ? a.items : []));
  const recurring = atoms.filter(isRecurringAtom);
  const continuous = atoms.filter((a) => a.type === 'continuous');
  const unscheduled = atoms.find((a) => a.type === 'unscheduled');

  // "Kiểm tra đột xuất trong năm [2023]": no date, but bounded by the year.
  if (unscheduled?.type === 'unscheduled') {
    if (dueItems.some((i) => !i.window) || recurring.length > 0) return mixed(env, atoms, seg, depth);
    const year = unscheduled.year ?? dueItems.find((i) => i.basis === 'end_of_year')?.date.slice(0, 4);
    const y = year === undefined ? env.ctx.planYear : Number(year);
    const from = startOfYear(y);
    const to = endOfYear(y);
    notes.unshift(`Đột xuất trong năm ${y} (01/01/${y} – 31/12/${y}): không có hạn cố định`);
    return { schedule: { kind: 'unscheduled', from, to }, factor, notes, spans };
  }

  if (recurring.length > 0)
    return assembleRecurring(env, atoms, seg, depth, {
      dueItems,
      recurring,
      continuous,
      factor,
      notes,
      spans,
    });

  // "Thường xuyên trong năm 2023": the year only bounds continuous work.
  if (continuous.length > 0 && dueItems.length > 0 && dueItems.every((i) => i.window)) {
    notes.push(...dueItems.map((i) => `Trong khoảng ${viDate(i.from)} – ${viDate(i.date)}`));
    dueItems.length = 0;
  }

  if (dueItems.length > 0) {
    let items = dueItems;
    const range = findRange(items);
    if (range !== null) {
      notes.push(`Thực hiện từ ${viDate(range.from.from)} đến ${range.to.label}: hạn là mốc cuối`);
      items = items.filter((i) => i !== range.from);
    }
    return fixedFrom(env, items, continuous, factor, notes, spans);
  }

  if (continuous.length > 0) {
    for (const c of continuous) {
      if (c.type === 'continuous') {
        factor = Math.min(factor, c.factor);
        if (!notes.includes(c.note)) notes.unshift(c.note);
      }
    }
    return { schedule: { kind: 'continuous' }, factor, notes, spans };
  }

  // No time expression at all: event-driven wording, or not understood.
  return eventDriven(env, seg, notes) ?? unparsed(env, ['Không hiểu được thời hạn; cần nhập tay']);
}

/** What `assemble` has sorted out of a part's atoms, handed to the readings of one kind. */
export interface Sorted {
  dueItems: DueItem[];
  recurring: Atom[];
  continuous: Atom[];
  factor: number;
  notes: string[];
  spans: Range[];
}

/** A recurrence ("hàng quý", "trước ngày 5 hàng tháng"), with its window when the text gives one. */
export function assembleRecurring(
  env: Env,
  atoms: Atom[],
  seg: Range,
  depth: number,
  sorted: Sorted,
): Assembled {
  const { dueItems, recurring, continuous, factor, notes, spans } = sorted;
  // A whole year or school year next to a recurrence is its window, not a due date.
  const windows = dueItems.filter((i) => i.window);
  let rest = dueItems.filter((i) => !i.window);
  let from: CalendarDate | undefined;
  let to: CalendarDate | undefined;
  for (const w of windows) {
    if (from === undefined || w.from < from) from = w.from;
    if (to === undefined || w.date > to) to = w.date;
  }
  const range = findRange(rest);
  if (range !== null) {
    from = range.from.from;
    to = range.to.date;
    rest = rest.filter((i) => i !== range.from && i !== range.to);
  }
  // "trước ngày 15/12 hàng năm": a yearly date; this plan's year gives its one occurrence.
  const yearlyOnly = recurring.every(
    (a) => a.type === 'recurring' && a.frequencies.every((f) => f === 'yearly'),
  );
  if (rest.length > 0 && yearlyOnly && rest.every((i) => i.basis === 'exact')) {
    return fixedFrom(
      env,
      rest,
      continuous,
      factor,
      [...notes, 'Lặp lại hàng năm; kế hoạch năm nay lấy mốc của năm nay'],
      spans,
    );
  }
  if (rest.length > 0) return mixed(env, atoms, seg, depth);

  const frequencies: Frequency[] = [];
  let day: number | undefined;
  for (const a of recurring) {
    if (a.type === 'recurring') frequencies.push(...a.frequencies);
    if (a.type === 'day') {
      frequencies.push(a.frequency);
      day = a.day;
    }
  }
  const ordered = FREQUENCY_ORDER.filter((f) => frequencies.includes(f));
  const schedule: Schedule = { kind: 'recurring', frequency: ordered[0] ?? 'quarterly' };
  if (ordered.length > 1) schedule.frequencies = ordered;
  if (day !== undefined) schedule.day = day;
  if (from !== undefined) schedule.from = from;
  if (to !== undefined) schedule.to = to;
  const words = ordered.map((f) => FREQUENCY_VI[f]).join(' và ');
  let note = `Định kỳ ${words}`;
  if (day !== undefined) note += `, trước ngày ${day} của tháng cuối mỗi kỳ`;
  if (from !== undefined && to !== undefined) note += ` (từ ${viDate(from)} đến ${viDate(to)})`;
  notes.unshift(note);
  return { schedule, factor, notes, spans };
}

/** Event-driven wording ("khi có văn bản chỉ đạo"): the due date is the event's; null when none. */
export function eventDriven(env: Env, seg: Range, notes: string[]): Assembled | null {
  const text = env.f.text.slice(seg.start, seg.end);
  const event = eventReading(text);
  if (event !== null) {
    const lead = text.length - text.trimStart().length;
    seg = { start: seg.start + lead, end: seg.start + text.trimEnd().length };
    const trigger = cleanSlice(env.raw, originalSpan(env.f, seg.start, seg.end));
    const out: string[] = [`Theo sự kiện: "${trigger}" — hạn là ngày sự kiện được ghi nhận`];
    if (event.relative !== undefined) {
      const unit = event.relative.working ? 'ngày làm việc' : 'ngày';
      out.push(`Thời hạn ${event.relative.days} ${unit} tính từ sự kiện; cần nhập ngày sự kiện`);
    }
    env.covered.fill(1, seg.start, seg.end);
    return {
      schedule: { kind: 'event', trigger },
      factor: event.factor,
      notes: [...out, ...notes],
      spans: [{ start: seg.start, end: seg.end }],
    };
  }
  return null;
}

export function fixedFrom(
  env: Env,
  items: DueItem[],
  continuous: Atom[],
  factorIn: number,
  notes: string[],
  spans: Range[],
): Assembled {
  const byDate = new Map<CalendarDate, DueItem>();
  for (const item of items) if (!byDate.has(item.date)) byDate.set(item.date, item);
  const sorted = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let factor = factorIn;
  for (const item of sorted) factor = Math.min(factor, item.factor);
  if (continuous.length > 0) notes.push('Có ghi thực hiện thường xuyên; hạn theo các mốc trên');
  return {
    schedule: { kind: 'fixed', dues: sorted.map((i) => toDue(env, i)) },
    factor,
    notes: [...sorted.map((i) => i.note), ...notes],
    spans,
  };
}

/** "từ tháng 3 đến tháng 6/2023": two consecutive items, the second introduced by đến/tới. */
export function findRange(items: DueItem[]): { from: DueItem; to: DueItem } | null {
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1]!;
    if (a.lead === 'tu' && (b.lead === 'den' || b.lead === 'toi')) return { from: a, to: b };
  }
  return null;
}

/**
 * One-off dates and a recurrence in one sentence without "Label:" parts
 * ("Kế hoạch tháng 3/2023, báo cáo hàng quý"): split into parts at the change of kind, each
 * named by the words before it.
 */
export function mixed(env: Env, atoms: Atom[], seg: Range, depth: number): Assembled {
  if (depth > 0) return unparsed(env, ['Không hiểu được thời hạn; cần nhập tay']);
  const timing = atoms.filter(
    (a) => a.type === 'due' || a.type === 'continuous' || a.type === 'unscheduled' || isRecurringAtom(a),
  );
  const kindOf = (a: Atom): string => (isRecurringAtom(a) ? 'r' : a.type === 'unscheduled' ? 'u' : 'f');
  const runs: Atom[][] = [];
  for (const a of timing) {
    const last = runs[runs.length - 1];
    const lastKind = last === undefined ? null : kindOf(last[0]!);
    // A whole year right after a recurrence or "đột xuất" is its window: same part.
    const isWindow = a.type === 'due' && a.items.every((i) => i.window);
    if (last !== undefined && (lastKind === kindOf(a) || (isWindow && lastKind !== 'f'))) last.push(a);
    else runs.push([a]);
  }
  const parts: DeliverablePart[] = [];
  const notes: string[] = [];
  const spans: Range[] = [];
  let factor = 1;
  let prevEnd = seg.start;
  runs.forEach((run, i) => {
    const runStart = run[0]!.start;
    const runEnd = i + 1 < runs.length ? runs[i + 1]![0]!.start : seg.end;
    const after = labelAfter(env, run[run.length - 1]!.end);
    const name =
      after?.name ?? labelBetween(env, prevEnd, runStart) ?? env.ctx.deliverables?.[i] ?? `Phần ${i + 1}`;
    const inner = assemble(env, run, { start: runStart, end: run[run.length - 1]!.end }, depth + 1);
    parts.push({
      deliverable: name,
      schedule: inner.schedule,
      span: originalSpan(
        env.f,
        skipSeparators(env, Math.min(prevEnd, runStart)),
        after?.end ?? run[run.length - 1]!.end,
      ),
    });
    notes.push(...inner.notes.map((n) => `${name}: ${n}`));
    spans.push(...inner.spans);
    factor = Math.min(factor, inner.factor);
    prevEnd = Math.min(runEnd, after?.end ?? run[run.length - 1]!.end);
  });
  return { schedule: { kind: 'per_deliverable', parts }, factor, notes, spans };
}

export function skipSeparators(env: Env, start: number): number {
  let i = start;
  while (i < env.f.text.length && /[\s,;.+&-]/.test(env.f.text[i] ?? '')) i++;
  return i;
}

export const PAREN_LABEL = /^\s*\(([^()]{1,60})\)/;

/** "Quý I/2023 (Kế hoạch); hàng quý (Báo cáo)": the deliverable named in brackets after its date. */
export function labelAfter(env: Env, end: number): { name: string; end: number } | null {
  const m = PAREN_LABEL.exec(env.f.text.slice(end));
  if (m === null || /^\s*neu co\s*$/.test(m[1] ?? '')) return null;
  const open = end + m[0].indexOf('(');
  const close = end + m[0].length;
  env.covered.fill(1, open, close);
  env.phrases.fill(1, open, close);
  const name = cleanSlice(env.raw, originalSpan(env.f, open + 1, close - 1));
  return name === '' ? null : { name, end: close };
}

export const CONNECTOR = /^(?:[\s,;:.+&-]|va\b|hoac\b)+|(?:[\s,;:.+&-]|\bva|\bhoac)+$/g;

/** The words between two phrases, as a deliverable name ("báo cáo" in "…, báo cáo hàng quý"). */
export function labelBetween(env: Env, start: number, end: number): string | null {
  const folded = env.f.text.slice(start, end);
  const trimmed = folded.replace(CONNECTOR, '');
  if (!/[a-z]/.test(trimmed)) return null;
  const offset = folded.indexOf(trimmed);
  const s = start + offset;
  const e = s + trimmed.length;
  env.covered.fill(1, s, e);
  env.phrases.fill(1, s, e);
  return cleanSlice(env.raw, originalSpan(env.f, s, e)) || null;
}

export function viDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
