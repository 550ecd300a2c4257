/**
 * parseDeadline: the free-Vietnamese "Thời gian hoàn thành" cell of a plan → a typed schedule.
 *
 * Pipeline: fold the text (diacritics, case, NFC/NFD, HTML tags — text.ts) → split per-deliverable
 * parts ("- Kế hoạch: … - Báo cáo: …") → recognize time phrases (recognizers.ts) → assemble each
 * part into a Schedule → score how much of the text was understood. A phrase that yields no time
 * expression and no event wording is `unparsed` with confidence 0: a date is never guessed.
 */
import { endOfYear, startOfYear } from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';
import { claim, eventReading, markFillers, recognize } from './recognizers.js';
import type { Atom, DueItem, RecognizeEnv } from './recognizers.js';
import { cleanSlice, foldText, originalSpan } from './text.js';
import type { FoldedText } from './text.js';
import type {
  DeadlineReading,
  DeliverablePart,
  Due,
  Frequency,
  ParseContext,
  Schedule,
  SchoolYearSettings,
  Span,
} from './types.js';

/** Vietnamese school year (Ministry of Education framework): 5 September → 31 May. */
export const DEFAULT_SCHOOL_YEAR: SchoolYearSettings = {
  startMonth: 9,
  startDay: 5,
  endMonth: 5,
  endDay: 31,
};

const FREQUENCY_ORDER: Frequency[] = ['monthly', 'quarterly', 'half_yearly', 'yearly'];
const FREQUENCY_VI: Record<Frequency, string> = {
  monthly: 'hàng tháng',
  quarterly: 'hàng quý',
  half_yearly: '6 tháng',
  yearly: 'hàng năm',
};

interface Range {
  start: number;
  end: number;
}

interface Assembled {
  schedule: Schedule;
  factor: number;
  notes: string[];
  /** Folded ranges of the phrases that carried meaning. */
  spans: Range[];
}

interface Env {
  raw: string;
  f: FoldedText;
  ctx: ParseContext;
  /** Understood: time phrases, labels and filler words. */
  covered: Uint8Array;
  /** Time phrases and labels only: an ignored passage runs across fillers but not across these. */
  phrases: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Per-deliverable parts

/** Labels that name the time, not a deliverable ("Thời gian: Quý I/2023"). */
const TIME_LABELS = new Set([
  'thoi gian',
  'thoi han',
  'han',
  'han chot',
  'hoan thanh',
  'thoi gian hoan thanh',
]);
const BULLET = /(?:^|\s)[-+*•](?=\s*[a-z(])/g;
const LABEL = /^\s*([a-z][^:;/\n]{0,59}?)\s*:\s*/;

interface PartRange extends Range {
  /** Folded range of a "Label:" prefix, when there is one. */
  label?: Range;
}

function splitParts(text: string): { parts: PartRange[]; bulleted: boolean } | null {
  const first = text.search(/\S/);
  if (first < 0) return null;
  const bulleted = /[-+*•]/.test(text[first] ?? '');
  const labeled = LABEL.test(text);
  if (!bulleted && !labeled) return null;
  const seps: Range[] = [];
  for (const m of text.matchAll(BULLET)) seps.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(/[;\n]/g)) seps.push({ start: m.index, end: m.index + 1 });
  seps.sort((a, b) => a.start - b.start);
  const parts: PartRange[] = [];
  let pos = 0;
  for (const sep of [...seps, { start: text.length, end: text.length }]) {
    let s = pos;
    let e = sep.start;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) parts.push({ start: s, end: e });
    pos = Math.max(pos, sep.end);
  }
  for (const part of parts) {
    const m = LABEL.exec(text.slice(part.start, part.end));
    if (m !== null && !TIME_LABELS.has((m[1] ?? '').trim())) {
      part.label = { start: part.start, end: part.start + m[0].length };
    }
  }
  return { parts, bulleted };
}

// ---------------------------------------------------------------------------------------------
// Assembly of one segment's atoms into a schedule

function toDue(env: Env, item: DueItem): Due {
  return {
    date: item.date,
    basis: item.basis,
    label: item.label,
    span: originalSpan(env.f, item.start, item.end),
  };
}

function isRecurringAtom(a: Atom): boolean {
  return a.type === 'recurring' || a.type === 'day';
}

function unparsed(env: Env, notes: string[]): Assembled {
  return { schedule: { kind: 'unparsed', raw: env.raw }, factor: 0, notes, spans: [] };
}

function assemble(env: Env, atoms: Atom[], seg: Range, depth = 0): Assembled {
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

  if (recurring.length > 0) {
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
  return unparsed(env, ['Không hiểu được thời hạn; cần nhập tay']);
}

function fixedFrom(
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
function findRange(items: DueItem[]): { from: DueItem; to: DueItem } | null {
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
function mixed(env: Env, atoms: Atom[], seg: Range, depth: number): Assembled {
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

function skipSeparators(env: Env, start: number): number {
  let i = start;
  while (i < env.f.text.length && /[\s,;.+&-]/.test(env.f.text[i] ?? '')) i++;
  return i;
}

const PAREN_LABEL = /^\s*\(([^()]{1,60})\)/;

/** "Quý I/2023 (Kế hoạch); hàng quý (Báo cáo)": the deliverable named in brackets after its date. */
function labelAfter(env: Env, end: number): { name: string; end: number } | null {
  const m = PAREN_LABEL.exec(env.f.text.slice(end));
  if (m === null || /^\s*neu co\s*$/.test(m[1] ?? '')) return null;
  const open = end + m[0].indexOf('(');
  const close = end + m[0].length;
  env.covered.fill(1, open, close);
  env.phrases.fill(1, open, close);
  const name = cleanSlice(env.raw, originalSpan(env.f, open + 1, close - 1));
  return name === '' ? null : { name, end: close };
}

const CONNECTOR = /^(?:[\s,;:.+&-]|va\b|hoac\b)+|(?:[\s,;:.+&-]|\bva|\bhoac)+$/g;

/** The words between two phrases, as a deliverable name ("báo cáo" in "…, báo cáo hàng quý"). */
function labelBetween(env: Env, start: number, end: number): string | null {
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

function viDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

// ---------------------------------------------------------------------------------------------
// Confidence and notes about ignored text

const SIGNIFICANT = /[\p{L}\p{N}]/u;

function ignoredRuns(env: Env, seg: Range): Range[] {
  const runs: Range[] = [];
  let cur: Range | null = null;
  for (let i = seg.start; i < seg.end; i++) {
    const ch = env.f.text[i] ?? '';
    if (env.phrases[i] === 1) {
      cur = null;
      continue;
    }
    if (env.covered[i] === 1) continue;
    if (!SIGNIFICANT.test(ch)) continue;
    if (cur === null) {
      cur = { start: i, end: i + 1 };
      runs.push(cur);
    } else cur.end = i + 1;
  }
  return runs;
}

function coverageScore(env: Env, seg: Range): { score: number; ignored: Range[] } {
  let total = 0;
  let ignored = 0;
  for (let i = seg.start; i < seg.end; i++) {
    if (!SIGNIFICANT.test(env.f.text[i] ?? '')) continue;
    total++;
    if (env.covered[i] !== 1) ignored++;
  }
  if (total === 0 || ignored === 0) return { score: 1, ignored: [] };
  return { score: Math.max(0.5, 1 - (0.5 * ignored) / total), ignored: ignoredRuns(env, seg) };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Entry point

function emptyReading(raw: string): DeadlineReading {
  return {
    raw,
    schedule: { kind: 'unparsed', raw },
    confidence: 0,
    spans: [],
    notes: ['Không hiểu được thời hạn; cần nhập tay'],
  };
}

/**
 * Reads a deadline phrase. Pure and total: never throws, never invents a date.
 *
 * @example parseDeadline('Quý II /2023', { planYear: 2023 }).schedule
 *   // → { kind: 'fixed', dues: [{ date: '2023-06-30', basis: 'end_of_quarter', label: 'Quý II/2023', … }] }
 */
export function parseDeadline(text: string, ctx: ParseContext): DeadlineReading {
  const raw = typeof text === 'string' ? text : '';
  try {
    return read(raw, ctx);
  } catch {
    // Defensive: a bug in a recognizer must not break an import; the row is flagged instead.
    return emptyReading(raw);
  }
}

function read(raw: string, ctx: ParseContext): DeadlineReading {
  const f = foldText(raw);
  const env: Env = {
    raw,
    f,
    ctx,
    covered: new Uint8Array(f.text.length),
    phrases: new Uint8Array(f.text.length),
  };
  const renv: RecognizeEnv = {
    text: f.text,
    planYear: ctx.planYear,
    schoolYear: ctx.schoolYear ?? DEFAULT_SCHOOL_YEAR,
    claimed: new Uint8Array(f.text.length),
  };
  const split = splitParts(f.text);
  // "Label:" prefixes are names, never dates ("Báo cáo 6 tháng: trước ngày 05/6").
  if (split !== null)
    for (const p of split.parts) if (p.label !== undefined) claim(renv, p.label.start, p.label.end);

  const atoms = recognize(renv);
  for (const a of atoms) {
    if (a.type === 'reference') continue;
    env.covered.fill(1, a.start, a.end);
    env.phrases.fill(1, a.start, a.end);
  }
  markFillers(f.text, env.covered);

  const whole: Range = { start: 0, end: f.text.length };
  const parts = split === null ? null : labelParts(env, split, atoms);
  if (parts === null) return finish(env, assemble(env, atoms, whole), whole);

  // One reading per deliverable; the overall confidence is the mean of the parts'.
  const out: DeliverablePart[] = [];
  const notes: string[] = [];
  const spans: Range[] = [];
  let sum = 0;
  for (const p of parts) {
    const inner = assemble(
      env,
      atoms.filter((a) => a.start >= p.start && a.start < p.end),
      p.content,
    );
    const { score, ignored } = coverageScore(env, p);
    const confidence = inner.schedule.kind === 'unparsed' ? 0 : round2(score * inner.factor);
    sum += confidence;
    out.push({ deliverable: p.name, schedule: inner.schedule, span: originalSpan(f, p.start, p.end) });
    notes.push(...inner.notes.map((n) => `${p.name}: ${n}`));
    notes.push(...ignoredNotes(env, ignored).map((n) => `${p.name}: ${n}`));
    spans.push(...inner.spans);
  }
  return {
    raw,
    schedule: { kind: 'per_deliverable', parts: out },
    confidence: round2(sum / parts.length),
    spans: toSpans(env, spans),
    notes,
  };
}

interface NamedPart extends Range {
  name: string;
  /** The part without its label. */
  content: Range;
}

/**
 * Names each part: "Kế hoạch: …" by its label; in a bulleted list, "- Biên bản tự kiểm tra
 * Quý II /2023" by the words before its first time phrase; otherwise by the task's deliverables
 * in order. Returns null when no part is named (then it is just a list of dates).
 */
function labelParts(
  env: Env,
  split: { parts: PartRange[]; bulleted: boolean },
  atoms: Atom[],
): NamedPart[] | null {
  const { parts, bulleted } = split;
  const named: (NamedPart & { explicit: boolean })[] = [];
  parts.forEach((p, i) => {
    let name: string | null = null;
    let contentStart = p.start;
    if (p.label !== undefined) {
      const m = LABEL.exec(env.f.text.slice(p.start, p.end));
      const labelText = m?.[1] ?? '';
      const s = p.start + env.f.text.slice(p.start, p.end).indexOf(labelText);
      name = cleanSlice(env.raw, originalSpan(env.f, s, s + labelText.trimEnd().length));
      contentStart = p.label.end;
    } else if (bulleted && parts.length > 1) {
      const firstAtom = atoms.find((a) => a.start >= p.start && a.start < p.end && a.type !== 'optional');
      if (firstAtom !== undefined && firstAtom.start > p.start) {
        const folded = env.f.text.slice(p.start, firstAtom.start).trim();
        if (/[a-z]/.test(folded) && folded.length <= 60) {
          name = cleanSlice(env.raw, originalSpan(env.f, p.start, p.start + folded.length));
          contentStart = firstAtom.start;
        }
      }
    }
    const explicit = name !== null && name !== '';
    if (explicit) {
      env.covered.fill(1, p.start, contentStart);
      env.phrases.fill(1, p.start, contentStart);
    }
    const fallback = env.ctx.deliverables?.length === parts.length ? env.ctx.deliverables[i] : undefined;
    named.push({
      start: p.start,
      end: p.end,
      name: explicit ? name! : (fallback ?? `Phần ${i + 1}`),
      content: { start: contentStart, end: p.end },
      explicit,
    });
  });
  if (!named.some((p) => p.explicit)) return null;
  return named;
}

function ignoredNotes(env: Env, ignored: Range[]): string[] {
  return ignored.map((r) => `Bỏ qua: "${cleanSlice(env.raw, originalSpan(env.f, r.start, r.end))}"`);
}

function toSpans(env: Env, ranges: Range[]): Span[] {
  return ranges
    .sort((a, b) => a.start - b.start)
    .map((r) => originalSpan(env.f, r.start, r.end))
    .filter((s) => s.end > s.start);
}

function finish(env: Env, a: Assembled, seg: Range): DeadlineReading {
  if (a.schedule.kind === 'unparsed') {
    return { raw: env.raw, schedule: a.schedule, confidence: 0, spans: [], notes: a.notes };
  }
  const { score, ignored } = coverageScore(env, seg);
  return {
    raw: env.raw,
    schedule: a.schedule,
    confidence: round2(score * a.factor),
    spans: toSpans(env, a.spans),
    notes: [...a.notes, ...ignoredNotes(env, ignored)],
  };
}

/** Every due date a schedule names (fixed dues, recursively through parts). */
export function scheduleDates(schedule: Schedule): CalendarDate[] {
  switch (schedule.kind) {
    case 'fixed':
      return schedule.dues.map((d) => d.date);
    case 'per_deliverable':
      return schedule.parts.flatMap((p) => scheduleDates(p.schedule));
    case 'recurring':
    case 'continuous':
    case 'event':
    case 'unscheduled':
    case 'unparsed':
      return [];
  }
}
