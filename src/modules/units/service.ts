import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { UnitKind } from './kinds.js';
import {
  findUnitByCode,
  findUnitById,
  insertUnit,
  listUnitSubtree,
  rewriteSubtreePaths,
  updateUnit,
} from './repository.js';

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  superiorName?: string | null | undefined;
}

export interface UnitsDeps {
  db: Q;
  clock: Clock;
}

function normaliseCode(code: string): string {
  return code.normalize('NFC').trim().toUpperCase();
}

export function unitsService({ db, clock }: UnitsDeps) {
  async function loadReadable(actor: Actor, id: number): Promise<UnitRow> {
    const unit = await findUnitById(db, id);
    if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND');
    return unit;
  }

  return {
    /** The actor's unit and its subtree. */
    async list(actor: Actor): Promise<UnitRow[]> {
      return listUnitSubtree(db, actor.unitPath);
    },

    get: loadReadable,

    async create(actor: Actor, input: UnitInput, requestId?: string): Promise<UnitRow> {
      if (input.parentId === null)
        throw new AppError('FORBIDDEN', 'Chỉ có thể tạo đơn vị trực thuộc một đơn vị.');
      const parent = await loadReadable(actor, input.parentId);
      if (!policy.createChildUnit(actor, parent.path)) throw new AppError('FORBIDDEN');
      const code = normaliseCode(input.code);
      return db.transaction().execute(async (tx) => {
        if (await findUnitByCode(tx, code)) throw new AppError('UNIT_CODE_TAKEN');
        const now = clock.now().toISOString();
        const unit = await insertUnit(
          tx,
          {
            code,
            name: input.name.normalize('NFC').trim(),
            kind: input.kind,
            parent_id: parent.id,
            superior_name: input.superiorName ?? parent.name,
            created_at: now,
            updated_at: now,
            archived_at: null,
          },
          parent.path,
        );
        await insertAudit(tx, {
          unitId: unit.id,
          userId: actor.userId,
          entity: 'unit',
          entityId: unit.id,
          action: 'create',
          after: unit,
          at: now,
          requestId,
        });
        return unit;
      });
    },

    async update(
      actor: Actor,
      id: number,
      patch: Partial<Omit<UnitInput, 'parentId'>>,
      requestId?: string,
    ): Promise<UnitRow> {
      const unit = await loadReadable(actor, id);
      if (!policy.manageUnit(actor, unit.path)) throw new AppError('FORBIDDEN');
      return db.transaction().execute(async (tx) => {
        const code = patch.code === undefined ? unit.code : normaliseCode(patch.code);
        if (code !== unit.code && (await findUnitByCode(tx, code))) throw new AppError('UNIT_CODE_TAKEN');
        const now = clock.now().toISOString();
        const next: UnitRow = {
          ...unit,
          code,
          name: patch.name === undefined ? unit.name : patch.name.normalize('NFC').trim(),
          kind: patch.kind ?? unit.kind,
          superior_name: patch.superiorName === undefined ? unit.superior_name : patch.superiorName,
          updated_at: now,
        };
        await updateUnit(tx, id, {
          code: next.code,
          name: next.name,
          kind: next.kind,
          superior_name: next.superior_name,
          updated_at: now,
        });
        await insertAudit(tx, {
          unitId: id,
          userId: actor.userId,
          entity: 'unit',
          entityId: id,
          action: 'update',
          before: unit,
          after: next,
          at: now,
          requestId,
        });
        return next;
      });
    },

    /** Moves a unit (and its subtree) under a new parent; its plans and history stay with it. */
    async move(actor: Actor, id: number, newParentId: number, requestId?: string): Promise<UnitRow> {
      const unit = await loadReadable(actor, id);
      const parent = await loadReadable(actor, newParentId);
      if (!policy.manageUnit(actor, unit.path) || unit.id === actor.unitId) throw new AppError('FORBIDDEN');
      if (!policy.createChildUnit(actor, parent.path)) throw new AppError('FORBIDDEN');
      if (parent.path.startsWith(unit.path)) throw new AppError('UNIT_CYCLE');
      return db.transaction().execute(async (tx) => {
        const now = clock.now().toISOString();
        const newPath = `${parent.path}${unit.id}/`;
        await rewriteSubtreePaths(tx, unit.path, newPath);
        await updateUnit(tx, id, { parent_id: parent.id, superior_name: parent.name, updated_at: now });
        await insertAudit(tx, {
          unitId: id,
          userId: actor.userId,
          entity: 'unit',
          entityId: id,
          action: 'move',
          before: { parentId: unit.parent_id, path: unit.path },
          after: { parentId: parent.id, path: newPath },
          at: now,
          requestId,
        });
        const moved = await findUnitById(tx, id);
        if (!moved) throw new AppError('NOT_FOUND');
        return moved;
      });
    },
  };
}

export type UnitsService = ReturnType<typeof unitsService>;
