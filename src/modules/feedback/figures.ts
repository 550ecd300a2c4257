import { FEEDBACK_DEFINITIONS, feedbackRates } from '../../core/metrics/index.js';
import type { FeedbackRates } from '../../core/metrics/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { periodOf, readableUnit } from './context.js';
import type { FeedbackDeps } from './context.js';
import { feedbackCountsSql } from './repository.js';
import type { FeedbackCountsRow } from './repository.js';

export interface FeedbackFigures {
  period: { from: string; to: string };
  counts: FeedbackCountsRow;
  rates: FeedbackRates;
  definitions: typeof FEEDBACK_DEFINITIONS;
}

/** The counts and rates of a period over a unit (or, without `unitId`, the subtree at `path`). */
async function countFigures(
  { db, clock }: FeedbackDeps,
  path: string,
  unitId: number | undefined,
  from: string,
  to: string,
): Promise<FeedbackFigures> {
  const { fromIso, toIso } = periodOf(from, to);
  const counts = await feedbackCountsSql(db, { path, unitId }, fromIso, toIso, clock.now().toISOString());
  return {
    period: { from, to },
    counts,
    rates: feedbackRates({
      received: counts.received,
      answered: counts.answered,
      answeredOnTime: counts.answeredOnTime,
      published: counts.published,
    }),
    definitions: FEEDBACK_DEFINITIONS,
  };
}

/**
 * PAKN figures of a period (dates 'YYYY-MM-DD', Vietnam days, both included) over one unit
 * (`unitId`) or its whole subtree (`{ unitId, subtree: true }`). No caller check: for the plan
 * page and the public transparency page, which decide themselves what they show.
 */
export async function feedbackFigures(
  deps: FeedbackDeps,
  scope: number | { unitId: number; subtree?: boolean | undefined },
  from: string,
  to: string,
): Promise<FeedbackFigures> {
  const unitId = typeof scope === 'number' ? scope : scope.unitId;
  const subtree = typeof scope === 'number' ? false : scope.subtree === true;
  const unit = await findUnitById(deps.db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return countFigures(deps, unit.path, subtree ? undefined : unit.id, from, to);
}

/** The same figures for a signed-in caller who reads the unit. */
export async function feedbackFiguresFor(
  deps: FeedbackDeps,
  actor: Actor,
  unitId: number,
  from: string,
  to: string,
  subtree: boolean,
): Promise<FeedbackFigures> {
  const unit = await readableUnit(deps, actor, unitId);
  return countFigures(deps, unit.path, subtree ? undefined : unit.id, from, to);
}
