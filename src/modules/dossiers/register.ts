/** Use cases: reading the register (lists, pages, due-soon) and the personal-data access log. */
import { dueSoon } from '../../core/dossier/index.js';
import { AppError } from '../../errors.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { readableUnit, stateOf } from './context.js';
import type { DossiersContext } from './context.js';
import {
  countDossiers,
  listDossierEvents,
  listDossiers,
  listPersonalDataAccess,
  logPersonalDataAccess,
} from './repository.js';
import type { DossierFilter, DossierWithScope } from './repository.js';

export async function list(
  ctx: DossiersContext,
  actor: Actor,
  filter: Omit<DossierFilter, 'path'> & { unitId?: number | undefined; subtree?: boolean },
) {
  const { db, clock } = ctx;
  const unit = await readableUnit(ctx, actor, filter.unitId ?? actor.unitId);
  return listDossiers(db, {
    ...filter,
    path: unit.path,
    unitId: filter.subtree ? undefined : unit.id,
    now: clock.now().toISOString(),
  });
}

/** One page of the register and how many lines the filter selects in all. */
export async function page(
  ctx: DossiersContext,
  actor: Actor,
  filter: Omit<DossierFilter, 'path'> & { unitId?: number | undefined; subtree?: boolean },
) {
  const { db, clock } = ctx;
  const unit = await readableUnit(ctx, actor, filter.unitId ?? actor.unitId);
  const f = {
    ...filter,
    path: unit.path,
    unitId: filter.subtree ? undefined : unit.id,
    now: clock.now().toISOString(),
  };
  const [rows, total] = await Promise.all([listDossiers(db, f), countDossiers(db, f)]);
  return { rows, total };
}

/** Whether the actor sees citizens' ID numbers, phones and addresses (and the access is logged). */
export const seesPersonalData = (_ctx: DossiersContext, actor: Actor, unitId: number) =>
  policy.handleDossiers(actor, unitId);

export async function logAccess(
  ctx: DossiersContext,
  actor: Actor,
  d: { id: number | null; unit_id: number },
  kind: 'view' | 'export',
  detail: string,
) {
  const { db, clock } = ctx;
  await logPersonalDataAccess(db, {
    userId: actor.userId,
    unitId: d.unit_id,
    dossierId: d.id,
    kind,
    detail,
    at: clock.now().toISOString(),
  });
}

export async function events(ctx: DossiersContext, d: DossierWithScope) {
  const { db } = ctx;
  return listDossierEvents(db, d.id);
}

export async function accessLog(ctx: DossiersContext, actor: Actor, unitId: number, dossierId?: number) {
  const { db } = ctx;
  const unit = await readableUnit(ctx, actor, unitId);
  if (!policy.manageUsers(actor, unit.path) && !policy.handleDossiers(actor, unit.id))
    throw new AppError('FORBIDDEN');
  return listPersonalDataAccess(db, unit.id, dossierId);
}

/** Open dossiers close to (or past) their appointment, for the "sắp đến hạn" list. */
export async function dueSoonList(ctx: DossiersContext, actor: Actor, unitId: number, subtree: boolean) {
  const { clock, calendar } = ctx;
  const rows = await list(ctx, actor, { unitId, subtree, status: 'due_soon', limit: 500, offset: 0 });
  const nowMs = clock.now().getTime();
  const out = [];
  for (const d of rows) {
    const state = await stateOf(ctx, d, nowMs);
    const cal = (await calendar.forUnit(d.unit_id)).calendar;
    if (state.late || dueSoon(state, nowMs, cal, 2)) out.push({ dossier: d, state });
  }
  return out;
}
