/**
 * Issue 4 benchmarks.
 *  - A period's figures over 1,000,000 dossiers (500 units under one superior), on SQLite and on
 *    PostgreSQL: the superior's whole subtree, and one unit. Target < 200 ms.
 *  - The public lookup under 200 concurrent connections (autocannon, 10 s), p99 target < 10 ms,
 *    and as a ratio to a bare fastify route returning the same JSON from memory in the same run.
 * Run: npx tsx bench/dossier-register.bench.ts [--rows 1000000] [--skip-pg]
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { insertProcedure, rebuildDossierDayCounts } from '../src/modules/dossiers/repository.js';
import { vietnamDayStart } from '../src/modules/dossiers/summary.js';
import { insertUnit } from '../src/modules/units/repository.js';
import { createUser, login, makeApp } from '../tests/support/app.js';
import { median, report, time } from './support.js';

const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf('--rows') + 1] ?? 0) || 1_000_000;
const UNITS = 500;
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

async function fill(db: Db): Promise<{ rootId: number; unitId: number; code: string }> {
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
  let firstCode = '';
  for (let done = 0; done < ROWS; done += BATCH) {
    const rows = [];
    for (let i = done; i < Math.min(ROWS, done + BATCH); i++) {
      const u = units[i % UNITS]!;
      const received = start + Math.floor(rand() * span);
      const appointment = received + 7 * 86_400_000;
      // Dossiers still open are the recent ones, as in a real register.
      const ended =
        received > start + span - 20 * 86_400_000 && rand() < 0.7
          ? null
          : received + Math.floor(rand() * 10 * 86_400_000);
      const late = ended !== null && ended > appointment;
      const code = `BENCH${i % UNITS}-${String(i).padStart(7, '0')}`;
      if (i === 0) firstCode = code;
      rows.push({
        unit_id: u.id,
        procedure_id: u.proc,
        code,
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
  return { rootId: root.id, unitId: units[7]!.id, code: firstCode };
}

async function figuresBench(name: string, db: Db): Promise<{ code: string }> {
  const t0 = performance.now();
  const { rootId, unitId, code } = await fill(db);
  // The rows were bulk-inserted past the writers: count the per-day counters (ADR 006) once.
  await rebuildDossierDayCounts(db.kysely);
  // Autovacuum would have run on a real server; after a bulk load, do it now so that PostgreSQL
  // can answer from the covering index alone (index-only scans need the visibility map).
  if (db.dialect === 'postgres') await sql`vacuum analyze dossier`.execute(db.kysely);
  console.error(`${name}: ${ROWS} dossiers written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t = await makeApp(db);
  const superior = await createUser(t, rootId, ['reviewer']);
  const cookie = await login(t, superior.username);
  for (const [label, url] of [
    [
      'superior subtree (all rows)',
      `/api/dossiers/figures?unitId=${rootId}&subtree=1&from=2026-04-01&to=2026-06-30`,
    ],
    ['one unit', `/api/dossiers/figures?unitId=${unitId}&from=2026-04-01&to=2026-06-30`],
  ] as const) {
    const runs: number[] = [];
    let handled = 0;
    for (let i = 0; i < 8; i++) {
      runs.push(
        await time(async () => {
          const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
          if (res.statusCode !== 200) throw new Error(res.body);
          handled = res.json<{ handled: number }>().handled;
        }),
      );
    }
    report({
      name: `dossier figures, Q2/2026, ${label}, ${ROWS} dossiers (${name})`,
      handled,
      medianMs: +median(runs.slice(1)).toFixed(1),
      targetMs: 200,
    });
  }
  await t.app.close();
  return { code };
}

async function lookupBench(db: Db, code: string) {
  const t = await makeApp(db, { config: { publicRateLimit: 100_000_000 } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (t.app.server.address() as { port: number }).port;
  const sample = (await t.app.inject({ method: 'GET', url: `/api/public/dossiers/${code}` })).json<unknown>();
  const bare = Fastify();
  bare.get('/x', async () => sample);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;
  // The load generator runs in a worker thread: in the server's own thread it would take turns with
  // the server on one event loop and the latencies would measure both.
  const load = (url: string) => autocannon({ url, connections: 200, duration: 10, workers: 1 });
  await load(`http://127.0.0.1:${appPort}/api/public/dossiers/${code}`); // warm-up
  const app = await load(`http://127.0.0.1:${appPort}/api/public/dossiers/${code}`);
  const ref = await load(`http://127.0.0.1:${barePort}/x`);
  report({
    name: 'public dossier lookup, 200 connections, 10 s (SQLite)',
    requests: app.requests.total,
    non2xx: app.non2xx,
    rps: Math.round(app.requests.average),
    latencyMedianMs: app.latency.p50,
    p99Ms: app.latency.p99,
    bareFastifyP99Ms: ref.latency.p99,
    bareFastifyRps: Math.round(ref.requests.average),
    p99Ratio: +(app.latency.p99 / Math.max(ref.latency.p99, 1)).toFixed(2),
    targetP99Ms: 10,
  });
  await bare.close();
  await t.app.close();
}

if (!args.includes('--only-pg')) {
  const dir = fs.mkdtempSync('/tmp/cchc-bench-register-');
  const sqlite = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  await migrateToLatest(sqlite);
  const { code } = await figuresBench('SQLite', sqlite);
  await lookupBench(sqlite, code);
  await sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (!args.includes('--skip-pg')) {
  const name = `cchc_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const pgdb = openDatabase({ dialect: 'postgres', url: url.toString() });
  await migrateToLatest(pgdb);
  await figuresBench('PostgreSQL', pgdb);
  await pgdb.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}
