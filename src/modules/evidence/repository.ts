import type { EvidenceRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';

export async function insertBlob(db: Q, sha256: string, data: Uint8Array): Promise<number> {
  const existing = await db
    .selectFrom('file_blob')
    .select(['id', 'size'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (existing && existing.size === data.length) return existing.id;
  const row = await db
    .insertInto('file_blob')
    .values({ sha256, size: data.length, data: Buffer.from(data) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function readBlob(db: Q, id: number): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('file_blob').select('data').where('id', '=', id).executeTakeFirst();
  return row?.data;
}

export async function insertEvidence(db: Q, values: Omit<EvidenceRow, 'id'>): Promise<EvidenceRow> {
  return db.insertInto('evidence').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findEvidence(db: Q, id: number): Promise<EvidenceRow | undefined> {
  return db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEvidenceOf(
  db: Q,
  owner: { taskId: number } | { targetId: number },
): Promise<(EvidenceRow & { uploader_name: string })[]> {
  let q = db
    .selectFrom('evidence')
    .innerJoin('app_user', 'app_user.id', 'evidence.uploaded_by')
    .selectAll('evidence')
    .select('app_user.full_name as uploader_name')
    .where('evidence.withdrawn_at', 'is', null);
  q =
    'taskId' in owner
      ? q.where('evidence.task_id', '=', owner.taskId)
      : q.where('evidence.target_id', '=', owner.targetId);
  return q.orderBy('evidence.uploaded_at', 'desc').execute();
}

export async function withdrawEvidence(db: Q, id: number, at: string, by: number): Promise<void> {
  await db.updateTable('evidence').set({ withdrawn_at: at, withdrawn_by: by }).where('id', '=', id).execute();
}

/** Live evidence counts of the given tasks. */
export async function evidenceCountsOfTasks(db: Q, taskIds: number[]): Promise<Map<number, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('evidence')
    .select(['task_id', (eb) => eb.fn.countAll().as('n')])
    .where('task_id', 'in', taskIds)
    .where('withdrawn_at', 'is', null)
    .groupBy('task_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.task_id), Number(r.n)]));
}
