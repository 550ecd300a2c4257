import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { dossierFigures, figuresFromCounters } from '../../core/metrics/index.js';
import type { DossierSummary } from '../../core/metrics/index.js';
import {
  dossierCountersByUnitSql,
  dossierCountersSql,
  insertDossier,
  insertProcedure,
  rebuildDossierDayCounts,
  updateDossier,
} from './repository.js';
import { vietnamDayStart } from './summary.js';
import type { Q } from '../../db/types.js';

const DAY = 86_400_000;
const BASE = Date.parse('2026-03-01T00:00:00+07:00');
const iso = (ms: number) => new Date(ms).toISOString();

/** A random but consistent summary: received, appointment after it, maybe ended, maybe late. */
const summaryArb = fc
  .record({
    rDay: fc.integer({ min: 0, max: 90 }),
    rHour: fc.integer({ min: 7, max: 17 }),
    limitDays: fc.integer({ min: 0, max: 20 }),
    endAfter: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: null }),
    /** Half the ended dossiers end within hours of their appointment, on either side of it. */
    nearAppointment: fc.boolean(),
    delta: fc.integer({ min: -20, max: 4 }),
    endKind: fc.constantFrom('resolved', 'returned', 'refused', 'withdrawn'),
    channel: fc.constantFrom('direct', 'online', 'postal'),
    supplements: fc.integer({ min: 0, max: 2 }),
    lateAfter: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: null }),
    awaitingAfter: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: null }),
    flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
    rating: fc.constantFrom(null, 'very_satisfied', 'satisfied', 'not_satisfied'),
  })
  .map((r): DossierSummary => {
    const receivedAt = BASE + r.rDay * DAY + r.rHour * 3_600_000;
    const appointment = receivedAt + r.limitDays * DAY + 3 * 3_600_000;
    const endAfter =
      r.endAfter === null ? null : r.nearAppointment ? Math.max(0, r.limitDays * 24 + r.delta) : r.endAfter;
    const endedAt = endAfter === null ? null : receivedAt + endAfter * 3_600_000;
    const lateSince = r.lateAfter === null ? null : receivedAt + r.lateAfter * 3_600_000;
    const [feeBearing, paidOnline, digitised, electronicResult, complaint] = r.flags;
    return {
      receivedAt,
      channel: r.channel,
      appointment,
      endedAt,
      endKind: endedAt === null ? null : r.endKind,
      late: lateSince !== null,
      lateSince,
      awaitingSupplementSince:
        endedAt === null && r.awaitingAfter !== null ? receivedAt + r.awaitingAfter * 3_600_000 : null,
      supplementRequests: r.supplements,
      feeBearing,
      paidOnline: feeBearing && paidOnline,
      digitised,
      electronicResult,
      rating: endedAt === null ? null : r.rating,
      complaint,
    };
  });

/** The periods compared: whole days; partial days at either edge, within one day, a day's start. */
const PERIODS: { from: number; to: number }[] = [
  ...(
    [
      [0, 30],
      [31, 61],
      [10, 40],
      [0, 120],
    ] as const
  ).map(([a, b]) => ({ from: BASE + a * DAY, to: BASE + b * DAY - 1 })),
  { from: BASE + 10 * DAY + 9.5 * 3_600_000, to: BASE + 40 * DAY + 13 * 3_600_000 },
  { from: BASE + 5 * DAY, to: BASE + 35 * DAY + 15 * 3_600_000 + 1234 },
  { from: BASE + 20 * DAY + 8 * 3_600_000, to: BASE + 20 * DAY + 16 * 3_600_000 },
  { from: BASE + 3 * DAY, to: BASE + 50 * DAY },
];

/**
 * Writes a unit's register: half the dossiers first as still open, then ended by an update, so
 * the per-day counters must follow every write (ADR 006), not only inserts.
 */
async function writeRegister(db: Q, unit: { id: number }, n: number, summaries: DossierSummary[]) {
  const now = new Date().toISOString();
  const proc = await insertProcedure(db, {
    unit_id: unit.id,
    code: 'P',
    name: 'Thủ tục',
    field: null,
    limit_unit: 'working_days',
    limit_amount: 5,
    fee_text: null,
    fee_bearing: 0,
    online_level: 'none',
    result_type: 'paper',
    active: 1,
    created_at: now,
    updated_at: now,
  });
  const rowOf = (s: DossierSummary, i: number) => ({
    unit_id: unit.id,
    procedure_id: proc.id,
    code: `T${unit.id}-${n}-${i}`,
    channel: s.channel,
    applicant_name: 'Người thử',
    documents_json: '[]',
    received_at: iso(s.receivedAt),
    original_appointment_at: iso(s.appointment),
    appointment_at: iso(s.appointment),
    appointment_day_start: vietnamDayStart(s.appointment),
    status: s.endedAt === null ? 'in_progress' : 'resolved',
    ended_at: s.endedAt === null ? null : iso(s.endedAt),
    end_kind: s.endKind,
    late: s.late ? 1 : 0,
    late_since: s.lateSince === null || s.lateSince === undefined ? null : iso(s.lateSince),
    awaiting_supplement_since:
      s.awaitingSupplementSince === null || s.awaitingSupplementSince === undefined
        ? null
        : iso(s.awaitingSupplementSince),
    supplement_requests: s.supplementRequests,
    fee_bearing: s.feeBearing ? 1 : 0,
    paid_online: s.paidOnline ? 1 : 0,
    digitised: s.digitised ? 1 : 0,
    electronic_result: s.electronicResult ? 1 : 0,
    signed_result: 0,
    rating: s.rating ?? null,
    complaint: s.complaint ? 1 : 0,
    created_at: now,
    updated_at: now,
  });
  // Half the dossiers are written first as still open, then ended by an update: the per-day
  // counters must follow every write (ADR 006), not only inserts.
  const ids: number[] = [];
  for (const [i, s] of summaries.entries()) {
    const full = rowOf(s, i);
    const first =
      i % 2 === 0 && s.endedAt !== null
        ? { ...full, status: 'in_progress', ended_at: null, end_kind: null, rating: null }
        : full;
    ids.push((await insertDossier(db, first)).id);
  }
  for (const [i, s] of summaries.entries()) {
    if (i % 2 !== 0 || s.endedAt === null) continue;
    const full = rowOf(s, i);
    await updateDossier(db, ids[i]!, {
      status: full.status,
      ended_at: full.ended_at,
      end_kind: full.end_kind,
    });
    await updateDossier(db, ids[i]!, { rating: full.rating });
  }
}

describeEachDb('dossier figures in SQL agree with the core', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db);
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('gives the same figures as dossierFigures for random registers and periods', async () => {
    const seen = {
      early: 0,
      onTime: 0,
      lateFinished: 0,
      openOnTime: 0,
      openLate: 0,
      fullyDigitised: 0,
      complaints: 0,
    };
    const samples = fc.sample(fc.array(summaryArb, { minLength: 30, maxLength: 80 }), {
      numRuns: 6,
      seed: 20261126,
    });
    const parent = await createUnit(t, { kind: 'department' });
    const byUnit = new Map<number, DossierSummary[]>();
    let periods: { from: number; to: number }[] = [];
    for (const [n, summaries] of samples.entries()) {
      const unit = await createUnit(t, { parentId: parent.id });
      byUnit.set(unit.id, summaries);
      await writeRegister(tdb.db.kysely, unit, n, summaries);
      periods = PERIODS;
      for (const [p, period] of periods.entries()) {
        const sqlCounters = await dossierCountersSql(
          tdb.db.kysely,
          { path: unit.path, unitId: unit.id },
          iso(period.from),
          iso(period.to),
        );
        expect(figuresFromCounters(sqlCounters, period), `sample ${n}, period ${p}`).toEqual(
          dossierFigures(summaries, period),
        );
        // The subtree form (by path) counts the same for a unit without children.
        const bySubtree = await dossierCountersSql(
          tdb.db.kysely,
          { path: unit.path },
          iso(period.from),
          iso(period.to),
        );
        expect(bySubtree).toEqual(sqlCounters);
        for (const k of Object.keys(seen) as (keyof typeof seen)[]) seen[k] += sqlCounters[k];
      }
      // A rebuild from the rows gives the same counters as the ones kept in step by the writes.
      await rebuildDossierDayCounts(tdb.db.kysely);
      for (const period of periods) {
        const again = await dossierCountersSql(
          tdb.db.kysely,
          { path: unit.path, unitId: unit.id },
          iso(period.from),
          iso(period.to),
        );
        expect(figuresFromCounters(again, period)).toEqual(dossierFigures(summaries, period));
      }
    }
    // Grouped by unit over the parent's subtree: each unit's counters are the core's over its own
    // register, and the subtree's are the core's over all of them.
    for (const period of periods) {
      const grouped = await dossierCountersByUnitSql(
        tdb.db.kysely,
        parent.path,
        iso(period.from),
        iso(period.to),
      );
      for (const [unitId, summaries] of byUnit)
        expect(figuresFromCounters(grouped.get(unitId)!, period)).toEqual(dossierFigures(summaries, period));
      const all = await dossierCountersSql(
        tdb.db.kysely,
        { path: parent.path },
        iso(period.from),
        iso(period.to),
      );
      expect(figuresFromCounters(all, period)).toEqual(dossierFigures([...byUnit.values()].flat(), period));
    }
    // The random registers reach every branch of the rules, so the comparison means something.
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(0);
  }, 180_000); // Hundreds of inserts and queries: 10 s on SQLite, over 30 s on PostgreSQL under load.
});
