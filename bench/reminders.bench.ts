/**
 * Issue 6 benchmark: one reminder sweep over a unit tree (default 500 units × 50 tasks, one dated
 * occurrence each, 3 users a unit with e-mail, 1 dossier handler), on SQLite and PostgreSQL.
 * Measured: the first sweep (makes every message: outbox rows + notifications; no SMTP, so nothing
 * is mailed) and a repeat sweep (nothing new: the steady cost of a sweep every N minutes).
 * Run: npx tsx bench/reminders.bench.ts [--units 500] [--tasks 50] [--skip-pg]
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { addDays } from '../src/core/calendar/index.js';
import { openDatabase } from '../src/db/database.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Clock } from '../src/lib/clock.js';
import { insertUnit } from '../src/modules/units/repository.js';
import { buildServices } from '../src/services.js';
import { testConfig } from '../tests/support/app.js';
import { report, time } from './support.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt;
const UNITS = arg('--units', 500);
const TASKS = arg('--tasks', 50);
const PG_URL = process.env.CCHC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TODAY = '2026-06-02';
const clock: Clock = { now: () => new Date(`${TODAY}T08:00:00+07:00`) };

async function fill(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const base = { created_at: now, updated_at: now, archived_at: null };
  const q = db.kysely;
  const root = await insertUnit(
    q,
    { ...base, code: 'RBENCH', name: 'Sở thử', kind: 'department', parent_id: null, superior_name: null },
    '/',
  );
  for (let i = 0; i < UNITS; i++) {
    const u = await insertUnit(
      q,
      {
        ...base,
        code: `R${i}`,
        name: `Trường thử ${i}`,
        kind: 'school',
        parent_id: root.id,
        superior_name: root.name,
      },
      root.path,
    );
    const users = await q
      .insertInto('app_user')
      .values(
        (['officer', 'staff', 'staff'] as const).map((role, k) => ({
          unit_id: u.id,
          username: `r${i}_${k}`,
          full_name: `Người thử ${i}.${k}`,
          email: `r${i}_${k}@example.vn`,
          password_hash: 'x',
          roles: JSON.stringify([role]),
          active: 1,
          must_change_password: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    const plan = await q
      .insertInto('plan')
      .values({
        unit_id: u.id,
        year: 2026,
        version: 1,
        status: 'active',
        number: null,
        title: 'KH',
        issued_on: null,
        superior_name: null,
        unit_name: null,
        document_json: '{}',
        source_filename: null,
        source_kind: 'text',
        source_sha256: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        report_settings_json: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const area = await q
      .insertInto('plan_area')
      .values({ plan_id: plan.id, code: '1', title: 'Lĩnh vực', position: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tasks = await q
      .insertInto('task')
      .values(
        Array.from({ length: TASKS }, (_, k) => ({
          plan_id: plan.id,
          area_id: area.id,
          code: `1.${k + 1}`,
          title: `Nhiệm vụ ${k + 1}`,
          deliverables_json: '[]',
          lead: null,
          lead_optional: 0,
          cooperators_json: '[]',
          deadline_text: '',
          optional: 0,
          note: null,
          status: 'in_progress',
          progress_note: null,
          completed_on: null,
          position: k,
          removed_at: null,
          created_at: now,
          updated_at: now,
          schedule_json: null,
          schedule_corrected: 0,
        })),
      )
      .returning('id')
      .execute();
    // Due dates spread over the year (one every ~7 days from January), two in three assigned.
    await q
      .insertInto('task_occurrence')
      .values(
        tasks.map((t, k) => {
          const due = addDays('2026-01-05', (k * 7 + i) % 360);
          return {
            task_id: t.id,
            key: `kehoach:${due}`,
            due_date: due,
            label: `Hạn ${due}`,
            deliverable: null,
            period_key: null,
            status: 'pending',
            completed_on: null,
            note: null,
            position: 0,
            created_at: now,
            updated_at: now,
            removed_at: null,
          };
        }),
      )
      .execute();
    const assigned = tasks
      .filter((_, k) => k % 3 !== 0)
      .map((t, k) => ({ task_id: t.id, user_id: users[1 + (k % 2)]!.id }));
    if (assigned.length > 0) await q.insertInto('task_assignee').values(assigned).execute();
  }
}

async function run(name: string, db: Db): Promise<void> {
  const t0 = performance.now();
  await fill(db);
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  console.error(
    `${name}: ${UNITS} units × ${TASKS} tasks written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const services = buildServices(db, testConfig(), clock);
  let first = { created: 0, proposed: 0 };
  const firstMs = await time(async () => {
    first = await services.reminders.sweep();
  });
  const repeat: number[] = [];
  for (let i = 0; i < 3; i++) repeat.push(await time(() => services.reminders.sweep()));
  report({
    bench: 'reminders-sweep',
    db: name,
    units: UNITS,
    tasksPerUnit: TASKS,
    messagesMade: first.created,
    firstSweepMs: Math.round(firstMs),
    repeatSweepMs: Math.round(Math.min(...repeat)),
  });
}

const lite = openDatabase({ dialect: 'sqlite', file: ':memory:' });
await migrateToLatest(lite);
await run('sqlite', lite);
await lite.close();

if (!args.includes('--skip-pg')) {
  const name = `cchc_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = openDatabase({ dialect: 'postgres', url: url.toString() });
  try {
    await migrateToLatest(db);
    await run('postgres', db);
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
