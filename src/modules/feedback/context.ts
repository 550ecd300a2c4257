import type { WorkingCalendar } from '../../core/calendar/index.js';
import { DEFAULT_FEEDBACK_DEADLINES, dueState } from '../../core/feedback/index.js';
import type { DueState, FeedbackDeadlineSettings } from '../../core/feedback/index.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { CalendarService } from '../calendar/service.js';
import { findUnitById } from '../units/repository.js';
import { findFeedback, findSettings } from './repository.js';
import type { FeedbackWithScope } from './repository.js';

/** What every feedback use case works with. */
export interface FeedbackDeps {
  db: Q;
  clock: Clock;
  calendar: CalendarService;
  /**
   * The challenges' signing key, the same for every process (`CCHC_SECRET`); without one, a key
   * generated once and kept in the database (the single-process demo), ADR 008.
   */
  secret?: string | null | undefined;
}

export type FeedbackSettings = FeedbackDeadlineSettings & { inheritedFrom: 'default' | 'own' | number };

export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (s: string) => Date.parse(s);
/** NFC and trimmed: how every text a person typed is kept. */
export const nfc = (s: string) => s.normalize('NFC').trim();

/** The Vietnam-day bounds of a period given as dates. */
export function periodOf(from: string, to: string): { fromIso: string; toIso: string } {
  const a = Date.parse(`${from}T00:00:00+07:00`);
  const b = Date.parse(`${to}T23:59:59.999+07:00`);
  if (Number.isNaN(a) || Number.isNaN(b) || a > b)
    throw new AppError('VALIDATION', 'Kỳ số liệu không hợp lệ: ngày đầu phải không sau ngày cuối.');
  return { fromIso: iso(a), toIso: iso(b) };
}

export async function readableUnit({ db }: FeedbackDeps, actor: Actor, unitId: number) {
  const unit = await findUnitById(db, unitId);
  if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

/** A unit the caller reads and whose feedback they handle. */
export async function handledUnit(deps: FeedbackDeps, actor: Actor, unitId: number) {
  const unit = await readableUnit(deps, actor, unitId);
  if (!policy.handleFeedback(actor, unit.id)) throw new AppError('FORBIDDEN');
  return unit;
}

export async function loadReadable(
  { db }: FeedbackDeps,
  actor: Actor,
  id: number,
): Promise<FeedbackWithScope> {
  const f = await findFeedback(db, id);
  if (!f || !policy.readUnit(actor, f.unit_path))
    throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị.');
  return f;
}

/** The unit's limits: its own, else the nearest ancestor's, else the defaults of domain.md §8. */
export async function settingsFor({ db }: FeedbackDeps, unitId: number): Promise<FeedbackSettings> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const chain = unit.path.split('/').filter(Boolean).map(Number);
  const rows = await findSettings(db, chain);
  for (const id of [...chain].reverse()) {
    const r = rows.find((x) => x.unit_id === id);
    if (r)
      return {
        classifyDays: r.classify_days,
        forwardDays: r.forward_days,
        answerDays: r.answer_days,
        publishDays: r.publish_days,
        inheritedFrom: id === unit.id ? 'own' : id,
      };
  }
  return { ...DEFAULT_FEEDBACK_DEADLINES, inheritedFrom: 'default' };
}

export const calendarOf = async ({ calendar }: FeedbackDeps, unitId: number): Promise<WorkingCalendar> =>
  (await calendar.forUnit(unitId)).calendar;

export function rightsOf(actor: Actor, unitId: number) {
  return { handle: policy.handleFeedback(actor, unitId), approve: policy.approveFeedback(actor, unitId) };
}

export async function dueOf(
  deps: FeedbackDeps,
  f: FeedbackWithScope,
  cal?: WorkingCalendar,
): Promise<DueState> {
  if (!f.due_at) return 'none';
  return dueState(ms(f.due_at), deps.clock.now().getTime(), cal ?? (await calendarOf(deps, f.unit_id)));
}
