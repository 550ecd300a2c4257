import { randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import {
  MAX_EMAIL_ATTEMPTS,
  dedupeKey,
  deliveryOf,
  emailBody,
  preferenceFor,
} from '../../core/reminders/index.js';
import type { ChannelPreference } from '../../core/reminders/index.js';
import type { Dialect } from '../../db/database.js';
import type { Q } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import type { Mailer } from './mailer.js';
import {
  claimEmails,
  existingDedupeKeys,
  finishEmail,
  insertMessagesOnce,
  insertNotifications,
  preferencesOfUsers,
  recipientsByIds,
} from './repository.js';
import type { NewOutbox } from './repository.js';
import type { ReminderCandidate, ReminderSource, SweepContext } from './source.js';

export interface SweepDeps {
  db: Q;
  dialect: Dialect;
  clock: Clock;
  calendarOf(unitId: number): Promise<WorkingCalendar>;
  mailer: Mailer;
  sources: readonly ReminderSource[];
  appUrl: string | null;
}

export interface SweepResult {
  /** (recipient, event) pairs the sources proposed. */
  proposed: number;
  /** Messages this sweep made (its inserts that won their key). */
  created: number;
  notifications: number;
  /** Pairs left out because the recipient turned the kind off (or is inactive). */
  skipped: number;
  emailsSent: number;
  emailsFailed: number;
  /** Sources that failed: the others still ran. */
  sourceErrors: { source: string; message: string }[];
}

/** How long a process may hold claimed e-mails before another may take them over. */
const LEASE_MS = 10 * 60_000;
const CLAIM_BATCH = 50;
const INSERT_BATCH = 100;

/**
 * One sweep: ask every source for candidates, make each (recipient, kind, event) message once,
 * then send the pending e-mails.
 *
 * Exactly once with several processes on one PostgreSQL: a message is an `outbox` row with a
 * unique `dedupe_key`, inserted with ON CONFLICT DO NOTHING; the process whose insert won makes the
 * in-app notification in the same transaction. E-mails are sent only by the process that claims
 * the row (`pending` → `sending` with a lease, FOR UPDATE SKIP LOCKED); a process that dies after
 * claiming leaves a lease that runs out, and the e-mail is retried (at-least-once at a crash, at
 * most MAX_EMAIL_ATTEMPTS tries).
 */
export async function runSweep(d: SweepDeps): Promise<SweepResult> {
  const now = d.clock.now();
  const calendars = new Map<number, Promise<WorkingCalendar>>();
  const ctx: SweepContext = {
    now,
    today: vietnamToday(d.clock),
    calendarOf(unitId) {
      let c = calendars.get(unitId);
      if (!c) {
        c = d.calendarOf(unitId);
        calendars.set(unitId, c);
      }
      return c;
    },
  };
  const result: SweepResult = {
    proposed: 0,
    created: 0,
    notifications: 0,
    skipped: 0,
    emailsSent: 0,
    emailsFailed: 0,
    sourceErrors: [],
  };

  const pairs = new Map<string, { c: ReminderCandidate; userId: number }>();
  for (const source of d.sources) {
    let found: ReminderCandidate[];
    try {
      found = await source.candidates(ctx);
    } catch (err) {
      result.sourceErrors.push({
        source: source.name,
        message: err instanceof Error ? err.message : String(err),
      });
      continue;
    }
    for (const c of found)
      for (const userId of new Set(c.recipients)) {
        const key = dedupeKey(userId, c.kind, c.eventKey);
        if (!pairs.has(key)) pairs.set(key, { c, userId });
      }
  }
  result.proposed = pairs.size;

  const existing = await existingDedupeKeys(d.db, [...pairs.keys()]);
  const fresh = [...pairs.entries()].filter(([key]) => !existing.has(key));
  const userIds = [...new Set(fresh.map(([, p]) => p.userId))];
  const users = new Map((await recipientsByIds(d.db, userIds)).map((u) => [u.id, u]));
  const prefs = new Map<number, Map<string, ChannelPreference>>();
  for (const p of await preferencesOfUsers(d.db, userIds)) {
    const m = prefs.get(p.user_id) ?? new Map<string, ChannelPreference>();
    m.set(p.kind, { email: p.email === 1, inApp: p.in_app === 1 });
    prefs.set(p.user_id, m);
  }

  const createdAt = now.toISOString();
  const rows: NewOutbox[] = [];
  for (const [key, { c, userId }] of fresh) {
    const user = users.get(userId);
    const how =
      user && user.active === 1
        ? deliveryOf(preferenceFor(c.kind, prefs.get(userId)), {
            email: user.email,
            smtpConfigured: d.mailer.configured,
          })
        : null;
    if (!how) {
      result.skipped++;
      continue;
    }
    rows.push({
      dedupe_key: key,
      unit_id: c.unitId,
      user_id: userId,
      kind: c.kind,
      event_key: c.eventKey,
      subject: c.subject,
      body: c.text,
      link: c.link,
      in_app: how.inApp ? 1 : 0,
      email_to: how.emailStatus === 'no_address' || how.emailStatus === 'off' ? null : (user?.email ?? null),
      email_status: how.emailStatus,
      attempts: 0,
      created_at: createdAt,
    });
  }

  const byKey = new Map(rows.map((r) => [r.dedupe_key, r]));
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const part = rows.slice(i, i + INSERT_BATCH);
    await d.db.transaction().execute(async (tx) => {
      const won = await insertMessagesOnce(tx, part);
      const notes = won.flatMap(({ id, dedupe_key }) => {
        const r = byKey.get(dedupe_key);
        if (!r || r.in_app !== 1 || typeof r.user_id !== 'number') return [];
        return [
          {
            outbox_id: id,
            user_id: r.user_id,
            unit_id: r.unit_id,
            kind: r.kind,
            subject: r.subject,
            body: r.body,
            link: r.link ?? null,
            created_at: createdAt,
            read_at: null,
          },
        ];
      });
      await insertNotifications(tx, notes);
      result.created += won.length;
      result.notifications += notes.length;
    });
  }

  if (d.mailer.configured) await deliver(d, result);
  return result;
}

/** Sends claimed e-mails until none is left; stops at the first failure (the server is likely down). */
async function deliver(d: SweepDeps, result: SweepResult): Promise<void> {
  const token = randomUUID();
  for (;;) {
    const nowMs = d.clock.now().getTime();
    const batch = await claimEmails(d.db, d.dialect, {
      now: new Date(nowMs).toISOString(),
      leaseUntil: new Date(nowMs + LEASE_MS).toISOString(),
      token,
      limit: CLAIM_BATCH,
    });
    if (batch.length === 0) return;
    let failed = false;
    for (const row of batch) {
      try {
        if (!row.email_to) throw new Error('Không có địa chỉ e-mail người nhận.');
        await d.mailer.send({
          to: row.email_to,
          subject: row.subject,
          text: emailBody(row.body, row.link, d.appUrl),
        });
        await finishEmail(d.db, row.id, token, { status: 'sent', at: d.clock.now().toISOString() });
        result.emailsSent++;
      } catch (err) {
        failed = true;
        result.emailsFailed++;
        const message = err instanceof Error ? err.message : String(err);
        await finishEmail(d.db, row.id, token, {
          status: row.attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending',
          error: message,
        });
      }
    }
    if (failed || batch.length < CLAIM_BATCH) return;
  }
}
