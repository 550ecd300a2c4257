/**
 * The concurrent workload of the multi-process tests: 16 clerks and the public hitting one or two
 * server processes on one database, every request logged. The checks afterwards compare the
 * database with the log.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';
import { parseDossierCode } from '../../src/core/dossier/index.js';
import { vietnamToday } from '../../src/lib/clock.js';
import { systemClock } from '../../src/lib/clock.js';
import { TEST_PASSWORD, createUnit, createUser, makeApp, uniq } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { importPlan, smallPlanText } from '../support/plans.js';
import { call } from '../support/servers.js';

export const CLIENTS = 16;
export const RECEIPTS_PER_CLIENT = 6;
export const RATING_RACES = 4;
export const RACE_WIDTH = 8;

export interface LogEntry {
  op: string;
  server: number;
  status: number;
  body: string;
}

export interface Fixture {
  t: TestApp;
  unit: { id: number; code: string };
  procedureId: number;
  clerks: { username: string }[];
  surveySlug: string;
  taskId: number;
  year: number;
}

/** A unit with 16 clerks, a procedure, this year's plan and an open anonymous survey. */
export async function buildFixture(db: Db): Promise<Fixture> {
  const t = await makeApp(db, { config: { publicRateLimit: 100_000 } });
  const year = Number(vietnamToday(systemClock).slice(0, 4));
  const unit = await createUnit(t, { code: `DV${uniq()}`, name: 'Trường Tiểu học Đồng Thời' });
  const admin = await createUser(t, unit.id, ['admin', 'officer']);
  const clerks = [];
  for (let i = 0; i < CLIENTS; i++) clerks.push(await createUser(t, unit.id, ['officer']));
  const cookie = await loginInject(t, admin.username);
  const proc = await t.app.inject({
    method: 'POST',
    url: '/api/procedures',
    headers: { cookie },
    payload: {
      unitId: unit.id,
      code: '1.000001',
      name: 'Xác nhận học sinh đang học tại trường',
      limitUnit: 'working_days',
      limitAmount: 3,
      feeBearing: false,
      onlineLevel: 'partial',
      resultType: 'paper',
    },
  });
  if (proc.statusCode !== 200) throw new Error(proc.body);
  const { planId } = await importPlan(t, cookie, unit.id, smallPlanText({ year }));
  const task = await db.kysely
    .selectFrom('task')
    .select('id')
    .where('plan_id', '=', planId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const survey = await t.app.inject({
    method: 'POST',
    url: '/api/surveys',
    headers: { cookie },
    payload: {
      unitId: unit.id,
      title: 'Khảo sát sự hài lòng',
      anonymous: true,
      published: true,
      questions: [
        {
          key: 'overall',
          kind: 'scale',
          text: 'Mức độ hài lòng chung',
          required: true,
          satisfaction: true,
        },
      ],
    },
  });
  if (survey.statusCode !== 200) throw new Error(survey.body);
  return {
    t,
    unit: { id: unit.id, code: unit.code },
    procedureId: proc.json<{ id: number }>().id,
    clerks,
    surveySlug: survey.json<{ slug: string }>().slug,
    taskId: task.id,
    year,
  };
}

async function loginInject(t: TestApp, username: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  const c = res.cookies.find((x) => x.name === 'cchc_session');
  if (!c) throw new Error(res.body);
  return `cchc_session=${c.value}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function multipart(fields: Record<string, string>): { body: Buffer; type: string } {
  const boundary = `----cchc${uniq()}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * Runs the workload against the servers' base URLs (client i talks to server i % n, and
 * alternates for the races) and returns the log.
 */
export async function runWorkload(f: Fixture, bases: string[]): Promise<LogEntry[]> {
  const log: LogEntry[] = [];
  const n = bases.length;
  const go = async (
    op: string,
    server: number,
    method: string,
    url: string,
    opts: Parameters<typeof call>[3] = {},
  ) => {
    const res = await call(bases[server % n]!, method, url, opts);
    log.push({ op, server: server % n, status: res.status, body: res.body });
    return res;
  };
  const cookies = await Promise.all(
    f.clerks.map(async (c, i) => {
      const r = await go('login', i, 'POST', '/api/auth/login', {
        json: { username: c.username, password: TEST_PASSWORD },
      });
      return (r.setCookie ?? '').split(';')[0]!;
    }),
  );
  const each = (fn: (i: number) => Promise<void>) =>
    Promise.all(Array.from({ length: CLIENTS }, (_, i) => fn(i)));

  // Receipts: 16 clerks at once, alternating processes.
  const received: { id: number; client: number }[] = [];
  await each(async (i) => {
    for (let k = 0; k < RECEIPTS_PER_CLIENT; k++) {
      const r = await go('receive', i + k, 'POST', '/api/dossiers', {
        cookie: cookies[i]!,
        json: {
          unitId: f.unit.id,
          procedureId: f.procedureId,
          channel: k % 2 ? 'online' : 'direct',
          applicant: { name: `Người nộp ${i}-${k}` },
          documents: [{ name: 'Đơn đề nghị' }],
        },
      });
      if (r.status === 200) received.push({ id: r.json<{ id: number }>().id, client: i });
    }
  });

  // Steps: each clerk resolves and returns two of its dossiers (rating links).
  const links: string[] = [];
  await each(async (i) => {
    const mine = received.filter((d) => d.client === i).slice(0, 2);
    for (const [k, d] of mine.entries()) {
      await go('resolve', i + k, 'POST', `/api/dossiers/${d.id}/steps`, {
        cookie: cookies[i]!,
        json: { kind: 'resolved' },
      });
      const r = await go('return', i + k + 1, 'POST', `/api/dossiers/${d.id}/steps`, {
        cookie: cookies[i]!,
        json: { kind: 'returned', method: 'direct' },
      });
      if (r.status === 200) {
        const url = r.json<{ ratingUrl: string | null }>().ratingUrl;
        if (url) links.push(url.split('/').pop()!);
      }
    }
  });

  // Flag toggles: every clerk sets digitised on then off on one dossier, off then on on another;
  // whatever the interleaving, the last write is an "off" on the first and an "on" on the second.
  const [offOne, onOne] = [received[received.length - 1]!, received[received.length - 2]!];
  await each(async (i) => {
    for (let k = 0; k < 3; k++) {
      for (const [d, first] of [
        [offOne, true],
        [onOne, false],
      ] as const) {
        await go('flags', i + k, 'PATCH', `/api/dossiers/${d.id}/flags`, {
          cookie: cookies[i]!,
          json: { digitised: first },
        });
        await go('flags', i + k + 1, 'PATCH', `/api/dossiers/${d.id}/flags`, {
          cookie: cookies[i]!,
          json: { digitised: !first },
        });
      }
    }
  });

  // 8-way races on rating links, the racers split between the processes.
  const ratings = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
  await Promise.all(
    links.slice(0, RATING_RACES).flatMap((token, j) =>
      Array.from({ length: RACE_WIDTH }, (_, k) =>
        go(`rate:${token}`, k, 'POST', `/api/public/ratings/${token}`, {
          json: { rating: ratings[(j + k) % 3] },
        }),
      ),
    ),
  );

  // Staff PAKN entries: every clerk enters two at once.
  await each(async (i) => {
    for (let k = 0; k < 2; k++)
      await go('feedback_enter', i + k, 'POST', '/api/feedback', {
        cookie: cookies[i]!,
        json: {
          unitId: f.unit.id,
          source: 'phone',
          sender: { name: `Người gọi ${i}`, address: 'Số 1 đường Thử', phone: '0901234567' },
          title: `Phản ánh qua điện thoại ${i}-${k}`,
          content: 'Đề nghị nhà trường bố trí thêm chỗ để xe cho phụ huynh.',
        },
      });
  });

  // Public PAKN: challenges from one process, answered at the other; one challenge replayed.
  const challenges = await Promise.all(
    Array.from({ length: 4 }, async (_, k) => {
      const r = await go('challenge', 0, 'GET', '/api/public/feedback/form');
      return { k, ...r.json<{ challenge: { token: string; question: string } }>().challenge };
    }),
  );
  await sleep(2_100); // a challenge answered sooner is refused as a script
  const submit = (c: (typeof challenges)[number], server: number, op: string) => {
    const [a, b] = c.question.split(/[+=]/).map((x) => Number(x.trim()));
    const form = multipart({
      unitId: String(f.unit.id),
      name: `Công dân ${c.k}`,
      address: 'Số 2 đường Thử Nghiệm',
      phone: '0912345678',
      title: `Góp ý về thủ tục ${c.k}`,
      content: 'Đề nghị niêm yết rõ hơn thời gian giải quyết thủ tục.',
      challengeToken: c.token,
      challengeAnswer: String(a! + b!),
    });
    return go(op, server, 'POST', '/api/public/feedback', {
      body: form.body,
      headers: { 'content-type': form.type },
    });
  };
  await Promise.all(challenges.map((c) => submit(c, 1, 'feedback_public')));
  await submit(challenges[0]!, 0, 'feedback_replay');

  // Survey answers: distinct browsers at once, and one browser 8 times at once.
  await each(async (i) => {
    for (let k = 0; k < 2; k++)
      await go('survey', i + k, 'POST', `/api/public/surveys/${f.surveySlug}/answers`, {
        json: { answers: { overall: 1 + ((i + k) % 5) }, browserId: `trinh-duyet-${i}-${k}-${uniq()}` },
      });
  });
  const oneBrowser = `trinh-duyet-chung-${uniq()}`;
  await Promise.all(
    Array.from({ length: RACE_WIDTH }, (_, k) =>
      go('survey_race', k, 'POST', `/api/public/surveys/${f.surveySlug}/answers`, {
        json: { answers: { overall: 5 }, browserId: oneBrowser },
      }),
    ),
  );

  // Report: 16 simultaneous first saves, then 4 simultaneous submissions.
  const reportUrl = `/api/reports/units/${f.unit.id}/periods/${f.year}-Y`;
  await each(async (i) => {
    await go('report_save', i, 'PUT', reportUrl, {
      cookie: cookies[i]!,
      json: { number: `${i + 1}/BC-THDT`, narratives: { general: `Bản thảo của cán bộ ${i}` } },
    });
  });
  await Promise.all(
    Array.from({ length: 4 }, (_, k) =>
      go('report_submit', k, 'POST', `${reportUrl}/submit`, { cookie: cookies[k]! }),
    ),
  );

  // Task progress: every clerk updates one task at once.
  await each(async (i) => {
    await go('task', i, 'PATCH', `/api/tasks/${f.taskId}`, {
      cookie: cookies[i]!,
      json: { status: i % 2 ? 'in_progress' : 'done', progressNote: `Cập nhật ${i}` },
    });
  });
  return log;
}

/** The sequence numbers of codes like `UNIT-YYMMDD-NNNN` per day, each day's sorted. */
export function sequencesByDay(codes: string[], strip = ''): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const raw of codes) {
    const c = strip && raw.startsWith(strip) ? raw.slice(strip.length) : raw;
    const p = parseDossierCode(c);
    if (!p) continue;
    const list = out.get(p.date) ?? [];
    list.push(p.seq);
    out.set(p.date, list);
  }
  for (const l of out.values()) l.sort((a, b) => a - b);
  return out;
}

export const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Rows the checks read, straight from the database. */
export async function databaseFacts(db: Db, unitId: number) {
  const q = db.kysely;
  const dossiers = await q
    .selectFrom('dossier')
    .select(['id', 'code', 'register_book', 'register_no', 'digitised', 'rating', 'status'])
    .where('unit_id', '=', unitId)
    .execute();
  const feedback = await q.selectFrom('feedback').select(['code']).where('unit_id', '=', unitId).execute();
  const rated = await sql<{ entity_id: number; n: number | string }>`
    select entity_id, count(*) as n from audit_log
    where entity = 'dossier' and action = 'rated' and unit_id = ${unitId} group by entity_id`.execute(q);
  const responses = await q
    .selectFrom('survey_response')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  const reports = await q
    .selectFrom('report')
    .innerJoin('report_submission', 'report_submission.report_id', 'report.id')
    .select(['report.id', 'report_submission.seq'])
    .where('report.unit_id', '=', unitId)
    .execute();
  return { dossiers, feedback, rated: rated.rows, responses: Number(responses.n), reports };
}
