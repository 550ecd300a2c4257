/** What the PAR module tests share: a clock, the app on each database, requests, the units and people. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll } from 'vitest';
import { createUnit, makeApp, multipartBody, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { TestDb } from '../../../tests/support/db.js';
import type { Clock } from '../../lib/clock.js';
import type { AssessmentOut } from './schema.js';

let nowIso = '2026-06-15T09:00:00+07:00';
export const setParNow = (iso: string) => {
  nowIso = iso;
};
const clock: Clock = { now: () => new Date(nowIso) };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A set in another layout: codes inside the text column, merged cells, capital fields, a)/b) leaves. */
export async function mergedLayoutSet(opts: { broken?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('TC');
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = 'BẢNG TIÊU CHÍ CHẤM ĐIỂM CẤP XÃ (THỬ)';
  ws.getRow(3).values = ['Nội dung tiêu chí', 'Điểm tối đa', 'Tài liệu kiểm chứng'];
  const rows: [string, number | null, string | null][] = [
    ['I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH', 6, null],
    ['1. Kế hoạch CCHC', 6, null],
    ['a) Ban hành kế hoạch', 2, 'Kế hoạch'],
    ['b) Thực hiện kế hoạch', opts.broken ? 3 : 4, 'Báo cáo'],
    ['CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 4, null],
    ['1. Niêm yết thủ tục', opts.broken ? null : 4, null],
  ];
  rows.forEach(([text, max, ev], i) => {
    const r = 4 + i;
    ws.getCell(`A${r}`).value = text;
    ws.getCell(`B${r}`).value = max;
    ws.getCell(`C${r}`).value = ev;
  });
  // A field row merged across the points and evidence columns: its title must not read as points.
  ws.mergeCells('A8:B8');
  ws.mergeCells('C6:C7');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** The app on a fresh database for one describe, with request helpers (`t` set in `beforeAll`). */
export function parApp(open: () => Promise<TestDb>) {
  let tdb: TestDb;
  const h = {
    t: undefined as unknown as TestApp,
    req: (method: Method, url: string, cookie: string, payload?: object) =>
      h.t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) }),
    upload: (
      url: string,
      cookie: string,
      fields: Record<string, string>,
      file: { filename: string; content: Buffer },
    ) => {
      const mp = multipartBody(fields, {
        field: 'file',
        filename: file.filename,
        content: file.content,
        contentType: XLSX,
      });
      return h.t.app.inject({ method: 'POST', url, headers: { cookie, ...mp.headers }, payload: mp.payload });
    },
  };
  beforeAll(async () => {
    tdb = await open();
    h.t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 3650 } });
  });
  afterAll(async () => {
    await h.t.app.close();
    await tdb.drop();
  });
  return h;
}
export type ParHarness = ReturnType<typeof parApp>;

/** A ward with two schools, a ward elsewhere, and their people. */
export async function world(t: TestApp) {
  const ward = await createUnit(t, { kind: 'ward', name: 'Phường Chỉ Số' });
  const school = await createUnit(t, { parentId: ward.id, kind: 'school', name: 'Trường Tiểu học Chỉ Số' });
  const school2 = await createUnit(t, { parentId: ward.id, kind: 'school', name: 'Trường THCS Chỉ Số' });
  const other = await createUnit(t, { kind: 'ward', name: 'Phường Khác' });
  return {
    ward,
    school,
    school2,
    other,
    wardOfficer: await userWithSession(t, ward.id, ['officer']),
    wardReviewer: await userWithSession(t, ward.id, ['reviewer']),
    head: await userWithSession(t, school.id, ['head']),
    head2: await userWithSession(t, school2.id, ['head']),
    staff: await userWithSession(t, school.id, ['staff']),
    stranger: await userWithSession(t, other.id, ['admin']),
  };
}
export type ParWorld = Awaited<ReturnType<typeof world>>;

/** The leaf `code` under the field `field` of an assessment. */
export function leafIn(a: AssessmentOut, code: string, field: string) {
  const f = a.nodes.find((n) => n.depth === 1 && n.code === field)!;
  const under = (id: number): AssessmentOut['nodes'] =>
    a.nodes.filter((n) => n.parentId === id).flatMap((n) => [n, ...under(n.criterionId)]);
  return under(f.criterionId).find((n) => n.code === code && n.isLeaf)!;
}
