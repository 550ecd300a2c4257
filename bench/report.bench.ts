/**
 * Issue 6 benchmark: one unit's quarterly report (.docx and .xlsx generated from live data, as the
 * download does) with a realistic plan — 51 tasks over three areas, Phụ lục 2 targets — and
 * 10,000 dossiers in its register, on SQLite (a file) and, when it answers, PostgreSQL.
 * Target < 1 s. Timed 7 times after a warm-up; prints the medians as JSON.
 *
 * Run: npx tsx bench/report.bench.ts [--dossiers 10000] [--skip-pg]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadConfig } from '../src/config.js';
import type { Clock } from '../src/lib/clock.js';
import { insertProcedure } from '../src/modules/dossiers/repository.js';
import { vietnamDayStart } from '../src/modules/dossiers/summary.js';
import { reportPlanText } from '../src/modules/reports/fixtures.test-support.js';
import { SYSTEM_ACTOR } from '../src/modules/auth/roles.js';
import { insertUnit } from '../src/modules/units/repository.js';
import { buildServices } from '../src/services.js';
import { median, report, time } from './support.js';

const args = process.argv.slice(2);
const DOSSIERS = Number(args[args.indexOf('--dossiers') + 1] ?? 0) || 10_000;
const REPEATS = 7;
const PG_URL = process.env.CCHC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** A fixed "now": the quarter III report of 2026 after its cut-off. */
const clock: Clock = { now: () => new Date('2026-09-20T09:00:00+07:00') };

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function fill(db: Db) {
  const services = buildServices(db, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), clock);
  const now = clock.now().toISOString();
  const base = { created_at: now, updated_at: now, archived_at: null };
  const ward = await insertUnit(
    db.kysely,
    {
      ...base,
      code: 'PBENCH',
      name: 'Ủy ban nhân dân phường Thử',
      kind: 'ward',
      parent_id: null,
      superior_name: null,
    },
    '/',
  );
  const unit = await insertUnit(
    db.kysely,
    {
      ...base,
      code: 'THBENCH',
      name: 'Trường Tiểu học Thử',
      kind: 'school',
      parent_id: ward.id,
      superior_name: ward.name,
    },
    ward.path,
  );
  const preview = await services.plans.preview(null, unit.id, {
    text: reportPlanText({ unitName: unit.name, extraTasks: 42 }),
    filename: 'plan.txt',
  });
  await services.plans.commit(null, {
    unitId: unit.id,
    draft: preview.draft,
    mode: 'create',
    source: preview.source,
  });
  const proc = await insertProcedure(db.kysely, {
    unit_id: unit.id,
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
  const rand = rng(6);
  const start = Date.parse('2026-01-01T00:00:00+07:00');
  const span = Date.parse('2026-09-15T00:00:00+07:00') - start;
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let done = 0; done < DOSSIERS; done += 500) {
    const rows = [];
    for (let i = done; i < Math.min(DOSSIERS, done + 500); i++) {
      const received = start + Math.floor(rand() * span);
      const appointment = received + 7 * 86_400_000;
      const ended = rand() < 0.1 ? null : received + Math.floor(rand() * 10 * 86_400_000);
      const late = ended !== null && ended > appointment;
      rows.push({
        unit_id: unit.id,
        procedure_id: proc.id,
        code: `THBENCH-${String(i).padStart(6, '0')}`,
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
        supplement_requests: 0,
        fee_bearing: 1,
        paid_online: rand() < 0.5 ? 1 : 0,
        digitised: rand() < 0.7 ? 1 : 0,
        electronic_result: rand() < 0.5 ? 1 : 0,
        signed_result: 0,
        rating: ended && rand() < 0.3 ? (rand() < 0.9 ? 'satisfied' : 'not_satisfied') : null,
        complaint: 0,
        created_at: now,
        updated_at: now,
      });
    }
    await db.kysely.insertInto('dossier').values(rows).execute();
  }
  return { services, unitId: unit.id };
}

async function run(name: string, db: Db) {
  await migrateToLatest(db);
  const { services, unitId } = await fill(db);
  const once = async () => {
    await services.reports.file(SYSTEM_ACTOR, unitId, '2026-Q3', 'docx');
    await services.reports.file(SYSTEM_ACTOR, unitId, '2026-Q3', 'xlsx');
  };
  const docxOnly = () => services.reports.file(SYSTEM_ACTOR, unitId, '2026-Q3', 'docx');
  await once();
  const both: number[] = [];
  const docx: number[] = [];
  const figures: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    both.push(await time(once));
    docx.push(await time(docxOnly));
    figures.push(await time(() => services.reports.content(SYSTEM_ACTOR, unitId, '2026-Q3')));
  }
  const content = await services.reports.content(SYSTEM_ACTOR, unitId, '2026-Q3');
  report({
    bench: 'report',
    db: name,
    tasks: content.tasks.length,
    dossiersHandled: content.dossiers?.handled ?? 0,
    figuresMedianMs: Math.round(median(figures)),
    docxMedianMs: Math.round(median(docx)),
    docxAndXlsxMedianMs: Math.round(median(both)),
    targetMs: 1000,
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-report-'));
const sqlite = openDatabase({ dialect: 'sqlite', file: path.join(tmp, 'bench.sqlite') });
try {
  await run('sqlite', sqlite);
} finally {
  await sqlite.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (!args.includes('--skip-pg')) {
  const name = `cchc_bench_report_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  const reachable = await admin.connect().then(
    () => true,
    () => false,
  );
  if (reachable) {
    await admin.query(`create database ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const db = openDatabase({ dialect: 'postgres', url: url.toString() });
    try {
      await run('postgres', db);
    } finally {
      await db.close();
      for (let i = 0; i < 50; i++) {
        const left = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
          name,
        ]);
        if ((left.rows[0] as { n: number }).n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } else console.error('PostgreSQL is unreachable: the PostgreSQL run is skipped.');
  await admin.end();
}
