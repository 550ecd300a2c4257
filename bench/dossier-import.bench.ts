/**
 * Benchmark: the register import (src/modules/dossier-import) of a 100,000-row CSV exported by
 * "other software" (deterministic PRNG: half the rows without a code, a third with the appointment
 * given, most ended, some returned, withdrawn or refused), into a fresh SQLite file database each
 * run; preview + commit timed 3 times; prints the medians as JSON.
 *
 *   npx tsx bench/dossier-import.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Clock } from '../src/lib/clock.js';
import { SYSTEM_ACTOR } from '../src/modules/auth/roles.js';
import { dossierImportService } from '../src/modules/dossier-import/service.js';
import { createUnit, makeApp } from '../tests/support/app.js';
import { registerCatalogueCsv, registerCsv } from '../tests/support/registers.js';
import { median, report } from './support.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const clock: Clock = { now: () => new Date('2026-11-02T10:00:00+07:00') };

const csv = Buffer.from(registerCsv({ rows: ROWS }));
const catalogue = registerCatalogueCsv;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-import-'));
const previews: number[] = [];
const commits: number[] = [];
const totals: number[] = [];
let imported = 0;
try {
  for (let r = 0; r < REPEATS; r++) {
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, `run-${r}.sqlite`) });
    await migrateToLatest(db);
    const t = await makeApp(db, { clock });
    const unit = await createUnit(t, { code: `BENCH${r}` });
    const service = dossierImportService({
      db: db.kysely,
      clock,
      calendar: t.services.calendar,
      uploadMaxBytes: 1 << 30,
    });
    await service.importProcedures(SYSTEM_ACTOR, unit.id, {
      bytes: Buffer.from(catalogue),
      filename: 'danh-muc.csv',
    });
    const src = { bytes: csv, filename: 'so-ho-so.csv' };
    const t0 = performance.now();
    const preview = await service.preview(SYSTEM_ACTOR, unit.id, src);
    const t1 = performance.now();
    if (preview.errors.length > 0)
      throw new Error(`unexpected errors: ${JSON.stringify(preview.errors.slice(0, 5))}`);
    const saved = await service.commit(SYSTEM_ACTOR, unit.id, src);
    const t2 = performance.now();
    imported = saved.imported;
    previews.push(t1 - t0);
    commits.push(t2 - t1);
    totals.push(t2 - t0);
    await t.app.close();
    await db.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const round = (x: number) => Math.round(x);
report({
  name: `dossier-import preview+commit ${ROWS} CSV rows (${(csv.length / 1048576).toFixed(1)} MB) into SQLite file`,
  medianMs: round(median(totals)),
  previewMedianMs: round(median(previews)),
  commitMedianMs: round(median(commits)),
  runsMs: totals.map(round),
  imported,
});
