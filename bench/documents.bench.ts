/**
 * The digital office (issue 13):
 *  - the document figures of a year over a superior's subtree (and one unit) in SQL, over N
 *    register entries (default 200,000 across 100 units), SQLite and PostgreSQL;
 *  - registering outgoing documents concurrently (numbers from the counter row): 200
 *    registrations, 20 at a time, through the API, on PostgreSQL (two pools) and SQLite;
 *  - verifying a signed PDF of about 1 MB (two signatures).
 * Run: npx tsx bench/documents.bench.ts [--rows 200000] [--skip-pg]
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import pg from 'pg';
import { verifyPdfSignatures } from '../src/core/pdf-signature/index.js';
import { openDatabase } from '../src/db/database.js';
import type { Db } from '../src/db/database.js';
import type { DocumentTable } from '../src/db/tables.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { insertDocumentBatch } from '../src/modules/documents/repository.js';
import { NO_FILE_YET, documentsService } from '../src/modules/documents/service.js';
import { insertUnit } from '../src/modules/units/repository.js';
import { makeApp, userWithSession } from '../tests/support/app.js';
import { certDer, makePdf, makeRoot, makeSigner, signPdf } from '../tests/support/pdf-signing.js';
import { median, report, time } from './support.js';

const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf('--rows') + 1] ?? 0) || 200_000;
const UNITS = 100;
const PG_URL = process.env.CCHC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const clock = { now: () => new Date('2026-11-30T09:00:00+07:00') };

async function fill(db: Db) {
  const now = new Date().toISOString();
  const base = { created_at: now, updated_at: now, archived_at: null };
  const root = await insertUnit(
    db.kysely,
    { ...base, code: 'VBROOT', name: 'Phường thử', kind: 'ward', parent_id: null, superior_name: null },
    '/',
  );
  const units = [];
  for (let i = 0; i < UNITS; i++)
    units.push(
      await insertUnit(
        db.kysely,
        {
          ...base,
          code: `VB${i}`,
          name: `Trường ${i}`,
          kind: 'school',
          parent_id: root.id,
          superior_name: root.name,
        },
        root.path,
      ),
    );
  const next = new Map<string, number>();
  let batch: Insertable<DocumentTable>[] = [];
  for (let i = 0; i < ROWS; i++) {
    const unit = units[i % UNITS]!;
    const outgoing = i % 2 === 0;
    const confidential = i % 50 === 0;
    const day = `2026-${String((i % 11) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const book = `${outgoing ? 'di' : 'den'}${confidential ? '-mat' : ''}`;
    const key = `${unit.id}|${book}`;
    const number = (next.get(key) ?? 0) + 1;
    next.set(key, number);
    batch.push({
      unit_id: unit.id,
      direction: outgoing ? 'outgoing' : 'incoming',
      book,
      year: 2026,
      number,
      number_text: `${number}/KH-${unit.code}`,
      doc_type: 'KH',
      document_date: day,
      received_on: outgoing ? null : day,
      summary: 'Văn bản thử',
      sender: outgoing ? null : 'Nơi gửi',
      recipients: outgoing ? 'Nơi nhận' : null,
      handling_unit: null,
      due_date: outgoing ? null : day,
      handled_on: outgoing || i % 3 === 0 ? null : day,
      form: i % 7 === 0 ? 'paper' : 'electronic',
      signed: i % 4 === 0 ? 0 : 1,
      signer: null,
      confidential: confidential ? 1 : 0,
      channel: i % 5 === 0 ? 'email' : 'eoffice',
      ...NO_FILE_YET,
      source: 'import',
      search_text: 'van ban thu',
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    if (batch.length === 500) {
      await insertDocumentBatch(db.kysely, batch);
      batch = [];
    }
  }
  await insertDocumentBatch(db.kysely, batch);
  return { root, one: units[7]! };
}

async function figures(label: string, db: Db) {
  const { root, one } = await fill(db);
  // As autovacuum would have done after a bulk load.
  if (db.dialect === 'postgres') await sql`vacuum analyze document`.execute(db.kysely);
  const svc = documentsService({ db: db.kysely, clock, uploadMaxBytes: 1 << 20 });
  for (const [scope, what] of [
    [{ unitId: root.id, subtree: true }, `subtree of ${UNITS} units`],
    [{ unitId: one.id, subtree: false }, 'one unit'],
  ] as const) {
    await svc.figures(scope, '2026-01-01', '2026-12-31');
    const runs = [];
    for (let i = 0; i < 7; i++) runs.push(await time(() => svc.figures(scope, '2026-01-01', '2026-12-31')));
    report({
      bench: 'document figures, year',
      db: label,
      rows: ROWS,
      scope: what,
      medianMs: Math.round(median(runs) * 10) / 10,
    });
  }
}

async function registrations(label: string, db: Db, second: Db) {
  const a = await makeApp(db, { clock });
  const b = await makeApp(second, { clock });
  const now = new Date().toISOString();
  const unit = await insertUnit(
    db.kysely,
    {
      code: `REG${Date.now() % 10000}`,
      name: 'Trường cấp số',
      kind: 'school',
      parent_id: null,
      superior_name: null,
      created_at: now,
      updated_at: now,
      archived_at: null,
    },
    '/',
  );
  const { cookie } = await userWithSession(a, unit.id, ['officer']);
  const N = 200;
  const CONC = 20;
  let i = 0;
  const start = performance.now();
  const worker = async (w: number) => {
    while (i < N) {
      i++;
      const r = await (w % 2 === 0 ? a : b).app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { cookie },
        payload: {
          unitId: unit.id,
          direction: 'outgoing',
          docType: 'CV',
          documentDate: '2026-11-30',
          summary: 'Văn bản cấp số',
          form: 'electronic',
          channel: 'eoffice',
        },
      });
      if (r.statusCode !== 200) throw new Error(r.body);
    }
  };
  await Promise.all(Array.from({ length: CONC }, (_, w) => worker(w)));
  const ms = performance.now() - start;
  report({
    bench: 'register outgoing, concurrent',
    db: label,
    registrations: N,
    concurrency: CONC,
    totalMs: Math.round(ms),
    perSecond: Math.round((N / ms) * 1000),
  });
  await a.app.close();
  await b.app.close();
}

async function pdf() {
  const root = await makeRoot();
  const signer = await makeSigner(
    root,
    { cn: 'Nguyễn Thị Lan', o: 'Trường Mầm non' },
    { notBefore: new Date('2026-01-01'), notAfter: new Date('2028-01-01') },
  );
  const filler = randomBytes(700_000)
    .toString('base64')
    .replace(/[()\\]/g, 'x');
  const once = await signPdf(makePdf(filler), signer, { signingTime: new Date('2026-06-01') });
  const twice = await signPdf(once, signer, { signingTime: new Date('2026-06-02') });
  const runs = [];
  for (let i = 0; i < 20; i++)
    runs.push(await time(() => verifyPdfSignatures(twice, { trustedRoots: [certDer(root)] })));
  report({
    bench: 'verify signed PDF (2 signatures)',
    bytes: twice.length,
    medianMs: Math.round(median(runs) * 10) / 10,
  });
}

await pdf();
{
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  await figures('sqlite', db);
  await registrations('sqlite', db, db);
  await db.close();
}
if (!args.includes('--skip-pg')) {
  const name = `cchc_bench_docs_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = openDatabase({ dialect: 'postgres', url: url.toString() });
  const second = openDatabase({ dialect: 'postgres', url: url.toString() });
  try {
    await migrateToLatest(db);
    await figures('postgres', db);
    await registrations('postgres', db, second);
  } finally {
    await db.close();
    await second.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
