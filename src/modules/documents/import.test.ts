import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { appPerDb } from './app.test-support.js';
import { createUnit, multipartBody, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { Clock } from '../../lib/clock.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { documentImportService } from './import.js';
import type { DocumentImportReport } from './import-schema.js';
import type { DocumentOut } from './schema.js';

const clock: Clock = { now: () => new Date('2026-06-15T09:00:00+07:00') };
const fixture = (name: string) =>
  fs.readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'documents', name));

let t: TestApp;

async function setup() {
  const school = await createUnit(t, {
    name: 'Trường Mầm non Tuổi Thơ',
    code: `MNTT${Date.now() % 100000}`,
  });
  const clerk = await userWithSession(t, school.id, ['officer']);
  const staff = await userWithSession(t, school.id, ['staff']);
  return { school, clerk, staff };
}

const importFile = (
  cookie: string,
  unitId: number,
  content: Uint8Array | string,
  filename: string,
  fields: Record<string, string> = {},
) => {
  const body = multipartBody({ unitId: String(unitId), ...fields }, { field: 'file', filename, content });
  return t.app.inject({
    method: 'POST',
    url: '/api/documents/import',
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
};

/** The clerk imports a fixture file into the school's register. */
const importFixture = (
  s: { clerk: { cookie: string }; school: { id: number } },
  name: string,
  fields: Record<string, string> = {},
) => importFile(s.clerk.cookie, s.school.id, fixture(name), name, fields);

const list = async (cookie: string, unitId: number, extra = '') =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/documents?unitId=${unitId}&year=2026${extra}`,
      headers: { cookie },
    })
  ).json<{
    items: DocumentOut[];
    total: number;
  }>();

async function reportsRowErrors() {
  const s = await setup();
  const r = await importFixture(s, 'so-van-ban-di-loi.csv');
  expect(r.statusCode).toBe(400);
  const report = r.json<{ error: { message: string; details: DocumentImportReport } }>().error;
  expect(report.message).toBe('Tệp có 5 dòng lỗi: chưa lưu văn bản nào.');
  const errors = report.details.errors.map((e) => [e.row, e.field]);
  expect(errors).toEqual([
    [3, 'numberText'],
    [4, 'documentDate'],
    [5, 'numberText'],
    [6, 'signed'],
    [7, 'confidential'],
  ]);
  expect(report.details.errors[2]!.message).toContain('trùng với dòng 2');
  expect(report.details.errors[1]!.message).toContain('32/01/2026');
  expect(report.details.counts).toMatchObject({ rows: 6, valid: 1, invalid: 5 });
  expect((await list(s.clerk.cookie, s.school.id)).total).toBe(0);
}

async function importsAnOutgoingBook() {
  const s = await setup();
  const dry = await importFixture(s, 'so-van-ban-di.csv', { dryRun: '1' });
  expect(dry.statusCode, dry.body).toBe(200);
  expect(dry.json<DocumentImportReport>()).toMatchObject({
    dryRun: true,
    imported: 0,
    headerRow: 3,
    counts: { rows: 5, valid: 5, invalid: 0, skipped: 2, outgoing: 5, confidential: 1, defaulted: 1 },
  });
  expect((await list(s.clerk.cookie, s.school.id)).total).toBe(0);
  const staff = await importFile(
    s.staff.cookie,
    s.school.id,
    fixture('so-van-ban-di.csv'),
    'so-van-ban-di.csv',
  );
  expect(staff.statusCode).toBe(403);

  const importId = 'nhap-so-di-0123456789abcdef';
  const saved = await importFixture(s, 'so-van-ban-di.csv', { importId });
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json<DocumentImportReport>().imported).toBe(5);
  const progress = await t.app.inject({ method: 'GET', url: `/api/documents/import/progress/${importId}` });
  expect(progress.json()).toMatchObject({ state: 'done', done: 5, total: 5 });

  const docs = (await list(s.clerk.cookie, s.school.id)).items;
  const by = (n: string) => docs.find((d) => d.numberText === n)!;
  expect(by('01/KH-MNTT')).toMatchObject({
    book: 'di',
    number: 1,
    docType: 'KH',
    form: 'electronic',
    channel: 'eoffice',
    signed: true,
    source: 'import',
  });
  expect(by('02/BC-MNTT')).toMatchObject({ channel: 'email', signed: true, confidential: false });
  expect(by('03/MNTT-VP')).toMatchObject({ docType: 'CV', form: 'paper', channel: 'hand', signed: false });
  expect(by('01/TB-MNTT')).toMatchObject({ book: 'di-mat', number: 1, confidential: true });
  // No form or channel in the row: an e-office export's default.
  expect(by('04/QĐ-MNTT')).toMatchObject({ form: 'electronic', channel: 'eoffice', docType: 'QĐ' });

  // The next registrations continue after the imported numbers.
  const next = await t.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: { cookie: s.clerk.cookie },
    payload: {
      unitId: s.school.id,
      direction: 'outgoing',
      docType: 'KH',
      documentDate: '2026-06-01',
      summary: 'Sau khi nhập',
      form: 'electronic',
      channel: 'eoffice',
    },
  });
  expect(next.json<DocumentOut>().number).toBe(5);
  const secret = await t.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: { cookie: s.clerk.cookie },
    payload: {
      unitId: s.school.id,
      direction: 'outgoing',
      docType: 'TB',
      documentDate: '2026-06-01',
      summary: 'Mật sau khi nhập',
      form: 'paper',
      channel: 'hand',
      confidential: true,
    },
  });
  expect(secret.json<DocumentOut>()).toMatchObject({ book: 'di-mat', number: 2 });

  // The same file again: its numbers are taken.
  const again = await importFixture(s, 'so-van-ban-di.csv');
  expect(again.statusCode).toBe(400);
  expect(
    again.json<{ error: { details: DocumentImportReport } }>().error.details.errors[0]!.message,
  ).toContain('đã có trong sổ');
}

async function importsAnIncomingBook() {
  const s = await setup();
  const r = await importFixture(s, 'so-van-ban-den.csv');
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json<DocumentImportReport>().counts).toMatchObject({
    incoming: 4,
    numbersToAllocate: 3,
    confidential: 1,
  });
  const docs = (await list(s.clerk.cookie, s.school.id)).items;
  const by = (n: string) => docs.find((d) => d.numberText === n)!;
  expect(by('01/UBND-VP')).toMatchObject({
    book: 'den',
    number: 7,
    dueState: 'handled_late',
    channel: 'postal',
    form: 'paper',
  });
  expect(by('05/TB-PGDĐT')).toMatchObject({ number: 8, receivedOn: '2026-02-01', channel: 'email' });
  expect(by('12/KH-PGDĐT')).toMatchObject({
    number: 9,
    dueState: 'handled_on_time',
    sender: 'Phòng Giáo dục và Đào tạo',
    docType: 'KH',
  });
  expect(by('Không số')).toMatchObject({ book: 'den-mat', number: 1, confidential: true });
}

async function readsXlsxAndCapsRows() {
  const s = await setup();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ đi');
  ws.addRow(['Số, ký hiệu', 'Ngày văn bản', 'Trích yếu', 'Nơi nhận', 'Hình thức']);
  ws.addRow(['07/KH-X', new Date(Date.UTC(2026, 2, 17)), 'Kế hoạch tháng 3', 'Phòng GD&ĐT', 'Điện tử']);
  ws.addRow([
    '08/KH-X',
    new Date(Date.UTC(2026, 2, 18)),
    'Kế hoạch tháng 3 (bổ sung)',
    'Phòng GD&ĐT',
    'Giấy',
  ]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const r = await importFile(s.clerk.cookie, s.school.id, bytes, 'so-di.xlsx');
  expect(r.statusCode, r.body).toBe(200);
  const docs = (await list(s.clerk.cookie, s.school.id)).items;
  expect(docs.map((d) => [d.numberText, d.documentDate, d.form, d.channel]).sort()).toEqual([
    ['07/KH-X', '2026-03-17', 'electronic', 'eoffice'],
    ['08/KH-X', '2026-03-18', 'paper', 'hand'],
  ]);
  const capped = documentImportService({ db: t.db.kysely, clock, uploadMaxBytes: 1 << 20, maxRows: 2 });
  await expect(
    capped.run(
      SYSTEM_ACTOR,
      s.school.id,
      { bytes: fixture('so-van-ban-di.csv'), filename: 'so-van-ban-di.csv' },
      { dryRun: true },
    ),
  ).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('vượt quá 2 dòng') });
}

describeEachDb('document register import', (open) => {
  appPerDb(open, { clock, config: { sessionHours: 24 * 365 } }, (_tdb, a) => {
    t = a;
  });

  it('reports every row error and saves nothing', () => reportsRowErrors());
  it('imports an outgoing book: numbers kept, the counter raised past them, confidential in its own book', () =>
    importsAnOutgoingBook());
  it('imports an incoming book: given arrival numbers kept, the others numbered in arrival order', () =>
    importsAnIncomingBook());
  it('reads .xlsx with date cells, and refuses a file over the row cap', () => readsXlsxAndCapsRows());
});
