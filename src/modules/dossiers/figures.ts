/** Use cases: the register's period figures, from the day and month counters (ADR 005, 006). */
import { INVALID_PERIOD, periodBounds } from '../../core/calendar/period.js';
import { figuresFromCounters } from '../../core/metrics/index.js';
import type { DossierFigures } from '../../core/metrics/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { ms, readableUnit } from './context.js';
import type { DossiersContext } from './context.js';
import { dossierCountersSql } from './repository.js';

/** The period's instants, or a VALIDATION error for a period that is not one. */
function validPeriod(from: string, to: string, nowMs: number) {
  try {
    return periodBounds(from, to, nowMs);
  } catch (e) {
    if (e instanceof RangeError && e.message === INVALID_PERIOD)
      throw new AppError('VALIDATION', INVALID_PERIOD);
    throw e;
  }
}

/** The figures of one unit's own register (no caller: for targets the caller already reads). */
export async function measure(
  ctx: DossiersContext,
  unitId: number,
  from: string,
  to: string,
): Promise<DossierFigures> {
  const { db, clock } = ctx;
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  const { fromIso, toIso } = validPeriod(from, to, clock.now().getTime());
  const counters = await dossierCountersSql(db, { path: unit.path, unitId: unit.id }, fromIso, toIso);
  return figuresFromCounters(counters, { from: ms(fromIso), to: ms(toIso) });
}

/** The period's figures over the unit (or its subtree), with the formulas of domain.md §6–7. */
export async function figures(
  ctx: DossiersContext,
  actor: Actor,
  unitId: number,
  from: string,
  to: string,
  subtree: boolean,
): Promise<DossierFigures> {
  const { db, clock } = ctx;
  const unit = await readableUnit(ctx, actor, unitId);
  const { fromIso, toIso } = validPeriod(from, to, clock.now().getTime());
  const counters = await dossierCountersSql(
    db,
    { path: unit.path, unitId: subtree ? undefined : unit.id },
    fromIso,
    toIso,
  );
  return figuresFromCounters(counters, { from: ms(fromIso), to: ms(toIso) });
}
