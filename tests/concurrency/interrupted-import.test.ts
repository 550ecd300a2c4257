/**
 * A register import killed (`kill -9`) while it saves (issue 10): nothing of it is kept (one
 * transaction), the number counters are as before, and `figures verify` finds no difference.
 *
 * The importing CLI is started with `--progress-id`, so that it writes each saved batch to the
 * shared `import_progress` row (as the server does on PostgreSQL); the test polls that row and
 * kills the process once it reports the saving phase with at least two batches written and not
 * yet done — no time limit on the analysis before. Afterwards the row must still read "saving"
 * (the process never reached its end).
 *
 * In CI: a register of 20,000 rows (40 batches), which is then imported again to its end, and the
 * figures checked once more. The 200,000 rows: opt-in with `CCHC_SLOW_TESTS=1` (the two
 * analyses of the CLI — its preview and the commit's re-check — and the save take minutes on the
 * shared 2-core machine; see docs/benchmarks.md).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/lib/clock.js';
import { verifyFigures } from '../../src/modules/figures/service.js';
import { sharedImportProgress } from '../../src/modules/runtime/progress.js';
import { PG_URL, REQUIRE_ALL, freshPostgres, postgresAvailable } from '../support/db.js';
import type { TestDb } from '../support/db.js';
import { createUnit, makeApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { registerCatalogueCsv, registerCsv } from '../support/registers.js';
import { ROOT, childEnv } from '../support/servers.js';
import { cchc } from '../support/cli.js';

const pgReady = await postgresAvailable();
const SLOW = process.env.CCHC_SLOW_TESTS === '1';
/** Kill once this many rows are written: two batches of 500, the import demonstrably saving. */
const KILL_AFTER = 1_000;

function interruptedImport(rows: number, opts: { thenComplete: boolean }) {
  let tdb: TestDb;
  let t: TestApp;
  let dir: string;
  let url: string;
  beforeAll(async () => {
    tdb = await freshPostgres();
    t = await makeApp(tdb.db);
    const name = (await sql<{ n: string }>`select current_database() as n`.execute(tdb.db.kysely)).rows[0]!.n;
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-kill-'));
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps nothing of ${rows.toLocaleString('en')} rows and leaves every counter equal to a recount`, async () => {
    const unit = await createUnit(t, { code: `KILL${Date.now().toString(36).toUpperCase()}` });
    const env = childEnv(url);
    const catalogue = path.join(dir, 'danh-muc.csv');
    fs.writeFileSync(catalogue, registerCatalogueCsv);
    expect((await cchc(['procedures', 'import', catalogue, '--unit', unit.code], env)).code).toBe(0);
    // A first small import, so that counters and figures exist before the interrupted one.
    const small = path.join(dir, 'nho.csv');
    // Our own codes only: the big file's codes of the other software must not clash with these.
    fs.writeFileSync(
      small,
      registerCsv({ rows: 300, seed: 7, givenCodes: 0, start: Date.UTC(2023, 0, 2), days: 300 }),
    );
    expect((await cchc(['dossiers', 'import', small, '--unit', unit.code], env)).code).toBe(0);
    const before = await verifyFigures(tdb.db);
    expect(before.differences).toEqual([]);
    const counters = await tdb.db.kysely.selectFrom('number_counter').selectAll().orderBy('scope').execute();
    const dayCounts = await tdb.db.kysely
      .selectFrom('dossier_day_count')
      .selectAll()
      .where('unit_id', '=', unit.id)
      .orderBy('day')
      .execute();

    const big = path.join(dir, 'lon.csv');
    fs.writeFileSync(big, registerCsv({ rows, seed: 11 }));
    const progressId = `kill-${Date.now().toString(36)}-${'x'.repeat(20)}`;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/index.ts',
        'dossiers',
        'import',
        big,
        '--unit',
        unit.code,
        '--progress-id',
        progressId,
      ],
      { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-5000)));
    const exited = new Promise<number | null>((r) =>
      child.once('exit', (code, signal) => r(signal ? -1 : code)),
    );
    // Poll the shared progress (written through the pool, outside the import's transaction) until
    // the import is saving and has written KILL_AFTER rows, then kill it at once.
    const progress = sharedImportProgress(tdb.db.kysely, systemClock);
    let seen: Awaited<ReturnType<typeof progress.load>> = null;
    while (child.exitCode === null && child.signalCode === null) {
      seen = await progress.load(progressId);
      if (seen && seen.state === 'saving' && seen.done >= KILL_AFTER) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(child.exitCode, `the import ended before it could be killed:\n${stderr}`).toBeNull();
    child.kill('SIGKILL');
    expect(await exited).toBe(-1);
    expect(seen).toMatchObject({ state: 'saving', total: rows });
    // Killed in the middle: the process never published its end.
    const last = await progress.load(progressId);
    expect(last?.state).toBe('saving');
    expect(last!.done).toBeLessThan(rows);

    // PostgreSQL rolls the dead connection's transaction back once it reads the closed socket:
    // wait (generously) until no other connection of this database is inside a transaction.
    let busy = -1;
    for (let i = 0; i < 600 && busy !== 0; i++) {
      if (i > 0) await new Promise((res) => setTimeout(res, 100));
      const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`.execute(
        tdb.db.kysely,
      );
      busy = r.rows[0]!.n;
    }
    expect(busy).toBe(0);

    const count = async () =>
      Number(
        (
          await tdb.db.kysely
            .selectFrom('dossier')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('unit_id', '=', unit.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(300);
    expect(await tdb.db.kysely.selectFrom('number_counter').selectAll().orderBy('scope').execute()).toEqual(
      counters,
    );
    expect(
      await tdb.db.kysely
        .selectFrom('dossier_day_count')
        .selectAll()
        .where('unit_id', '=', unit.id)
        .orderBy('day')
        .execute(),
    ).toEqual(dayCounts);
    const after = await verifyFigures(tdb.db);
    expect(after.differences).toEqual([]);

    if (opts.thenComplete) {
      // Nothing of the killed run is in the way: the same file imports to its end.
      const again = await cchc(['dossiers', 'import', big, '--unit', unit.code], env);
      expect(again.code, again.stderr).toBe(0);
      expect(await count()).toBe(300 + rows);
      const final = await verifyFigures(tdb.db);
      expect(final.differences).toEqual([]);
    }
  }, 1_200_000);
}

describe.skipIf(!pgReady && !REQUIRE_ALL)('a register import killed while saving [PostgreSQL]', () => {
  interruptedImport(20_000, { thenComplete: true });
});

describe.skipIf(!SLOW || (!pgReady && !REQUIRE_ALL))(
  'a 200,000-row register import killed while saving [PostgreSQL, CCHC_SLOW_TESTS=1]',
  () => {
    interruptedImport(200_000, { thenComplete: false });
  },
);
