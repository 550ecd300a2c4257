/**
 * PAKN public answers API: the newest page, and a diacritic-free search, over N published items
 * (default 20,000 across 50 units) on SQLite (and PostgreSQL unless --skip-pg).
 * Run: npx tsx bench/feedback.bench.ts [--rows 20000] [--skip-pg]
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { foldForSearch } from '../src/core/feedback/index.js';
import { openDatabase } from '../src/db/database.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { insertUnit } from '../src/modules/units/repository.js';
import { makeApp } from '../tests/support/app.js';
import { median, report, time } from './support.js';

const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf('--rows') + 1] ?? 0) || 20_000;
const UNITS = 50;
const PG_URL = process.env.CCHC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOPICS = [
  'học phí',
  'giờ đón trẻ',
  'bán trú',
  'đồng phục',
  'chuyển trường',
  'sách giáo khoa',
  'đèn đường',
  'bảo hiểm y tế',
];

async function fill(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const base = { created_at: now, updated_at: now, archived_at: null };
  const root = await insertUnit(
    db.kysely,
    { ...base, code: 'FBB', name: 'Phường thử', kind: 'ward', parent_id: null, superior_name: null },
    '/',
  );
  const units: { id: number; code: string; name: string }[] = [];
  for (let i = 0; i < UNITS; i++)
    units.push(
      await insertUnit(
        db.kysely,
        {
          ...base,
          code: `FB${i}`,
          name: `Trường thử ${i}`,
          kind: 'school',
          parent_id: root.id,
          superior_name: root.name,
        },
        root.path,
      ),
    );
  const start = Date.parse('2025-01-01T00:00:00+07:00');
  for (let done = 0; done < ROWS; done += 500) {
    const rows = [];
    for (let i = done; i < Math.min(ROWS, done + 500); i++) {
      const u = units[i % UNITS]!;
      const topic = TOPICS[i % TOPICS.length]!;
      const at = new Date(start + i * 3_600_000).toISOString();
      const title = `Phản ánh về ${topic} số ${i}`;
      const content = `Phụ huynh đề nghị nhà trường xem xét ${topic} trong năm học.`;
      const answer = `Nhà trường xin trả lời về ${topic}: đã thực hiện theo quy định.`;
      rows.push({
        unit_id: u.id,
        code: `PA-${u.code}-${String(i).padStart(7, '0')}`,
        source: 'web',
        sender_name: 'Nguyễn Văn An',
        sender_address: 'Phường thử',
        sender_phone: '0900000000',
        title,
        content,
        status: 'published',
        category: 'regulation',
        answer_text: answer,
        approved_at: at,
        answered_on_time: 1,
        published_title: title,
        published_content: content,
        published_answer: answer,
        published_at: at,
        search_text: foldForSearch(`${title} ${content} ${answer} ${u.name}`),
        received_at: at,
        classify_due_at: at,
        forward_due_at: at,
        answer_due_at: at,
        tracking_token_hash: randomBytes(32).toString('hex'),
        created_at: now,
        updated_at: now,
      });
    }
    await db.kysely.insertInto('feedback').values(rows).execute();
  }
}

async function run(name: string, db: Db): Promise<void> {
  await migrateToLatest(db);
  await fill(db);
  // A real server's autovacuum would have analysed the table after such a load.
  if (db.dialect === 'postgres') await sql`vacuum analyze feedback`.execute(db.kysely);
  const t = await makeApp(db, { config: { publicRateLimit: 100_000_000 } });
  for (const [label, url] of [
    ['newest page', '/api/public/feedback/answers'],
    ['search "hoc phi"', `/api/public/feedback/answers?q=${encodeURIComponent('hoc phi')}`],
    [
      'search "dong phuc nam hoc", page 5',
      `/api/public/feedback/answers?q=${encodeURIComponent('dong phuc nam hoc')}&page=5`,
    ],
    ['search with no match', `/api/public/feedback/answers?q=${encodeURIComponent('khong co gi')}`],
  ] as const) {
    const runs: number[] = [];
    let items = 0;
    for (let i = 0; i < 21; i++)
      runs.push(
        await time(async () => {
          const res = await t.app.inject({ method: 'GET', url });
          if (res.statusCode !== 200) throw new Error(res.body);
          items = res.json<{ items: unknown[] }>().items.length;
        }),
      );
    report({
      name: `public PAKN answers, ${label}, ${ROWS} published (${name})`,
      items,
      medianMs: +median(runs.slice(1)).toFixed(1),
    });
  }
  await t.app.close();
}

const sqlite = openDatabase({ dialect: 'sqlite', file: ':memory:' });
await run('SQLite', sqlite);
await sqlite.close();

if (!args.includes('--skip-pg')) {
  const dbName = `cchc_bench_fb_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(PG_URL);
  url.pathname = `/${dbName}`;
  const db = openDatabase({ dialect: 'postgres', url: url.toString() });
  try {
    await run('PostgreSQL', db);
  } finally {
    await db.close();
    await admin.query(`drop database ${dbName}`);
    await admin.end();
  }
}
