/**
 * What every PAR use case needs: the dependencies, the audit line, the read checks (unit, set,
 * assessment), the state checks of the self-assessment and the appraisal, and the locked
 * transition of an assessment's state.
 */
import type { ParRule } from '../../core/par/index.js';
import type { Figure } from '../../core/metrics/index.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { PAR_STATUS_LABELS } from '../../shared/par.js';
import type { ParStatus } from '../../shared/par.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor, Caller } from '../auth/roles.js';
import { callerUserId } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import type { AssessmentWithUnit } from './repository.js';
import { findAssessment, findCriterion, findScore, findSet, lockAssessment } from './repository.js';

/** A register figure for a unit over a period, or null when the system does not measure it. */
export type ParMeasure = (unitId: number, metric: string, from: string, to: string) => Promise<Figure | null>;

export interface ParDeps {
  db: Q;
  clock: Clock;
  postgres: boolean;
  uploadMaxBytes: number;
  measure: ParMeasure;
}

export type ParContext = ParDeps & {
  today(): string;
  nowIso(): string;
};

export const parContext = (deps: ParDeps): ParContext => ({
  ...deps,
  today: () => vietnamToday(deps.clock),
  nowIso: () => deps.clock.now().toISOString(),
});

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const parseRule = (json: string): ParRule => JSON.parse(json) as ParRule;
export const nfcOrNull = (s: string | null | undefined) => s?.normalize('NFC').trim() || null;

/** Ids of the unit and its ancestors, from its materialised path. */
export const chainOf = (path: string) => path.split('/').filter(Boolean).map(Number);

export interface AuditLine {
  unitId: number;
  entity: string;
  entityId: number;
  action: string;
  after: unknown;
  before?: unknown;
}

export async function audit(ctx: ParContext, tx: Q, caller: Caller, line: AuditLine) {
  await insertAudit(tx, { ...line, userId: callerUserId(caller), at: ctx.nowIso() });
}

export async function readableUnit(ctx: ParContext, actor: Actor, unitId: number) {
  const unit = await findUnitById(ctx.db, unitId);
  if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

/** A set is readable by its owner's subtree and by the owner's ancestors. */
export async function readableSet(ctx: ParContext, actor: Actor, id: number) {
  const s = await findSet(ctx.db, id);
  if (
    !s ||
    !(
      policy.readUnit(actor, s.owner_path) ||
      s.owner_path.startsWith(actor.unitPath) ||
      actor.unitPath.startsWith(s.owner_path)
    )
  )
    throw new AppError('NOT_FOUND', 'Không tìm thấy bộ tiêu chí.');
  return s;
}

export async function loadAssessment(ctx: ParContext, actor: Actor, id: number) {
  const a = await findAssessment(ctx.db, id);
  if (!a || !policy.readUnit(actor, a.unit_path))
    throw new AppError('NOT_FOUND', 'Không tìm thấy bản tự đánh giá.');
  return a;
}

function requireState(a: AssessmentWithUnit, states: ParStatus[], what: string) {
  if (!states.includes(a.status as ParStatus))
    throw new AppError(
      'CONFLICT',
      `Bản tự đánh giá đang ở trạng thái "${PAR_STATUS_LABELS[a.status as ParStatus]}": không ${what} được.`,
    );
}

export function requireSelf(actor: Actor, a: AssessmentWithUnit, states: ParStatus[], what: string) {
  if (!policy.selfAssessPar(actor, a.unit_id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới tự chấm, nộp minh chứng và giải trình.');
  requireState(a, states, what);
}

export function requireAppraiser(actor: Actor, a: AssessmentWithUnit, states: ParStatus[], what: string) {
  if (!policy.appraisePar(actor, a.unit_path, a.unit_id))
    throw new AppError('FORBIDDEN', 'Chỉ cấp trên của đơn vị mới thẩm định được bản tự đánh giá.');
  requireState(a, states, what);
}

/** A leaf of the assessment's set and its score row. */
export async function leafOf(ctx: ParContext, a: AssessmentWithUnit, criterionId: number) {
  const c = await findCriterion(ctx.db, criterionId);
  if (!c || c.set_id !== a.set_id || c.is_leaf !== 1)
    throw new AppError(
      'NOT_FOUND',
      'Không tìm thấy tiêu chí thành phần trong bộ tiêu chí của bản tự đánh giá.',
    );
  const s = await findScore(ctx.db, a.id, c.id);
  if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy tiêu chí thành phần.');
  return { c, s };
}

/** The year up to today (the figures of a running year stop today). */
export function yearWindow(ctx: ParContext, year: number) {
  const to = `${year}-12-31`;
  const t = ctx.today();
  return { from: `${year}-01-01`, to: t < to ? t : to };
}

/** Runs a state change under the assessment's row lock, checking it is still in `from`. */
export async function transition(
  ctx: ParContext,
  id: number,
  from: ParStatus[],
  work: (tx: Q) => Promise<void>,
) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await lockAssessment(tx, id, ctx.postgres);
    if (!row || !from.includes(row.status as ParStatus))
      throw new AppError(
        'CHANGED_MEANWHILE',
        'Bản tự đánh giá vừa được người khác cập nhật: hãy tải lại trang.',
      );
    await work(tx);
  });
}
