/**
 * Soak benchmark (issue 10): two server processes on one PostgreSQL database, this process as the
 * load generator (its own process, apart from the servers), a mixed read/write load of about
 * SOAK_RPS requests a second for SOAK_MINUTES minutes (default 200/s for 30 min): receipts, steps,
 * flags, public lookups, the register and its figures, the transparency page, survey answers, staff
 * PAKN entries. The RSS of each server is sampled every minute; at the end: error count, p99 per
 * kind, RSS growth after the warm-up (SOAK_WARMUP_MINUTES, default 5), and `figures verify`.
 *
 *   npx tsx bench/soak.bench.ts                  # 30 minutes
 *   SOAK_MINUTES=2 npx tsx bench/soak.bench.ts   # a short check
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { verifyFigures } from '../src/modules/figures/service.js';
import { PG_URL, freshPostgres } from '../tests/support/db.js';
import { TEST_PASSWORD } from '../tests/support/app.js';
import { call, childEnv, startServer } from '../tests/support/servers.js';
import { buildFixture } from '../tests/concurrency/workload.js';
import { percentile, report } from './support.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const WARMUP = Number(process.env.SOAK_WARMUP_MINUTES ?? Math.min(5, MINUTES / 3));
const RPS = Number(process.env.SOAK_RPS ?? 200);
const MAX_IN_FLIGHT = 64;

const tdb = await freshPostgres();
const name = (await sql<{ n: string }>`select current_database() as n`.execute(tdb.db.kysely)).rows[0]!.n;
const u = new URL(PG_URL);
u.pathname = `/${name}`;
const f = await buildFixture(tdb.db);
const env = childEnv(u.toString(), { LOG_LEVEL: 'warn' });
// The built servers (npm run build first): no transpiler in the measured processes.
const built = fs.existsSync('dist/src/server.js');
const servers = await Promise.all([startServer(env, [], { built }), startServer(env, [], { built })]);
const bases = servers.map((s) => s.base);

const rssOf = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
};

const cookies = await Promise.all(
  f.clerks.map(async (c, i) => {
    const r = await call(bases[i % 2]!, 'POST', '/api/auth/login', {
      json: { username: c.username, password: TEST_PASSWORD },
    });
    return (r.setCookie ?? '').split(';')[0]!;
  }),
);

type Kind =
  'receive' | 'step' | 'flags' | 'lookup' | 'list' | 'figures' | 'transparency' | 'survey' | 'feedback';
// Per 20 requests: mostly reads, a quarter writes.
const MIX: Kind[] = [
  'lookup',
  'lookup',
  'lookup',
  'lookup',
  'list',
  'list',
  'figures',
  'figures',
  'transparency',
  'transparency',
  'transparency',
  'lookup',
  'list',
  'receive',
  'receive',
  'step',
  'flags',
  'survey',
  'feedback',
  'lookup',
];
const latencies = new Map<Kind, number[]>();
const errors: { kind: Kind; status: number; body: string }[] = [];
const open: { id: number; code: string }[] = [];
const codes: string[] = [];
let seq = 0;
let inFlight = 0;
let sent = 0;
let skipped = 0;

async function one(kind: Kind, n: number): Promise<void> {
  const base = bases[n % 2]!;
  const cookie = cookies[n % cookies.length]!;
  const t0 = performance.now();
  let r: Awaited<ReturnType<typeof call>>;
  switch (kind) {
    case 'receive':
      r = await call(base, 'POST', '/api/dossiers', {
        cookie,
        json: {
          unitId: f.unit.id,
          procedureId: f.procedureId,
          channel: n % 2 ? 'online' : 'direct',
          applicant: { name: `Người nộp ${n}` },
          documents: [{ name: 'Đơn đề nghị' }],
        },
      });
      if (r.status === 200) {
        const d = r.json<{ id: number; code: string }>();
        open.push(d);
        codes.push(d.code);
        if (codes.length > 2000) codes.shift();
      }
      break;
    case 'step': {
      const d = open.shift();
      if (!d) return one('lookup', n);
      r = await call(base, 'POST', `/api/dossiers/${d.id}/steps`, { cookie, json: { kind: 'resolved' } });
      // Two clerks may pick the same dossier in a race: a refusal (400) is an answer, not an error.
      if (r.status === 400) r = { ...r, status: 200 };
      break;
    }
    case 'flags': {
      const d = open[open.length - 1];
      if (!d) return one('lookup', n);
      r = await call(base, 'PATCH', `/api/dossiers/${d.id}/flags`, {
        cookie,
        json: { digitised: n % 2 === 0 },
      });
      break;
    }
    case 'lookup': {
      const code = codes[n % Math.max(1, codes.length)];
      if (!code) return one('receive', n);
      r = await call(base, 'GET', `/api/public/dossiers/${code}`);
      break;
    }
    case 'list':
      r = await call(base, 'GET', `/api/dossiers?unitId=${f.unit.id}&page=1`, { cookie });
      break;
    case 'figures':
      r = await call(
        base,
        'GET',
        `/api/dossiers/figures?unitId=${f.unit.id}&from=${f.year}-01-01&to=${f.year}-12-31`,
        { cookie },
      );
      break;
    case 'transparency':
      r = await call(base, 'GET', `/api/public/units/${f.unit.code}/transparency`);
      break;
    case 'survey':
      r = await call(base, 'POST', `/api/public/surveys/${f.surveySlug}/answers`, {
        json: { answers: { overall: 1 + (n % 5) }, browserId: `soak-${n}-${Date.now()}` },
      });
      break;
    case 'feedback':
      r = await call(base, 'POST', '/api/feedback', {
        cookie,
        json: {
          unitId: f.unit.id,
          source: 'phone',
          sender: { name: `Người gọi ${n}`, address: 'Số 1 đường Thử', phone: '0901234567' },
          title: `Phản ánh qua điện thoại ${n}`,
          content: 'Đề nghị nhà trường bố trí thêm chỗ để xe cho phụ huynh.',
        },
      });
      break;
  }
  const ms = performance.now() - t0;
  if (r.status !== 200) errors.push({ kind, status: r.status, body: r.body.slice(0, 300) });
  const l = latencies.get(kind) ?? [];
  l.push(ms);
  latencies.set(kind, l);
}

const samples: { minute: number; rss: number[] }[] = [
  { minute: 0, rss: servers.map((s) => rssOf(s.proc.pid!)) },
];
const start = Date.now();
const end = start + MINUTES * 60_000;
const sampler = setInterval(() => {
  samples.push({
    minute: Math.round((Date.now() - start) / 60_000),
    rss: servers.map((s) => rssOf(s.proc.pid!)),
  });
  const last = samples[samples.length - 1]!;
  console.error(
    `phút ${last.minute}: ${sent} yêu cầu, ${errors.length} lỗi, RSS ${last.rss.map((x) => (x / 1048576).toFixed(0)).join(' / ')} MB`,
  );
}, 60_000);

// A steady rate: one request every 1000/RPS ms, skipped (and counted) if too many are in flight.
await new Promise<void>((resolve) => {
  const interval = 1000 / RPS;
  let next = Date.now();
  const tick = () => {
    const now = Date.now();
    while (next <= now && now < end) {
      next += interval;
      if (inFlight >= MAX_IN_FLIGHT) {
        skipped++;
        continue;
      }
      const n = seq++;
      inFlight++;
      sent++;
      one(MIX[n % MIX.length]!, n)
        .catch((e: unknown) => errors.push({ kind: MIX[n % MIX.length]!, status: 0, body: String(e) }))
        .finally(() => inFlight--);
    }
    if (now >= end) {
      const wait = setInterval(() => {
        if (inFlight === 0) {
          clearInterval(wait);
          resolve();
        }
      }, 50);
      return;
    }
    setTimeout(tick, Math.max(1, Math.min(20, next - Date.now())));
  };
  tick();
});
clearInterval(sampler);
samples.push({ minute: MINUTES, rss: servers.map((s) => rssOf(s.proc.pid!)) });

const verify = await verifyFigures(tdb.db);
const all = [...latencies.values()].flat();
const afterWarmup = samples.filter((s) => s.minute >= WARMUP);
const growth = servers.map((_, i) => {
  const first = afterWarmup[0]!.rss[i]!;
  const last = afterWarmup[afterWarmup.length - 1]!.rss[i]!;
  return Math.round(((last - first) / first) * 1000) / 10;
});
report({
  name: `soak: 2 server processes on PostgreSQL, ${RPS} req/s mixed, ${MINUTES} min`,
  servers: built ? 'dist (built)' : 'tsx',
  requests: sent,
  skippedAtClientLimit: skipped,
  achievedRps: Math.round((sent / ((Date.now() - start) / 1000)) * 10) / 10,
  errors: errors.length,
  errorSamples: errors.slice(0, 5),
  p50Ms: Math.round(percentile(all, 50) * 10) / 10,
  p99Ms: Math.round(percentile(all, 99) * 10) / 10,
  p99ByKindMs: Object.fromEntries(
    [...latencies].map(([k, v]) => [k, Math.round(percentile(v, 99) * 10) / 10]),
  ),
  rssMbByMinute: samples.map((s) => ({ minute: s.minute, mb: s.rss.map((x) => Math.round(x / 1048576)) })),
  rssGrowthAfterWarmupPercent: growth,
  figuresVerifyDifferences: verify.differences.length,
});
await Promise.all(servers.map((s) => s.stop()));
await f.t.app.close();
await tdb.drop();
