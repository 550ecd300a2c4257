/**
 * A register import killed (`kill -9`) in the middle of saving 200,000 rows (issue 10): nothing of
 * it is kept (one transaction), and `figures verify` finds no difference afterwards.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyFigures } from '../../src/modules/figures/service.js';
import { PG_URL, REQUIRE_ALL, freshPostgres, postgresAvailable } from '../support/db.js';
import type { TestDb } from '../support/db.js';
import { createUnit, makeApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { registerCatalogueCsv, registerCsv } from '../support/registers.js';
import { ROOT, childEnv, runCli } from '../support/servers.js';

const pgReady = await postgresAvailable();
const ROWS = 200_000;
/**
 * Opt-in (`CCHC_SLOW_TESTS=1`): on the shared 2-core machine the 200,000-row analysis and save
 * took longer than the 4-minute limit; not yet seen passing (issue 10 report).
 */
const SLOW = process.env.CCHC_SLOW_TESTS === '1';

describe.skipIf(!SLOW || (!pgReady && !REQUIRE_ALL))(
  'a register import killed while saving [PostgreSQL]',
  () => {
    let tdb: TestDb;
    let t: TestApp;
    let dir: string;
    let url: string;
    beforeAll(async () => {
      tdb = await freshPostgres();
      t = await makeApp(tdb.db);
      const name = (await sql<{ n: string }>`select current_database() as n`.execute(tdb.db.kysely)).rows[0]!
        .n;
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

    it('keeps nothing of it and leaves every counter equal to a recount', async () => {
      const unit = await createUnit(t, { code: `KILL${Date.now().toString(36).toUpperCase()}` });
      const env = childEnv(url);
      const catalogue = path.join(dir, 'danh-muc.csv');
      fs.writeFileSync(catalogue, registerCatalogueCsv);
      expect((await runCli(['procedures', 'import', catalogue, '--unit', unit.code], env)).code).toBe(0);
      // A first small import, so that counters and figures exist before the interrupted one.
      const small = path.join(dir, 'nho.csv');
      // Our own codes only: the big file's codes of the other software must not clash with these.
      fs.writeFileSync(
        small,
        registerCsv({ rows: 300, seed: 7, givenCodes: 0, start: Date.UTC(2023, 0, 2), days: 300 }),
      );
      expect((await runCli(['dossiers', 'import', small, '--unit', unit.code], env)).code).toBe(0);
      const before = await verifyFigures(tdb.db);
      expect(before.differences).toEqual([]);
      const counters = await tdb.db.kysely
        .selectFrom('number_counter')
        .selectAll()
        .orderBy('scope')
        .execute();

      const big = path.join(dir, 'lon.csv');
      fs.writeFileSync(big, registerCsv({ rows: ROWS, seed: 11 }));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/index.ts', 'dossiers', 'import', big, '--unit', unit.code],
        {
          cwd: ROOT,
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-5000)));
      const exited = new Promise<number | null>((r) =>
        child.once('exit', (code, signal) => r(signal ? -1 : code)),
      );
      // Wait until its transaction is inserting dossiers, let it write a few batches, then kill it.
      let inserting = false;
      while (!inserting && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 200));
        const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query like 'insert into "dossier_event"%'`.execute(
          tdb.db.kysely,
        );
        inserting = r.rows[0]!.n > 0;
      }
      expect(inserting, stderr).toBe(true);
      await new Promise((r) => setTimeout(r, 1_500));
      child.kill('SIGKILL');
      expect(await exited).toBe(-1);
      // PostgreSQL rolls the dead connection's transaction back once it notices the socket closed.
      for (let i = 0; i < 100; i++) {
        const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`.execute(
          tdb.db.kysely,
        );
        if (r.rows[0]!.n === 0) break;
        await new Promise((res) => setTimeout(res, 100));
      }

      const n = await tdb.db.kysely
        .selectFrom('dossier')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('unit_id', '=', unit.id)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(300);
      expect(await tdb.db.kysely.selectFrom('number_counter').selectAll().orderBy('scope').execute()).toEqual(
        counters,
      );
      const after = await verifyFigures(tdb.db);
      expect(after.differences).toEqual([]);
    }, 600_000);
  },
);
