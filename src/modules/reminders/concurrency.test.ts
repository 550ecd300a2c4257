import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL, REQUIRE_ALL, freshPostgres, postgresAvailable } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { TEST_PASSWORD, createUnit, makeApp, testConfig, uniq } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { addDays } from '../../core/calendar/index.js';
import { openDatabase } from '../../db/database.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { systemClock, vietnamToday } from '../../lib/clock.js';
import { buildServices } from '../../services.js';
import { startTestSmtpServer } from './smtp-server.test-support.js';
import type { TestSmtpServer } from './smtp-server.test-support.js';
import type { SweepResult } from './sweep.js';
import { planWithOccurrences } from './test-support.js';

const pgReady = await postgresAvailable();
const fixed: Clock = { now: () => new Date('2026-06-02T08:00:00+07:00') };
const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Several server processes on one PostgreSQL sweep at the same moment: every (recipient, event)
 * must be made, notified and mailed exactly once.
 */
describe.skipIf(!pgReady && !REQUIRE_ALL)('reminders swept by several processes at once [PostgreSQL]', () => {
  let tdb: TestDb;
  let t: TestApp;
  let url: string;
  let smtp: TestSmtpServer;
  const extra: Db[] = [];

  beforeAll(async () => {
    tdb = await freshPostgres();
    t = await makeApp(tdb.db, { clock: fixed });
    const name = (await sql<{ n: string }>`select current_database() as n`.execute(tdb.db.kysely)).rows[0]!.n;
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    for (const db of extra) await db.close();
    await t.app.close();
    await smtp.close();
    await tdb.drop();
  });

  /** A second connection pool on the same database, as another server process would have. */
  function anotherProcess(clock: Clock) {
    const db = openDatabase({ dialect: 'postgres', url });
    extra.push(db);
    return buildServices(db, testConfig({ smtpUrl: smtp.url, mailFrom: 'cchc@donvi.gov.vn' }), clock);
  }

  async function staffWithEmail(unitId: number, n: number) {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const username = `p${uniq().toLowerCase()}`;
      const u = await t.services.users.create(null, {
        unitId,
        username,
        fullName: `Người ${username}`,
        roles: ['staff'],
        password: TEST_PASSWORD,
        email: `${username}@example.vn`,
      });
      ids.push(u.id);
    }
    return ids;
  }

  /** Outbox rows, notifications per row, and mails per (address, subject) for one unit. */
  async function tally(unitId: number) {
    const q = tdb.db.kysely;
    const rows = await q
      .selectFrom('outbox')
      .select(['id', 'dedupe_key', 'email_to', 'subject', 'email_status'])
      .where('unit_id', '=', unitId)
      .execute();
    const notes = await q
      .selectFrom('notification')
      .select((eb) => ['outbox_id', eb.fn.countAll().as('n')])
      .where('unit_id', '=', unitId)
      .groupBy('outbox_id')
      .execute();
    const mails = new Map<string, number>();
    const addresses = new Set(rows.map((r) => r.email_to));
    for (const m of smtp.received)
      if (m.to.some((a) => addresses.has(a))) {
        const k = `${m.to.join(',')}|${m.subject}`;
        mails.set(k, (mails.get(k) ?? 0) + 1);
      }
    return { rows, notes, mails };
  }

  it('two pools sweeping at the same moment make, notify and mail each reminder once', async () => {
    const unit = await createUnit(t);
    const people = await staffWithEmail(unit.id, 3);
    const specs = Array.from({ length: 40 }, (_, i) => ({
      due: i % 4 === 0 ? '2026-06-01' : '2026-06-11',
      assignees: people,
    }));
    await planWithOccurrences(t.db.kysely, unit.id, specs);
    smtp.delayMs = 2;
    const a = anotherProcess(fixed);
    const b = anotherProcess(fixed);
    const results: SweepResult[] = await Promise.all([
      a.reminders.sweep(),
      b.reminders.sweep(),
      a.reminders.sweep(),
      b.reminders.sweep(),
    ]);

    const { rows, notes, mails } = await tally(unit.id);
    expect(rows).toHaveLength(40 * 3);
    expect(results.reduce((s, r) => s + r.created, 0)).toBe(rows.length);
    expect(notes).toHaveLength(rows.length);
    expect(notes.every((n) => Number(n.n) === 1)).toBe(true);
    expect(rows.every((r) => r.email_status === 'sent')).toBe(true);
    expect(mails.size).toBe(rows.length);
    expect([...mails.values()].every((n) => n === 1)).toBe(true);
    expect(results.reduce((s, r) => s + r.emailsSent, 0)).toBe(rows.length);
  });

  it('a separate process (cchc reminders sweep) and this one sweeping together send each reminder once', async () => {
    const unit = await createUnit(t);
    const people = await staffWithEmail(unit.id, 2);
    // Due two days ago by the real clock (the child process runs on it): overdue whatever today is.
    const due = addDays(vietnamToday(systemClock), -2);
    await planWithOccurrences(
      t.db.kysely,
      unit.id,
      Array.from({ length: 60 }, () => ({ due, assignees: people })),
      Number(due.slice(0, 4)),
    );
    smtp.delayMs = 25; // 120 messages take 3 s: the two processes share the sending
    const here = anotherProcess(systemClock);
    const connections = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from pg_stat_activity where datname = current_database()`.execute(
            tdb.db.kysely,
          )
        ).rows[0]!.n,
      );
    const before = await connections();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', 'reminders', 'sweep', '--json'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: url,
          CCHC_SMTP_URL: smtp.url,
          CCHC_MAIL_FROM: 'cchc@donvi.gov.vn',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let done = false;
    void exited.then(() => (done = true));
    // Start sweeping here once the child has connected (it migrates, then sweeps right away).
    while (!done && (await connections()) <= before) await new Promise((r) => setTimeout(r, 20));
    const mine: SweepResult[] = [];
    // Sweep here again and again until the child is finished: the two contend for the same rows.
    while (!done) mine.push(await here.reminders.sweep());
    expect(await exited, stderr).toBe(0);
    mine.push(await here.reminders.sweep());
    const theirs = JSON.parse(stdout.trim().split('\n').pop()!) as SweepResult;

    const { rows, notes, mails } = await tally(unit.id);
    expect(rows).toHaveLength(60 * 2);
    // The child saw every candidate while this process was making and sending them.
    expect(theirs.proposed).toBe(rows.length);
    expect(mine.reduce((s, r) => s + r.created, 0) + theirs.created).toBe(rows.length);
    expect(notes).toHaveLength(rows.length);
    expect(notes.every((n) => Number(n.n) === 1)).toBe(true);
    expect(rows.every((r) => r.email_status === 'sent')).toBe(true);
    expect(mails.size).toBe(rows.length);
    expect([...mails.values()].every((n) => n === 1)).toBe(true);
    expect(mine.reduce((s, r) => s + r.emailsSent, 0) + theirs.emailsSent).toBe(rows.length);
  }, 180_000); // Spawns a CLI process: over 30 s on a loaded machine.
});
