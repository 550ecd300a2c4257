import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TestDb } from '../../../tests/support/db.js';
import { TEST_PASSWORD, createUnit, createUser, makeApp, multipartBody } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { Clock } from '../../lib/clock.js';

/** Tests of the PAKN register: one app on one database per file, a clock the tests move. */

export const vnIso = (vn: string) => new Date(vn).toISOString();

export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
// "MZ" header of a Windows executable.
export const EXE = new Uint8Array([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff,
]);

let ipSeq = 10;
export const newIp = () => `10.9.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

export interface Sender {
  name: string;
  phone: string;
  email: string;
  address: string;
}

export interface SubmitOptions {
  ip?: string;
  content?: string;
  title?: string;
  file?: { filename: string; content: Uint8Array };
  extra?: Record<string, string>;
  answer?: string;
  wait?: number;
  who?: Sender;
}

export type Setup = Awaited<ReturnType<FeedbackHarness['setup']>>;

const ENTERED = {
  name: 'Lê Văn Cường',
  address: '5 Trần Hưng Đạo',
  phone: '0987654321',
  idNumber: '079088001234',
};

export class FeedbackHarness {
  t!: TestApp;
  private nowIso = new Date('2026-05-12T09:00:00+07:00').toISOString();
  /** A clock the test moves: Vietnam time strings in, UTC instants out. */
  readonly clock: Clock = { now: () => new Date(this.nowIso) };
  /** Every public response body, scanned for personal data at the end. */
  readonly publicBodies: string[] = [];
  readonly senders: Sender[] = [];
  readonly idNumbers: string[] = [];
  private senderSeq = 0;

  /** Opens the database and the app before the file's tests, closes both after. */
  constructor(open: () => Promise<TestDb>) {
    let tdb: TestDb;
    beforeAll(async () => {
      tdb = await open();
      this.t = await makeApp(tdb.db, { clock: this.clock, config: { sessionHours: 24 * 365 } });
    });
    afterAll(async () => {
      await this.t.app.close();
      await tdb.drop();
    });
  }

  at(vn: string) {
    this.nowIso = new Date(vn).toISOString();
    return this.nowIso;
  }

  tick(ms: number) {
    this.nowIso = new Date(Date.parse(this.nowIso) + ms).toISOString();
  }

  /** Logs in from an address of its own: the login limit counts per address. */
  async userWithSession(unitId: number, roles: Parameters<typeof createUser>[2]) {
    const user = await createUser(this.t, unitId, roles);
    const res = await this.t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      remoteAddress: newIp(),
    });
    return { user, cookie: `cchc_session=${res.cookies.find((c) => c.name === 'cchc_session')!.value}` };
  }

  async setup() {
    const ward = await createUnit(this.t, { kind: 'ward', name: 'Ủy ban nhân dân phường Hòa Bình' });
    const unit = await createUnit(this.t, {
      parentId: ward.id,
      name: 'Trường Mầm non Sao Mai',
      code: `MN${ward.id}`,
    });
    const head = await this.userWithSession(unit.id, ['head']);
    const officer = await this.userWithSession(unit.id, ['officer']);
    const staff = await this.userWithSession(unit.id, ['staff']);
    const reviewer = await this.userWithSession(ward.id, ['reviewer']);
    const outsider = await this.userWithSession((await createUnit(this.t)).id, ['admin', 'head', 'officer']);
    return { ward, unit, head, officer, staff, reviewer, outsider };
  }

  /** Keeps a public response's body for the personal-data scan. */
  pub = async (res: LightMyRequestResponse) => {
    this.publicBodies.push(res.body);
    return res;
  };

  async challenge(ip: string) {
    const res = await this.pub(
      await this.t.app.inject({ method: 'GET', url: '/api/public/feedback/form', remoteAddress: ip }),
    );
    expect(res.statusCode).toBe(200);
    const c = res.json<{ challenge: { token: string; question: string } }>().challenge;
    const [a, b] = c.question.match(/\d+/g)!.map(Number);
    return { token: c.token, answer: String(a! + b!) };
  }

  sender(): Sender {
    const n = this.senderSeq++;
    const s = {
      name: `Trần Thị Bình ${n}`,
      phone: `09${String(12345670 + n).padStart(8, '0')}`,
      email: `binh${n}@example.vn`,
      address: `${n} Lê Lợi, phường Hòa Bình`,
    };
    this.senders.push(s);
    return s;
  }

  /** The public form's fields for a sender, with a challenge's token and answer. */
  formFields(s: Setup, who: Sender, c: { token: string; answer: string }) {
    return {
      unitId: String(s.unit.id),
      name: who.name,
      address: who.address,
      phone: who.phone,
      email: who.email,
      challengeToken: c.token,
      challengeAnswer: c.answer,
    };
  }

  /** Posts a multipart body to the public form from an address. */
  postForm(body: ReturnType<typeof multipartBody>, ip: string) {
    return this.t.app.inject({
      method: 'POST',
      url: '/api/public/feedback',
      payload: body.payload,
      headers: body.headers,
      remoteAddress: ip,
    });
  }

  async submit(s: Setup, opts: SubmitOptions = {}) {
    const ip = opts.ip ?? newIp();
    const c = await this.challenge(ip);
    this.tick(opts.wait ?? 5000);
    const who = opts.who ?? this.sender();
    const body = multipartBody(
      {
        ...this.formFields(s, who, c),
        title: opts.title ?? 'Đề nghị công khai khoản thu đầu năm học',
        content:
          opts.content ??
          'Kính đề nghị nhà trường công khai các khoản thu đầu năm học 2026–2027 trên bảng tin.',
        challengeAnswer: opts.answer ?? c.answer,
        website: '',
        ...opts.extra,
      },
      opts.file ? { field: 'files', filename: opts.file.filename, content: opts.file.content } : undefined,
    );
    return this.pub(await this.postForm(body, ip));
  }

  act = (cookie: string, id: number, body: object) =>
    this.t.app.inject({
      method: 'POST',
      url: `/api/feedback/${id}/actions`,
      headers: { cookie },
      payload: body,
    });

  get = (cookie: string, url: string) => this.t.app.inject({ method: 'GET', url, headers: { cookie } });

  /** A staff request with a body (POST, PUT, DELETE). */
  send = (method: 'POST' | 'PUT' | 'DELETE', cookie: string, url: string, payload?: object) =>
    this.t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  track = async (token: string) =>
    this.pub(
      await this.t.app.inject({
        method: 'GET',
        url: `/api/public/feedback/track/${token}`,
        remoteAddress: newIp(),
      }),
    );

  answers = async (q = '') =>
    this.pub(
      await this.t.app.inject({
        method: 'GET',
        url: `/api/public/feedback/answers?q=${encodeURIComponent(q)}`,
        remoteAddress: newIp(),
      }),
    );

  /** The first item of the unit's register, as its officer sees it. */
  async firstId(s: Setup) {
    return (await this.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
      { id: number }[]
    >()[0]!.id;
  }

  /** An item the officer enters from a phone call (unless `body` says otherwise). */
  async enter(s: Setup, body: Record<string, unknown> = {}) {
    const res = await this.t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { cookie: s.officer.cookie },
      payload: {
        unitId: s.unit.id,
        source: 'phone',
        sender: ENTERED,
        title: 'Phản ánh giờ đón trẻ',
        content: 'Phụ huynh phản ánh giờ đón trẻ buổi chiều chưa phù hợp với giờ tan làm.',
        ...body,
      },
    });
    this.idNumbers.push(ENTERED.idNumber);
    this.senders.push({
      name: ENTERED.name,
      phone: ENTERED.phone,
      email: 'khong-co@example.vn',
      address: ENTERED.address,
    });
    return res;
  }
}
