/** What every regulation use case shares: its dependencies, access to a unit or a regulation, audit. */
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findDocument } from '../documents/repository.js';
import { findUnitById } from '../units/repository.js';
import { findRegulation } from './repository.js';

export interface RegulationsDeps {
  db: Q;
  clock: Clock;
}

export interface RegulationsContext extends RegulationsDeps {
  today: () => string;
}

export const regulationsContext = (deps: RegulationsDeps): RegulationsContext => ({
  ...deps,
  today: () => vietnamToday(deps.clock),
});

export async function readableUnit({ db }: RegulationsContext, actor: Actor, unitId: number) {
  const unit = await findUnitById(db, unitId);
  if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

export async function loadReadable({ db }: RegulationsContext, actor: Actor, id: number) {
  const r = await findRegulation(db, id);
  if (!r || !policy.readUnit(actor, r.unit_path)) throw new AppError('NOT_FOUND', 'Không tìm thấy quy chế.');
  return r;
}

export async function loadWritable(ctx: RegulationsContext, actor: Actor, id: number) {
  const r = await loadReadable(ctx, actor, id);
  if (!policy.manageRegulations(actor, r.unit_id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới cập nhật được quy chế của đơn vị.');
  if (r.status !== 'in_force') throw new AppError('CONFLICT', 'Quy chế đã bị bãi bỏ: không sửa được nữa.');
  return r;
}

/** The adopting (or amending) decision must be in the unit's own register. */
export async function documentOfUnit(
  { db }: RegulationsContext,
  unitId: number,
  documentId: number | null | undefined,
) {
  if (documentId === null || documentId === undefined) return null;
  const d = await findDocument(db, documentId);
  if (!d || d.unit_id !== unitId)
    throw new AppError('VALIDATION', 'Văn bản ban hành phải có trong sổ văn bản của đơn vị.');
  return d;
}

export async function auditRegulation(
  ctx: RegulationsContext,
  tx: Q,
  actor: Actor,
  r: { id: number; unit_id: number },
  action: string,
  after: unknown,
  before?: unknown,
  requestId?: string,
) {
  await insertAudit(tx, {
    unitId: r.unit_id,
    userId: actor.userId,
    entity: 'regulation',
    entityId: r.id,
    action,
    before,
    after,
    at: ctx.clock.now().toISOString(),
    requestId: requestId ?? null,
  });
}
