import type { UnitRow } from '../../db/tables.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { UnitOut } from './schema.js';

export function presentUnit(actor: Actor, u: UnitRow): UnitOut {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parent_id,
    superiorName: u.superior_name,
    depth: u.path.split('/').filter(Boolean).length - actor.unitPath.split('/').filter(Boolean).length,
    actions: {
      edit: policy.manageUnit(actor, u.path),
      move: policy.manageUnit(actor, u.path) && u.id !== actor.unitId,
      addChild: policy.createChildUnit(actor, u.path),
    },
  };
}
