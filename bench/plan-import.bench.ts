/**
 * Issue 2 benchmark: import the sample .docx (decode + parse + save) on SQLite; target < 300 ms.
 * Also the plan page API (GET /api/plans/:id) on SQLite: p95 target < 20 ms.
 * Run: npx tsx bench/plan-import.bench.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createUnit, createUser, login, makeApp } from '../tests/support/app.js';
import { median, percentile, report, time } from './support.js';

const sample = path.resolve(process.cwd(), '../shared/samples/ke-hoach-cchc-2023-mn-tuoi-tho.docx');
if (!fs.existsSync(sample)) {
  console.error(`Thiếu tệp mẫu ${sample}`);
  process.exit(1);
}
const bytes = new Uint8Array(fs.readFileSync(sample));
const dir = fs.mkdtempSync('/tmp/cchc-bench-');
const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
await migrateToLatest(db);
const t = await makeApp(db);

const runs: number[] = [];
let planId = 0;
for (let i = 0; i < 21; i++) {
  const unit = await createUnit(t);
  runs.push(
    await time(async () => {
      const preview = await t.services.plans.preview(null, unit.id, { bytes, filename: 'ke-hoach.docx' });
      planId = (
        await t.services.plans.commit(null, {
          unitId: unit.id,
          draft: preview.draft,
          mode: 'create',
          source: preview.source,
        })
      ).planId;
    }),
  );
}
report({
  name: 'plan import: sample .docx, parse + save (SQLite)',
  runs: runs.length,
  medianMs: +median(runs.slice(1)).toFixed(1),
  targetMs: 300,
});

const plan = await db.kysely
  .selectFrom('plan')
  .select('unit_id')
  .where('id', '=', planId)
  .executeTakeFirstOrThrow();
const user = await createUser(t, plan.unit_id, ['officer']);
const cookie = await login(t, user.username);
const page: number[] = [];
for (let i = 0; i < 220; i++) {
  const ms = await time(async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  if (i >= 20) page.push(ms);
}
report({
  name: 'plan page API GET /api/plans/:id, 44 tasks (SQLite, in-process)',
  runs: page.length,
  medianMs: +median(page).toFixed(2),
  p95Ms: +percentile(page, 95).toFixed(2),
  targetP95Ms: 20,
});
await t.app.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
