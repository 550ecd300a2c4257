import type { Q } from '../../db/types.js';
import type { AuditRow } from '../../db/tables.js';

export interface AuditEntry {
  unitId: number | null;
  userId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  at: string;
  requestId?: string | null;
}

export async function insertAudit(db: Q, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      unit_id: e.unitId,
      user_id: e.userId,
      entity: e.entity,
      entity_id: e.entityId,
      action: e.action,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      at: e.at,
      request_id: e.requestId ?? null,
    })
    .execute();
}

export async function listAudit(
  db: Q,
  entity: string,
  entityIds: number[],
): Promise<(AuditRow & { user_name: string | null })[]> {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('app_user.full_name as user_name')
    .where('entity', '=', entity)
    .where('entity_id', 'in', entityIds)
    .orderBy('audit_log.id', 'desc')
    .limit(500)
    .execute();
}
