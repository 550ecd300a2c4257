import type { Q } from '../../db/types.js';

/**
 * Stored file contents (`file_blob`), shared by evidence, PAKN and news attachments, reports,
 * documents, exchange packages and PAR files: one row per content (by SHA-256), so a file uploaded
 * twice is stored once. The owners keep the name and type; a blob is only bytes.
 */
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
