import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import {
  insertDossier,
  insertProcedure,
  recountUnitDayCounts,
  storedUnitDayCounts,
} from '../../modules/dossiers/repository.js';
import { fillDayCounts } from './008-dossier-day-counts.js';

const HOUR = 3_600_000;
const BASE = Date.parse('2026-01-10T00:00:00+07:00');
const iso = (ms: number) => new Date(ms).toISOString();
const orNull = (ms: number | null) => (ms === null ? null : iso(ms));

const dossierArb = fc.record({
  receivedH: fc.integer({ min: 0, max: 80 * 24 }),
  limitH: fc.integer({ min: 0, max: 20 * 24 }),
  endH: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: null }),
  lateH: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: null }),
  awaitingH: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: null }),
  endKind: fc.constantFrom('resolved', 'returned', 'refused', 'withdrawn'),
  channel: fc.constantFrom('direct', 'online', 'postal'),
  supplements: fc.integer({ min: 0, max: 2 }),
  flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
  rating: fc.constantFrom(null, 'very_satisfied', 'satisfied', 'not_satisfied'),
});

/**
 * Migration 008 is frozen: it carries its own copy of the first fill of the day and month
 * counters. On random registers that copy writes exactly what the live recount of the dossier
 * repository says the counters should hold.
 */
describeEachDb('migration 008: the frozen fill of the day counters', (open) => {
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

  it('writes what the live recount of the register gives', async () => {
    const db = tdb.db.kysely;
    const samples = fc.sample(fc.array(dossierArb, { minLength: 20, maxLength: 60 }), {
      numRuns: 3,
      seed: 8008,
    });
    const units: number[] = [];
    for (const [n, sample] of samples.entries()) {
      const unit = await createUnit(t, {});
      units.push(unit.id);
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
      for (const [i, d] of sample.entries()) {
        const received = BASE + d.receivedH * HOUR;
        const appointment = received + d.limitH * HOUR;
        const ended = d.endH === null ? null : received + d.endH * HOUR;
        const [feeBearing, paidOnline, digitised, electronicResult, complaint] = d.flags;
        await insertDossier(db, {
          unit_id: unit.id,
          procedure_id: proc.id,
          code: `M${unit.id}-${n}-${i}`,
          channel: d.channel,
          applicant_name: 'Người thử',
          documents_json: '[]',
          received_at: iso(received),
          original_appointment_at: iso(appointment),
          appointment_at: iso(appointment),
          appointment_day_start: iso(appointment),
          status: ended === null ? 'in_progress' : 'resolved',
          ended_at: orNull(ended),
          end_kind: ended === null ? null : d.endKind,
          late: d.lateH === null ? 0 : 1,
          late_since: d.lateH === null ? null : iso(received + d.lateH * HOUR),
          awaiting_supplement_since:
            ended === null && d.awaitingH !== null ? iso(received + d.awaitingH * HOUR) : null,
          supplement_requests: d.supplements,
          fee_bearing: feeBearing ? 1 : 0,
          paid_online: feeBearing && paidOnline ? 1 : 0,
          digitised: digitised ? 1 : 0,
          electronic_result: electronicResult ? 1 : 0,
          signed_result: 0,
          rating: ended === null ? null : d.rating,
          complaint: complaint ? 1 : 0,
          created_at: now,
          updated_at: now,
        });
      }
    }
    await db.deleteFrom('dossier_day_count').execute();
    await db.deleteFrom('dossier_month_count').execute();
    await fillDayCounts(db as never);
    let days = 0;
    for (const unitId of units) {
      const stored = await storedUnitDayCounts(db, unitId);
      expect(stored).toEqual(await recountUnitDayCounts(db, unitId));
      days += stored.days.size;
    }
    expect(days).toBeGreaterThan(50);
  });
});
