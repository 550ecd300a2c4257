import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../tests/support/db.js';
import type { TestDb } from '../../tests/support/db.js';
import { createUnit, makeApp, multipartBody, userWithSession } from '../../tests/support/app.js';
import type { TestApp } from '../../tests/support/app.js';
import { importPlan, smallPlanText } from '../../tests/support/plans.js';
import { filenameForType, safeFilename, sniffEvidenceType } from '../lib/file-type.js';
import type { PlanDetail } from '../modules/plans/schema.js';
import { contentDisposition } from '../modules/files/content-disposition.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('noi dung nen')]);
const pdf = sniffEvidenceType(PDF, 'x.pdf')!;
const zip = sniffEvidenceType(ZIP, 'x.zip')!;

describe('names of uploaded files (issue 11, item 6)', () => {
  it('takes the extension of the sniffed type and drops bidi, control characters and path parts', () => {
    expect(filenameForType('bao-cao.bat', pdf)).toBe('bao-cao.pdf');
    expect(filenameForType('trang.html', pdf)).toBe('trang.pdf');
    expect(filenameForType('ung-dung.hta', pdf)).toBe('ung-dung.pdf');
    expect(filenameForType('tool.jar', zip)).toBe('tool.zip');
    expect(filenameForType('hoa-don\u202efdp.bat', pdf)).toBe('hoa-donfdp.pdf');
    expect(filenameForType('..\\..\\windows\\ke-hoach', pdf)).toBe('ke-hoach.pdf');
    expect(filenameForType('../../.htaccess', pdf)).toBe('htaccess.pdf');
    expect(filenameForType('Kế hoạch đã ký.pdf', pdf)).toBe('Kế hoạch đã ký.pdf');
    expect(safeFilename('a\u200bb\u0007c\u2066d.txt')).toBe('abcd.txt');
    expect(safeFilename('\u202e')).toBe('tep');
  });

  it('writes Content-Disposition: attachment with an ASCII fallback and an RFC 5987 name', () => {
    const h = contentDisposition("Báo cáo (quý I)'s.pdf");
    expect(h).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(h).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28qu%C3%BD%20I%29%27s.pdf");
    expect(contentDisposition('x.bat', { mime: 'application/pdf' })).toBe('attachment; filename=x.pdf');
    expect(contentDisposition('anh.png', { mime: 'image/png', inline: true })).toMatch(/^inline;/);
  });
});

describeEachDb('disguised uploads come back under their true type (issue 11, item 6)', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db);
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('stores and serves evidence named .bat/.html/.jar or with a right-to-left override under its sniffed type', async () => {
    const unit = await createUnit(t);
    const officer = await userWithSession(t, unit.id, ['officer']);
    const { planId } = await importPlan(t, officer.cookie, unit.id, smallPlanText());
    const plan = await t.app.inject({
      method: 'GET',
      url: `/api/plans/${planId}`,
      headers: { cookie: officer.cookie },
    });
    const task = plan.json<PlanDetail>().tasks[0]!;
    const cases: Array<[string, Buffer, string, string]> = [
      ['bao-cao.bat', PDF, 'bao-cao.pdf', 'application/pdf'],
      ['trang.html', PDF, 'trang.pdf', 'application/pdf'],
      ['hoa-don\u202efdp.bat', PDF, 'hoa-donfdp.pdf', 'application/pdf'],
      ['tool.jar', ZIP, 'tool.zip', 'application/zip'],
    ];
    for (const [name, content, stored, type] of cases) {
      const body = multipartBody({}, { field: 'file', filename: name, content });
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/tasks/${task.id}/evidence`,
        headers: { cookie: officer.cookie, ...body.headers },
        payload: body.payload,
      });
      expect(up.statusCode, name).toBe(200);
      expect(up.json()).toMatchObject({ filename: stored, contentType: type });
      const dl = await t.app.inject({
        method: 'GET',
        url: `/api/evidence/${up.json().id}/download`,
        headers: { cookie: officer.cookie },
      });
      expect(dl.headers['content-type']).toBe(type);
      expect(dl.headers['content-disposition']).toBe(contentDisposition(stored));
      expect(dl.headers['content-disposition']).toMatch(/^attachment; /);
    }
  });
});
