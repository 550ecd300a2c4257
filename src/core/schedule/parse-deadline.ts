/**
 * parseDeadline: the free-Vietnamese "Thời gian hoàn thành" cell of a plan → a typed schedule.
 *
 * Pipeline: fold the text (diacritics, case, NFC/NFD, HTML tags — text.ts) → split per-deliverable
 * parts ("- Kế hoạch: … - Báo cáo: …") → recognize time phrases (recognizers.ts) → assemble each
 * part into a Schedule → score how much of the text was understood. A phrase that yields no time
 * expression and no event wording is `unparsed` with confidence 0: a date is never guessed.
 */
import type { CalendarDate } from '../calendar/index.js';
import { claim } from './recognize-items.js';
import type { Atom, RecognizeEnv } from './recognize-items.js';
import { markFillers, recognize } from './recognizers.js';
import { cleanSlice, foldText, originalSpan } from './text.js';
import type {
  DeadlineReading,
  DeliverablePart,
  ParseContext,
  Schedule,
  SchoolYearSettings,
  Span,
} from './types.js';
import { assemble } from './assemble.js';
import type { Assembled, Env, Range } from './assemble.js';

/** Vietnamese school year (Ministry of Education framework): 5 September → 31 May. */
export const DEFAULT_SCHOOL_YEAR: SchoolYearSettings = {
  startMonth: 9,
  startDay: 5,
  endMonth: 5,
  endDay: 31,
};

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
