import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../tests/support/db.js';
import type { TestDb } from '../../tests/support/db.js';
import { createUnit, makeApp, multipartBody, userWithSession } from '../../tests/support/app.js';
import type { TestApp } from '../../tests/support/app.js';
import { assertZipWithinLimits } from './zip-limits.js';

/** A ZIP whose one big part inflates to `mb` megabytes of XML, built in 1 MB chunks. */
function bomb(part: string, mb: number, extra: Record<string, string> = {}): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, text] of Object.entries(extra)) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const f = new ZipDeflate(part, { level: 9 });
  zip.add(f);
  const chunk = strToU8('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(30_000).slice(0, 1024 * 1024));
  for (let i = 0; i < mb; i++) f.push(chunk, i === mb - 1);
  zip.end();
  return Buffer.concat(out);
}

const cache = new Map<string, Uint8Array>();
const cached = (part: string, mb: number, extra: Record<string, string>) => {
  const key = `${part}:${mb}`;
  if (!cache.has(key)) cache.set(key, bomb(part, mb, extra));
  return cache.get(key)!;
};

const DOCX_PARTS = { '[Content_Types].xml': '<Types/>', 'word/_rels/document.xml.rels': '<Relationships/>' };
const XLSX_PARTS = { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' };

describe('declared sizes of ZIP containers (issue 11, item 1)', () => {
  it('refuses a container past the total, the ratio or the entry count, inflating nothing', () => {
    const ok = zipSync({ 'a.xml': strToU8('<a>Kế hoạch</a>'.repeat(100)) });
    expect(assertZipWithinLimits(ok).entries).toBe(1);
    expect(() => assertZipWithinLimits(bomb('word/document.xml', 10, DOCX_PARTS))).toThrow(/gấp \d+ lần/);
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}.xml`, strToU8('x')])),
    );
    expect(() => assertZipWithinLimits(many, { maxTotalBytes: 1e9, maxRatio: 100, maxEntries: 20 })).toThrow(
      /hơn 20 phần/,
    );
    expect(() =>
      assertZipWithinLimits(bomb('word/document.xml', 3), {
        maxTotalBytes: 2 * 1048576,
        maxRatio: 1e6,
        maxEntries: 9,
      }),
    ).toThrow(/hơn 2 MB/);
    expect(() => assertZipWithinLimits(Buffer.from('PK\x03\x04 hỏng'))).toThrow(/bị hỏng/);
  });
});

describeEachDb('document bombs are refused (issue 11, item 1)', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  let cookie: string;
  let unitId: number;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db);
    const unit = await createUnit(t);
    unitId = unit.id;
    ({ cookie } = await userWithSession(t, unit.id, ['officer']));
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('refuses .docx bombs (10, 60 and 200 MB of XML) and an .xlsx bomb with a 413, while the server keeps answering', async () => {
    const cases: Array<[string, string, Uint8Array]> = [
      ['/api/plans/import/preview', 'ke-hoach.docx', cached('word/document.xml', 10, DOCX_PARTS)],
      ['/api/plans/import/preview', 'ke-hoach.docx', cached('word/document.xml', 60, DOCX_PARTS)],
      ['/api/plans/import/preview', 'ke-hoach.docx', cached('word/document.xml', 200, DOCX_PARTS)],
      ['/api/dossiers/import/preview', 'so-ho-so.xlsx', cached('xl/worksheets/sheet1.xml', 60, XLSX_PARTS)],
    ];
    for (const [url, filename, content] of cases) {
      const body = multipartBody({ unitId: String(unitId) }, { field: 'file', filename, content });
      const order: string[] = [];
      const [refused] = await Promise.all([
        t.app
          .inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload })
          .then((r) => (order.push('bomb'), r)),
        t.app.inject({ method: 'GET', url: '/api/health' }).then((r) => (order.push('health'), r)),
      ]);
      expect(refused.statusCode, `${filename} ${content.length} B`).toBe(413);
      expect(refused.json().error.code).toBe('DOCUMENT_BOMB');
      expect(refused.json().error.message).toMatch(/Tệp nén bất thường/);
      expect(order).toContain('health');
    }
  });
});
