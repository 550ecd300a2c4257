/**
 * Issue 11 benchmark: how long refusing a document bomb takes, and how long the event loop is held
 * meanwhile (the figures before: a 36 KB .docx bomb froze the server 7 s and 2.2 GB, an
 * 891 KB one crashed it). The bombs are .docx files whose word/document.xml inflates to 10, 60 and
 * 200 MB, and an .xlsx whose sheet inflates to 60 MB, sent to the preview routes in process.
 * Run: npx tsx bench/hardening.bench.ts
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createUnit, login, createUser, makeApp, multipartBody } from '../tests/support/app.js';
import { median, report, time } from './support.js';

function bomb(part: string, mb: number): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const f = new ZipDeflate(part, { level: 9 });
  zip.add(f);
  const chunk = strToU8('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(30_000).slice(0, 1024 * 1024));
  for (let i = 0; i < mb; i++) f.push(chunk, i === mb - 1);
  zip.end();
  return Buffer.concat(out);
}

const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
await migrateToLatest(db);
const t = await makeApp(db);
const unit = await createUnit(t);
const user = await createUser(t, unit.id, ['officer']);
const cookie = await login(t, user.username);

for (const [url, name, part, mb] of [
  ['/api/plans/import/preview', 'bom.docx', 'word/document.xml', 10],
  ['/api/plans/import/preview', 'bom.docx', 'word/document.xml', 60],
  ['/api/plans/import/preview', 'bom.docx', 'word/document.xml', 200],
  ['/api/dossiers/import/preview', 'bom.xlsx', 'xl/worksheets/sheet1.xml', 60],
] as const) {
  const bytes = bomb(part, mb);
  const body = multipartBody({}, { field: 'file', filename: name, content: bytes });
  const runs: number[] = [];
  const h = monitorEventLoopDelay({ resolution: 10 });
  const rss0 = process.memoryUsage().rss;
  h.enable();
  let status = 0;
  for (let i = 0; i < 10; i++)
    runs.push(
      await time(async () => {
        const r = await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, ...body.headers },
          payload: body.payload,
        });
        status = r.statusCode;
      }),
    );
  h.disable();
  report({
    bench: 'document bomb refused',
    url,
    file: name,
    compressedKB: Math.round(bytes.length / 1024),
    inflatesToMB: mb,
    status,
    medianMs: Math.round(median(runs) * 10) / 10,
    maxEventLoopDelayMs: Math.round(h.max / 1e6),
    rssGrowthMB: Math.round((process.memoryUsage().rss - rss0) / 1048576),
  });
}
await t.app.close();
await db.close();
