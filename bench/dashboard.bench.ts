/**
 * Issue 6 item 4 and issue 4 benchmarks, on one register of 500 units and 1,000,000 dossiers
 * under one superior (the register benchmark's data), each unit with the sample small plan
 * (tasks, targets, occurrences), on SQLite and PostgreSQL:
 *  - a period's dossier figures (Q2/2026) over the superior's subtree and for one unit, from the
 *    per-day counters (ADR 006) — target < 200 ms (issue 4);
 *  - the superior's dashboard (rolled up, one row per unit, trend per quarter) — target < 300 ms
 *    on PostgreSQL (issue 6);
 *  - one unit's dashboard.
 * Run: npx tsx bench/dashboard.bench.ts [--rows 1000000] [--skip-pg] [--only-pg]
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { insertProcedure, rebuildDossierDayCounts } from '../src/modules/dossiers/repository.js';
import { vietnamDayStart } from '../src/modules/dossiers/summary.js';
import { insertUnit } from '../src/modules/units/repository.js';
import { createUser, login, makeApp } from '../tests/support/app.js';
import type { TestApp } from '../tests/support/app.js';
import { importPlan, smallPlanText } from '../tests/support/plans.js';
import { median, report, time } from './support.js';

const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf('--rows') + 1] ?? 0) || 1_000_000;
const UNITS = 500;
const RUNS = 8;
const PG_URL = process.env.CCHC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The register benchmark's units and dossiers (same generator, same seed). */
async function fill(db: Db): Promise<{ rootId: number; units: number[] }> {
  const now = new Date().toISOString();
  const base = { created_at: now, updated_at: now, archived_at: null };
  const root = await insertUnit(
    db.kysely,
    { ...base, code: 'BENCH', name: 'Sở thử', kind: 'department', parent_id: null, superior_name: null },
    '/',
  );
  const units: { id: number; proc: number }[] = [];
  for (let i = 0; i < UNITS; i++) {
    const u = await insertUnit(
      db.kysely,
      {
        ...base,
        code: `B${i}`,
        name: `Trường thử ${i}`,
        kind: 'school',
        parent_id: root.id,
        superior_name: root.name,
      },
      root.path,
    );
    const p = await insertProcedure(db.kysely, {
      unit_id: u.id,
      code: 'P1',
      name: 'Thủ tục thử',
      field: null,
      limit_unit: 'working_days',
      limit_amount: 5,
      fee_text: null,
      fee_bearing: 1,
      online_level: 'partial',
      result_type: 'paper',
      active: 1,
      created_at: now,
      updated_at: now,
    });
    units.push({ id: u.id, proc: p.id });
  }
  const rand = rng(42);
  const start = Date.parse('2025-01-01T00:00:00+07:00');
  const span = Date.parse('2026-11-01T00:00:00+07:00') - start;
  const iso = (ms: number) => new Date(ms).toISOString();
  const BATCH = 500;
  for (let done = 0; done < ROWS; done += BATCH) {
    const rows = [];
    for (let i = done; i < Math.min(ROWS, done + BATCH); i++) {
      const u = units[i % UNITS]!;
      const received = start + Math.floor(rand() * span);
      const appointment = received + 7 * 86_400_000;
      const ended =
        received > start + span - 20 * 86_400_000 && rand() < 0.7
          ? null
          : received + Math.floor(rand() * 10 * 86_400_000);
      const late = ended !== null && ended > appointment;
      rows.push({
        unit_id: u.id,
        procedure_id: u.proc,
        code: `BENCH${i % UNITS}-${String(i).padStart(7, '0')}`,
        channel: rand() < 0.4 ? 'online' : 'direct',
        applicant_name: 'Nguyễn Văn An',
        documents_json: '[]',
        received_at: iso(received),
        original_appointment_at: iso(appointment),
        appointment_at: iso(appointment),
        appointment_day_start: vietnamDayStart(appointment),
        status: ended ? 'returned' : 'in_progress',
        ended_at: ended ? iso(ended) : null,
        end_kind: ended ? 'returned' : null,
        late: late ? 1 : 0,
        late_since: late ? iso(appointment) : null,
        supplement_requests: rand() < 0.05 ? 1 : 0,
        fee_bearing: 1,
        paid_online: rand() < 0.5 ? 1 : 0,
        digitised: rand() < 0.7 ? 1 : 0,
        electronic_result: rand() < 0.5 ? 1 : 0,
        signed_result: 0,
        rating: ended && rand() < 0.3 ? 'satisfied' : null,
        complaint: 0,
        created_at: now,
        updated_at: now,
      });
    }
    await db.kysely.insertInto('dossier').values(rows).execute();
  }
  return { rootId: root.id, units: units.map((u) => u.id) };
}

/** Imports the sample small plan into the first unit, then copies its rows to every other unit. */
async function plans(t: TestApp, units: number[]) {
  const k = t.db.kysely;
  const head = await createUser(t, units[0]!, ['head']);
  const { planId } = await importPlan(
    t,
    await login(t, head.username),
    units[0]!,
    smallPlanText({ year: 2026 }),
  );
  const plan = await k.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
  const areas = await k
    .selectFrom('plan_area')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('id')
    .execute();
  const tasks = await k.selectFrom('task').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
  const targets = await k
    .selectFrom('target')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('id')
    .execute();
  const occ = await k
    .selectFrom('task_occurrence')
    .selectAll()
    .where(
      'task_id',
      'in',
      tasks.map((x) => x.id),
    )
    .orderBy('id')
    .execute();
  const rand = rng(7);
  for (const unitId of units.slice(1)) {
    const { id: _p, ...pv } = plan;
    const p = await k
      .insertInto('plan')
      .values({ ...pv, unit_id: unitId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const areaIds = new Map<number, number>();
    for (const { id, ...a } of areas)
      areaIds.set(
        id,
        (
          await k
            .insertInto('plan_area')
            .values({ ...a, plan_id: p.id })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    const taskIds = new Map<number, number>();
    for (const { id, ...x } of tasks) {
      const status = rand() < 0.4 ? 'done' : rand() < 0.5 ? 'in_progress' : 'not_started';
      taskIds.set(
        id,
        (
          await k
            .insertInto('task')
            .values({ ...x, plan_id: p.id, area_id: areaIds.get(x.area_id)!, status })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    const targetIds = new Map<number, number>();
    for (const { id, ...x } of targets)
      targetIds.set(
        id,
        (
          await k
            .insertInto('target')
            .values({
              ...x,
              plan_id: p.id,
              parent_id: x.parent_id === null ? null : targetIds.get(x.parent_id)!,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    if (occ.length > 0)
      await k
        .insertInto('task_occurrence')
        .values(occ.map(({ id: _o, ...o }) => ({ ...o, task_id: taskIds.get(o.task_id)! })))
        .execute();
  }
}

async function run(name: string, db: Db) {
  const t0 = performance.now();
  const { rootId, units } = await fill(db);
  await rebuildDossierDayCounts(db.kysely);
  if (db.dialect === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
  const t = await makeApp(db);
  await plans(t, units);
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  console.error(
    `${name}: ${ROWS} dossiers, ${UNITS} plans in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const superior = await createUser(t, rootId, ['reviewer']);
  const cookie = await login(t, superior.username);
  const cases = [
    [
      'dossier figures Q2/2026, superior subtree',
      `/api/dossiers/figures?unitId=${rootId}&subtree=1&from=2026-04-01&to=2026-06-30`,
      200,
    ],
    [
      'dossier figures Q2/2026, one unit',
      `/api/dossiers/figures?unitId=${units[7]}&from=2026-04-01&to=2026-06-30`,
      200,
    ],
    [
      'dossier figures 2026 to date, superior subtree',
      `/api/dossiers/figures?unitId=${rootId}&subtree=1&from=2026-01-01&to=2026-12-31`,
      200,
    ],
    ['superior dashboard (500 units)', `/api/dashboard/superior/${rootId}`, 300],
    ['unit dashboard', `/api/dashboard/unit/${units[7]}`, 300],
  ] as const;
  for (const [label, url, target] of cases) {
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++)
      runs.push(
        await time(async () => {
          const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
          if (res.statusCode !== 200) throw new Error(res.body);
          bytes = res.body.length;
        }),
      );
    report({
      name: `${label}, ${ROWS} dossiers (${name})`,
      bytes,
      medianMs: +median(runs.slice(1)).toFixed(1),
      minMs: +Math.min(...runs.slice(1)).toFixed(1),
      targetMs: target,
    });
  }
  await t.app.close();
}

if (!args.includes('--only-pg')) {
  const dir = fs.mkdtempSync('/tmp/cchc-bench-dashboard-');
  const sqlite = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  await migrateToLatest(sqlite);
  await run('SQLite', sqlite);
  await sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (!args.includes('--skip-pg')) {
  const name = `cchc_bench_dash_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const pgdb = openDatabase({ dialect: 'postgres', url: url.toString() });
  await migrateToLatest(pgdb);
  await run('PostgreSQL', pgdb);
  await pgdb.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}
