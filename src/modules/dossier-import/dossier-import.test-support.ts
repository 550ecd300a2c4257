/** The import tests' app (a fixed clock), a unit with an officer, fixtures and readers of what was saved. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../app.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, multipartBody, testConfig, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { ProcedureImportReport } from './schema.js';
import type { DossierImportService } from './service.js';

const FIXTURES = path.join(process.cwd(), 'tests', 'fixtures', 'registers');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
/** Tuesday 30/6/2026, 10:00 in Vietnam. */
export const clock: Clock = { now: () => new Date('2026-06-30T10:00:00+07:00') };
export const vn = (s: string) => new Date(`${s}+07:00`).toISOString();
/** A wall-clock time in Vietnam as exceljs writes a date cell (its UTC fields are what Excel shows). */
export const excelDate = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));

export type ImportApp = TestApp & { dossierImport: DossierImportService };

async function importApp(db: Db): Promise<ImportApp> {
  const { app, services } = await buildApp({
    config: testConfig({ sessionHours: 24 * 365 }),
    db,
    logger: false,
    clock,
  });
  await app.ready();
  return { app, services, db, dossierImport: services.dossierImport };
}

/** Registers the app's start and stop on a fresh database; `t` is filled before the tests run. */
export function importFixture(open: () => Promise<TestDb>) {
  const t = {} as ImportApp;
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await open();
    Object.assign(t, await importApp(tdb.db));
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  async function setup() {
    const ward = await createUnit(t, { kind: 'ward', name: 'Ủy ban nhân dân phường Hòa Bình' });
    const unit = await createUnit(t, { parentId: ward.id, name: 'Trường Trung học cơ sở Hòa Bình' });
    const officer = await userWithSession(t, unit.id, ['officer']);
    return { ward, unit, officer };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;
  const outsiderOf = async () => userWithSession(t, (await createUnit(t)).id, ['admin', 'officer']);
  /** Dossier codes are unique system-wide: each test's copy of the fixture gets its own. */
  const theirCode = (s: Setup, tail: string) => `000.00.${s.unit.id}.H29-${tail}`;
  const registerFixture = (s: Setup) =>
    fixture('so-ho-so-phan-mem-khac.csv').toString('utf8').replaceAll('000.00.20.H29-', theirCode(s, ''));

  const post = (
    cookie: string,
    url: string,
    fields: Record<string, string>,
    file: { name: string; content: Uint8Array | string },
  ) => {
    const body = multipartBody(fields, { field: 'file', filename: file.name, content: file.content });
    return t.app.inject({ method: 'POST', url, headers: { ...body.headers, cookie }, payload: body.payload });
  };
  const importCatalogue = async (s: Setup) => {
    const res = await post(
      s.officer.cookie,
      '/api/procedures/import',
      { unitId: String(s.unit.id) },
      { name: 'danh-muc-thu-tuc.csv', content: fixture('danh-muc-thu-tuc.csv') },
    );
    expect(res.statusCode).toBe(200);
    return res.json<ProcedureImportReport>();
  };
  const dossiersOf = (unitId: number) =>
    t.db.kysely
      .selectFrom('dossier')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('received_at')
      .execute();
  const auditOf = (unitId: number, entity: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('entity', '=', entity)
      .where('action', '=', 'import')
      .execute();

  /** A register CSV with the other software's headers, one line per row given. */
  const registerCsv = (rows: string[][]) =>
    ['Số hồ sơ,Mã TTHC,Chủ hồ sơ,Ngày tiếp nhận,Ngày có kết quả', ...rows.map((r) => r.join(','))].join('\n');

  return {
    t,
    setup,
    outsiderOf,
    theirCode,
    registerFixture,
    post,
    importCatalogue,
    dossiersOf,
    auditOf,
    registerCsv,
  };
}
