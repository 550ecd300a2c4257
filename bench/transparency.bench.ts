/**
 * Issue 5 benchmark: the public transparency page `/cong-khai/<unit code>` under 200 concurrent
 * connections (autocannon, in the same process on the same cores), target p99 < 50 ms; and the
 * time to build the page's data without the short cache (dossier figures, survey and plan
 * figures, posts), which every unit pays once every few seconds.
 * Fixture: one unit with its plan, 2,000 dossiers, a SIPAS survey with 5,000 answers, 10 posts.
 * Run: npx tsx bench/transparency.bench.ts [--duration 10] [--dossiers 2000] [--answers 5000]
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { surveyTemplate } from '../src/core/survey/index.js';
import type { Actor } from '../src/modules/auth/roles.js';
import { insertResponse } from '../src/modules/surveys/repository.js';
import { createUnit, createUser, login, makeApp } from '../tests/support/app.js';
import { importPlan, smallPlanText } from '../tests/support/plans.js';
import { median, percentile, report, time } from './support.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) || dflt : dflt;
};
const DURATION = arg('duration', 10);
const DOSSIERS = arg('dossiers', 2000);
const ANSWERS = arg('answers', 5000);

const dir = fs.mkdtempSync('/tmp/cchc-bench-transparency-');
const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
await migrateToLatest(db);
const t = await makeApp(db, { config: { publicRateLimit: 100_000_000 } });
const unit = await createUnit(t, { name: 'Trường Mầm non Tuổi Thơ', code: 'MNTT', kind: 'kindergarten' });
const officer = await createUser(t, unit.id, ['officer'], 'canbo.bench');
const cookie = await login(t, officer.username);
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
await importPlan(t, cookie, unit.id, smallPlanText({ year, unitName: unit.name }));
const actor: Actor = {
  userId: officer.id,
  username: officer.username,
  fullName: officer.full_name,
  unitId: unit.id,
  unitPath: unit.path,
  roles: ['officer'],
  mustChangePassword: false,
};
const proc = await t.services.dossiers.saveProcedure(actor, unit.id, {
  code: '1.001',
  name: 'Chuyển trường',
  limitUnit: 'working_days',
  limitAmount: 5,
  feeBearing: false,
  onlineLevel: 'partial',
  resultType: 'paper',
});
const yearStart = Date.parse(`${year}-01-02T02:00:00Z`);
const span = Math.max(1, Date.now() - 3 * 86_400_000 - yearStart);
for (let i = 0; i < DOSSIERS; i++) {
  const receivedAt = new Date(yearStart + ((i * 7919) % DOSSIERS) * (span / DOSSIERS)).toISOString();
  const d = await t.services.dossiers.receive(actor, {
    unitId: unit.id,
    procedureId: proc.id,
    channel: i % 2 ? 'online' : 'direct',
    applicant: { name: `Người nộp ${i}`, phone: '0900000000' },
    documents: [{ name: 'Đơn' }],
    receivedAt,
  });
  if (i % 3 !== 0)
    await t.services.dossiers.step(actor, d.id, {
      kind: 'resolved',
      at: new Date(Date.parse(receivedAt) + (i % 5) * 86_400_000).toISOString(),
    });
}
const sipas = surveyTemplate('sipas')!;
const survey = await t.services.surveys.create(actor, unit.id, {
  title: sipas.title,
  questions: sipas.questions,
  anonymous: true,
  published: true,
});
for (let i = 0; i < ANSWERS; i++) {
  const v = 1 + (i % 5);
  await insertResponse(db.kysely, {
    survey_id: survey.id,
    unit_id: unit.id,
    invitation_id: null,
    browser_id: `bench-browser-${String(i).padStart(8, '0')}`,
    answers_json: JSON.stringify({ access: v, procedure: v, officer: v, result: v, feedback: v }),
    very_satisfied: v === 5 ? 5 : 0,
    satisfied: v === 4 ? 5 : 0,
    not_satisfied: v < 4 ? 5 : 0,
    submitted_at: new Date(yearStart + (i % 100) * 86_400_000).toISOString(),
  });
}
for (let i = 0; i < 10; i++)
  await t.services.posts.create(actor, unit.id, {
    title: `Tin cải cách hành chính số ${i + 1}`,
    body: 'Nội dung tin. '.repeat(80),
    published: true,
  });

// Building the data without the cache.
const builds: number[] = [];
for (let i = 0; i < 30; i++) {
  await t.services.transparency.invalidate();
  builds.push(await time(() => t.services.transparency.get('MNTT')));
}
report({
  name: 'transparency data built without cache (SQLite)',
  dossiers: DOSSIERS,
  answers: ANSWERS,
  medianMs: +median(builds).toFixed(2),
  p95Ms: +percentile(builds, 95).toFixed(2),
});

await t.app.listen({ port: 0, host: '127.0.0.1' });
const port = (t.app.server.address() as { port: number }).port;
const url = `http://127.0.0.1:${port}/cong-khai/MNTT`;
// The load generator runs in a worker thread, not on the server's event loop.
const load = (u: string, duration: number) => autocannon({ url: u, connections: 200, duration, workers: 1 });
await load(url, Math.min(3, DURATION)); // warm-up
const r = await load(url, DURATION);
// A bare fastify route returning the same HTML from memory, in the same run: what the machine allows.
const html = (await t.app.inject({ method: 'GET', url: '/cong-khai/MNTT' })).body;
const bare = Fastify();
bare.get('/x', async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
await bare.listen({ port: 0, host: '127.0.0.1' });
const ref = await load(`http://127.0.0.1:${(bare.server.address() as { port: number }).port}/x`, DURATION);
await bare.close();
report({
  name: `public transparency page /cong-khai/:code, 200 connections, ${DURATION} s (SQLite)`,
  requests: r.requests.total,
  non2xx: r.non2xx,
  rps: Math.round(r.requests.average),
  latencyMedianMs: r.latency.p50,
  p99Ms: r.latency.p99,
  bareFastifyRps: Math.round(ref.requests.average),
  bareFastifyP99Ms: ref.latency.p99,
  p99Ratio: +(r.latency.p99 / Math.max(ref.latency.p99, 1)).toFixed(2),
  targetP99Ms: 50,
});
await t.app.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
