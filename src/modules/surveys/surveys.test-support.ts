import { afterAll, beforeAll } from 'vitest';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { SurveyQuestion } from '../../core/survey/index.js';
import type { Clock } from '../../lib/clock.js';

/** One question of each kind, two of them counted toward the satisfaction rate. */
export const KINDS: SurveyQuestion[] = [
  {
    key: 'rating',
    kind: 'single',
    text: 'Mức độ hài lòng',
    required: true,
    options: ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'],
    satisfaction: true,
    satisfiedOptions: [0, 1],
    verySatisfiedOption: 0,
  },
  { key: 'access', kind: 'scale', text: 'Tiếp cận dịch vụ', required: true, satisfaction: true },
  {
    key: 'channels',
    kind: 'multiple',
    text: 'Ông/bà biết thông tin qua đâu?',
    required: false,
    options: ['Website', 'Bảng tin', 'Zalo'],
  },
  { key: 'comment', kind: 'text', text: 'Góp ý', required: false },
];

export type Setup = Awaited<ReturnType<SurveyHarness['setup']>>;

/** Tests of the surveys: one app on one database per describe, a clock the tests set. */
export class SurveyHarness {
  t!: TestApp;
  tdb!: TestDb;
  nowIso = '2026-05-05T10:00:00+07:00';
  readonly clock: Clock = { now: () => new Date(this.nowIso) };
  private browserSeq = 0;

  constructor(open: () => Promise<TestDb>) {
    beforeAll(async () => {
      this.tdb = await open();
      this.t = await makeApp(this.tdb.db, {
        clock: this.clock,
        config: { sessionHours: 24 * 365, publicRateLimit: 100_000 },
      });
    });
    afterAll(async () => {
      await this.t.app.close();
      await this.tdb.drop();
    });
  }

  async setup() {
    const t = this.t;
    const ward = await createUnit(t, { kind: 'ward', name: 'Ủy ban nhân dân phường Hòa Bình' });
    const unit = await createUnit(t, { parentId: ward.id, name: 'Trường Mầm non Sao Mai' });
    const officer = await userWithSession(t, unit.id, ['officer']);
    const staff = await userWithSession(t, unit.id, ['staff']);
    const reviewer = await userWithSession(t, ward.id, ['reviewer']);
    const outsider = await userWithSession(t, (await createUnit(t)).id, ['admin', 'officer']);
    return { ward, unit, officer, staff, reviewer, outsider };
  }

  create = (s: Setup, body: Record<string, unknown>, cookie = s.officer.cookie) =>
    this.t.app.inject({
      method: 'POST',
      url: '/api/surveys',
      headers: { cookie },
      payload: {
        unitId: s.unit.id,
        title: 'Khảo sát thử',
        anonymous: true,
        published: true,
        questions: KINDS,
        ...body,
      },
    });

  answer = (slug: string, payload: Record<string, unknown>, cookie?: string) =>
    this.t.app.inject({
      method: 'POST',
      url: `/api/public/surveys/${slug}/answers`,
      payload,
      ...(cookie ? { headers: { cookie } } : {}),
    });

  browser = () => `trinh-duyet-thu-${String(this.browserSeq++).padStart(6, '0')}`;

  /** A signed-in request. */
  inject = (method: 'GET' | 'PUT' | 'DELETE' | 'POST', cookie: string, url: string, payload?: object) =>
    this.t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}
