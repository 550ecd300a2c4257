/**
 * Receipt throughput of 16 concurrent clerks on PostgreSQL (issue 10), with 1 and with 2 server
 * processes. For each setup: a fresh database (the concurrency tests' fixture: one unit, 16 clerks,
 * one procedure), the servers started as in tests/support/servers.ts (the built server when
 * `npm run build` has run), and this process as the load generator: 16 clerks in a closed loop,
 * each sending its next receipt (`POST /api/dossiers`) as soon as the last one is answered, for
 * RECEIPTS_SECONDS (default 30) after RECEIPTS_WARMUP_SECONDS (default 5, not counted). Clerk i
 * talks to server i % n. Afterwards: codes unique and gapless, and `figures verify` finds nothing.
 *
 *   npx tsx bench/receipts.bench.ts
 *   RECEIPTS_SECONDS=10 RECEIPTS_PROCESSES=2 npx tsx bench/receipts.bench.ts
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { verifyFigures } from '../src/modules/figures/service.js';
import { PG_URL, freshPostgres } from '../tests/support/db.js';
import { TEST_PASSWORD } from '../tests/support/app.js';
import { call, childEnv, startServer } from '../tests/support/servers.js';
import { buildFixture, sequencesByDay } from '../tests/concurrency/workload.js';
import { percentile, report } from './support.js';

const SECONDS = Number(process.env.RECEIPTS_SECONDS ?? 30);
const WARMUP = Number(process.env.RECEIPTS_WARMUP_SECONDS ?? 5);
const SETUPS = (process.env.RECEIPTS_PROCESSES ?? '1,2').split(',').map(Number);
const built = fs.existsSync('dist/src/server.js');

async function run(processes: number): Promise<void> {
  const tdb = await freshPostgres();
  const name = (await sql<{ n: string }>`select current_database() as n`.execute(tdb.db.kysely)).rows[0]!.n;
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const f = await buildFixture(tdb.db);
  const env = childEnv(u.toString(), { LOG_LEVEL: 'warn' });
  const servers = await Promise.all(Array.from({ length: processes }, () => startServer(env, [], { built })));
  const bases = servers.map((s) => s.base);
  const cookies = await Promise.all(
    f.clerks.map(async (c, i) => {
      const r = await call(bases[i % processes]!, 'POST', '/api/auth/login', {
        json: { username: c.username, password: TEST_PASSWORD },
      });
      return (r.setCookie ?? '').split(';')[0]!;
    }),
  );

  const latencies: number[] = [];
  const errors: { status: number; body: string }[] = [];
  const codes: string[] = [];
  let n = 0;
  const t0 = Date.now();
  const measureFrom = t0 + WARMUP * 1000;
  const end = measureFrom + SECONDS * 1000;
  let measured = 0;
  const clerk = async (i: number) => {
    while (Date.now() < end) {
      const k = n++;
      const start = performance.now();
      const startedAt = Date.now();
      let status = 0;
      let body = '';
      try {
        const r = await call(bases[i % processes]!, 'POST', '/api/dossiers', {
          cookie: cookies[i],
          json: {
            unitId: f.unit.id,
            procedureId: f.procedureId,
            channel: k % 2 ? 'online' : 'direct',
            applicant: { name: `Người nộp ${k}` },
            documents: [{ name: 'Đơn đề nghị' }],
          },
        });
        status = r.status;
        body = r.body;
        if (r.status === 200) codes.push(r.json<{ code: string }>().code);
      } catch (e) {
        body = String(e);
      }
      const ms = performance.now() - start;
      // Counted when sent inside the measured window (the warm-up's receipts still get their codes).
      if (startedAt >= measureFrom && Date.now() <= end) {
        measured++;
        latencies.push(ms);
        if (status !== 200) errors.push({ status, body: body.slice(0, 300) });
      } else if (status !== 200) errors.push({ status, body: body.slice(0, 300) });
    }
  };
  await Promise.all(f.clerks.map((_, i) => clerk(i)));

  const verify = await verifyFigures(tdb.db);
  const gapless = [...sequencesByDay(codes).values()].every((s) => s.every((x, i) => x === i + 1));
  report({
    name: `receipts: 16 clerks, ${processes} server process${processes > 1 ? 'es' : ''}, PostgreSQL`,
    servers: built ? 'dist (built)' : 'tsx',
    node: process.version,
    seconds: SECONDS,
    receipts: measured,
    reqPerSecond: Math.round((measured / SECONDS) * 10) / 10,
    errors: errors.length,
    errorSamples: errors.slice(0, 3),
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    codesUnique: new Set(codes).size === codes.length,
    codesGapless: gapless,
    figuresVerifyDifferences: verify.differences.length,
  });
  await Promise.all(servers.map((s) => s.stop()));
  await f.t.app.close();
  await tdb.drop();
}

for (const p of SETUPS) await run(p);
