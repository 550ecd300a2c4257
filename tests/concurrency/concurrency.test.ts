/**
 * Official figures under real concurrent use (issue 10): two server processes on one PostgreSQL
 * database with 16 concurrent clients; one server process on SQLite with a CLI process writing at
 * the same time. Afterwards no 5xx, codes gapless, one rating per link, no drift in the stored
 * counters, and figures equal to the log's own count.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import type { Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { systemClock, vietnamToday } from '../../src/lib/clock.js';
import { PG_URL, REQUIRE_ALL, freshPostgres, postgresAvailable } from '../support/db.js';
import type { TestDb } from '../support/db.js';
import { registerCatalogueCsv, registerCsv } from '../support/registers.js';
import { childEnv, startServer } from '../support/servers.js';
import { cchc } from '../support/cli.js';
import type { ServerProcess } from '../support/servers.js';
import { checkAfterWorkload } from './checks.js';
import { buildFixture, runWorkload } from './workload.js';
import type { Fixture } from './workload.js';

const pgReady = await postgresAvailable();

/** `cchc figures verify --json` against the database: the differences it finds. */
async function verify(env: NodeJS.ProcessEnv) {
  const r = await cchc(['figures', 'verify', '--json'], env);
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as { differences: unknown[] } };
}

describe.skipIf(!pgReady && !REQUIRE_ALL)('two server processes, 16 clients [PostgreSQL]', () => {
  let tdb: TestDb;
  let url: string;
  let f: Fixture;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    tdb = await freshPostgres();
    const name = (await sql<{ n: string }>`select current_database() as n`.execute(tdb.db.kysely)).rows[0]!.n;
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    f = await buildFixture(tdb.db);
    servers.push(...(await Promise.all([startServer(childEnv(url)), startServer(childEnv(url))])));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await f?.t.app.close();
    await tdb?.drop();
  });

  it('keeps codes gapless, one rating per link, counters without drift, figures equal to the log', async () => {
    const log = await runWorkload(
      f,
      servers.map((s) => s.base),
    );
    await checkAfterWorkload(tdb.db, f, log);
    const v = await verify(childEnv(url));
    expect(v.report.differences).toEqual([]);
    expect(v.code).toBe(0);
  }, 300_000);
});

describe('one server process and a CLI import writing at the same time [SQLite]', () => {
  let dir: string;
  let db: Db;
  let url: string;
  let f: Fixture;
  let server: ServerProcess;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-concurrency-'));
    url = `sqlite:${path.join(dir, 'cchc.sqlite')}`;
    db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'cchc.sqlite') });
    await migrateToLatest(db);
    f = await buildFixture(db);
    server = await startServer(childEnv(url));
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await f?.t.app.close();
    await db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never fails a write of the server or of the CLI, and the figures stay right', async () => {
    // The unit's past register, imported by the CLI while the clients work.
    const env = childEnv(url);
    const catalogue = path.join(dir, 'danh-muc.csv');
    const register = path.join(dir, 'so-ho-so.csv');
    fs.writeFileSync(catalogue, registerCatalogueCsv);
    // 60 to 30 days before today (ends up to 21 days later): the register numbers share this year's book with today's
    // receipts (in January, last year's too).
    const today = Date.parse(`${vietnamToday(systemClock)}T00:00:00Z`);
    fs.writeFileSync(register, registerCsv({ rows: 3000, start: today - 60 * 86_400_000, days: 30 }));
    expect((await cchc(['procedures', 'import', catalogue, '--unit', f.unit.code], env)).code).toBe(0);
    const [log, cli] = await Promise.all([
      runWorkload(f, [server.base]),
      cchc(['dossiers', 'import', register, '--unit', f.unit.code, '--json'], env),
    ]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    // The import's dossiers are in the unit too: check only the server's, then all counters.
    await checkAfterWorkload(db, f, log, { imported: 3000 });
    const v = await verify(env);
    expect(v.report.differences).toEqual([]);
    expect(v.code).toBe(0);
  }, 300_000);
});
