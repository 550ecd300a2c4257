/**
 * `cchc backup` / `cchc restore` across dialects (issue 10): a register with dossiers, ratings,
 * feedback, survey answers and a submitted report (its frozen .docx/.xlsx in file_blob) is backed
 * up from one dialect, restored into an empty database of the other, and every table — files
 * included — is equal; the restored database takes new writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import type { Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { backupDatabase, dumpDatabase, restoreDatabase } from '../../src/modules/backup/service.js';
import { REQUIRE_ALL, freshPostgres, postgresAvailable } from '../support/db.js';
import type { TestDb } from '../support/db.js';
import { login } from '../support/app.js';
import { buildFixture } from '../concurrency/workload.js';

const pgReady = await postgresAvailable();

/** A unit's worth of data written through the API. */
async function populate(db: Db) {
  const f = await buildFixture(db);
  const cookie = await login(f.t, f.clerks[0]!.username);
  const inject = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    f.t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await inject('POST', '/api/dossiers', {
      unitId: f.unit.id,
      procedureId: f.procedureId,
      channel: 'direct',
      applicant: { name: `Nguyễn Văn ${i}`, idNumber: `07919000${i}` },
      documents: [{ name: 'Đơn đề nghị' }],
    });
    expect(r.statusCode, r.body).toBe(200);
    ids.push(r.json<{ id: number }>().id);
  }
  await inject('POST', `/api/dossiers/${ids[0]}/steps`, { kind: 'resolved' });
  const ret = await inject('POST', `/api/dossiers/${ids[0]}/steps`, { kind: 'returned', method: 'direct' });
  const token = ret.json<{ ratingUrl: string }>().ratingUrl.split('/').pop()!;
  expect(
    (
      await f.t.app.inject({
        method: 'POST',
        url: `/api/public/ratings/${token}`,
        payload: { rating: 'satisfied' },
      })
    ).statusCode,
  ).toBe(200);
  await inject('PATCH', `/api/dossiers/${ids[1]}/flags`, { digitised: true });
  await inject('POST', '/api/feedback', {
    unitId: f.unit.id,
    source: 'phone',
    sender: { name: 'Trần Thị Bình', address: 'Số 1 đường Thử', phone: '0901234567' },
    title: 'Phản ánh qua điện thoại',
    content: 'Đề nghị bố trí thêm chỗ để xe cho phụ huynh.',
  });
  await f.t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${f.surveySlug}/answers`,
    payload: { answers: { overall: 5 }, browserId: 'trinh-duyet-sao-luu-1' },
  });
  const report = `/api/reports/units/${f.unit.id}/periods/${f.year}-Y`;
  await inject('PUT', report, {
    number: '01/BC-THDT',
    narratives: { general: 'Báo cáo năm có dấu tiếng Việt.' },
  });
  const sub = await inject('POST', `${report}/submit`);
  expect(sub.statusCode, sub.body).toBe(200);
  return f;
}

async function expectSameTables(a: Db, b: Db) {
  const [x, y] = [await dumpDatabase(a), await dumpDatabase(b)];
  expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
  for (const [table, rows] of x) expect(y.get(table), table).toEqual(rows);
  // Files are rows of file_blob: they travelled too.
  expect(x.get('file_blob')!.length).toBeGreaterThanOrEqual(2);
}

describe.skipIf(!pgReady && !REQUIRE_ALL)('backup and restore across dialects', () => {
  let dir: string;
  const cleanup: (() => Promise<void>)[] = [];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-backup-test-'));
  });
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const sqliteDb = async (name: string) => {
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, name) });
    await migrateToLatest(db);
    cleanup.push(() => db.close());
    return db;
  };
  const pgDb = async (): Promise<Db> => {
    const t: TestDb = await freshPostgres();
    cleanup.push(() => t.drop());
    return t.db;
  };

  it('moves a SQLite database to PostgreSQL with every table and file equal', async () => {
    const source = await sqliteDb('source.sqlite');
    const f = await populate(source);
    cleanup.push(() => f.t.app.close());
    const file = path.join(dir, 'sqlite.cchc.gz');
    const counts = await backupDatabase(source, file);
    expect(counts.dossier).toBe(3);
    const target = await pgDb();
    expect(await restoreDatabase(target, file)).toEqual(counts);
    await expectSameTables(source, target);
    // The restored database takes new rows: its sequences moved past the restored ids.
    const again = await populate(target);
    cleanup.push(() => again.t.app.close());
    // A second restore into a database with data is refused.
    await expect(restoreDatabase(target, file)).rejects.toThrow(/đã có dữ liệu/);
  }, 120_000);

  it('moves a PostgreSQL database to SQLite with every table and file equal', async () => {
    const source = await pgDb();
    const f = await populate(source);
    cleanup.push(() => f.t.app.close());
    const file = path.join(dir, 'pg.cchc.gz');
    const counts = await backupDatabase(source, file);
    const target = await sqliteDb('target.sqlite');
    expect(await restoreDatabase(target, file)).toEqual(counts);
    await expectSameTables(source, target);
  }, 120_000);
});
