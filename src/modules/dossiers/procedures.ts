/** Use cases: the unit's procedure catalogue, read and edited by hand. */
import type { TimeLimit } from '../../core/dossier/index.js';
import { AppError } from '../../errors.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { readableUnit } from './context.js';
import type { DossiersContext } from './context.js';
import {
  findProcedure,
  findProcedureByCode,
  insertProcedure,
  listProcedures,
  updateProcedure,
} from './repository.js';

export interface ProcedureInput {
  code: string;
  name: string;
  field?: string | null | undefined;
  limitUnit: TimeLimit['unit'];
  limitAmount: number;
  feeText?: string | null | undefined;
  feeBearing: boolean;
  onlineLevel: 'full' | 'partial' | 'none';
  resultType: 'paper' | 'electronic';
  active?: boolean | undefined;
}

export async function procedures(ctx: DossiersContext, actor: Actor, unitId: number) {
  await readableUnit(ctx, actor, unitId);
  return listProcedures(ctx.db, unitId);
}

export async function saveProcedure(
  ctx: DossiersContext,
  actor: Actor,
  unitId: number,
  input: ProcedureInput,
  id?: number,
  requestId?: string,
) {
  const { db, clock } = ctx;
  await readableUnit(ctx, actor, unitId);
  if (!policy.handleDossiers(actor, unitId)) throw new AppError('FORBIDDEN');
  const now = clock.now().toISOString();
  const values = {
    code: input.code.trim(),
    name: input.name.normalize('NFC').trim(),
    field: input.field ?? null,
    limit_unit: input.limitUnit,
    limit_amount: input.limitAmount,
    fee_text: input.feeText ?? null,
    fee_bearing: input.feeBearing ? 1 : 0,
    online_level: input.onlineLevel,
    result_type: input.resultType,
    active: input.active === false ? 0 : 1,
    updated_at: now,
  };
  return db.transaction().execute(async (tx) => {
    const clash = await findProcedureByCode(tx, unitId, values.code);
    if (clash && clash.id !== id)
      throw new AppError('CONFLICT', `Mã thủ tục ${values.code} đã có trong danh mục.`);
    let row;
    if (id !== undefined) {
      const old = await findProcedure(tx, id);
      if (!old || old.unit_id !== unitId) throw new AppError('NOT_FOUND', 'Không tìm thấy thủ tục.');
      await updateProcedure(tx, id, values);
      row = { ...old, ...values };
    } else row = await insertProcedure(tx, { ...values, unit_id: unitId, created_at: now });
    await insertAudit(tx, {
      unitId,
      userId: actor.userId,
      entity: 'procedure',
      entityId: row.id,
      action: id ? 'update' : 'create',
      after: row,
      at: now,
      requestId,
    });
    return row;
  });
}
