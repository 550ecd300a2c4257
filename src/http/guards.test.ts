import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../tests/support/db.js';
import type { TestDb } from '../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../tests/support/app.js';
import type { TestApp } from '../../tests/support/app.js';
import { loadConfig } from '../config.js';
import { findBadInput, isSameSiteRequest } from './guards.js';

describe('configuration of proxies, origins and links', () => {
  it('reads proxies and origins, refuses malformed ones, and never takes links from requests', () => {
    const c = loadConfig({
      CCHC_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1',
      CCHC_ALLOWED_ORIGINS: 'https://cong.donvi.gov.vn/duong-dan',
      CCHC_APP_URL: 'https://cchc.donvi.gov.vn/',
    });
    expect(c.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(c.allowedOrigins).toEqual(['https://cong.donvi.gov.vn']);
    expect(c.linkBase).toBe('https://cchc.donvi.gov.vn');
    expect(loadConfig({ PORT: '8080' }).linkBase).toBe('http://localhost:8080');
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(() => loadConfig({ CCHC_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/CCHC_TRUST_PROXY/);
    expect(() => loadConfig({ CCHC_TRUST_PROXY: 'proxy.example' })).toThrow(/CCHC_TRUST_PROXY/);
    expect(() => loadConfig({ CCHC_ALLOWED_ORIGINS: 'ftp://x.example' })).toThrow(/CCHC_ALLOWED_ORIGINS/);
  });

  it('decides same-site from Origin, else Sec-Fetch-Site', () => {
    const allowed = new Set(['https://cong.donvi.gov.vn']);
    const h = (x: Record<string, string>) => ({ host: 'cchc.donvi.gov.vn', ...x });
    expect(isSameSiteRequest(h({ origin: 'https://cchc.donvi.gov.vn' }), allowed, true)).toBe(true);
    expect(isSameSiteRequest(h({ origin: 'http://cchc.donvi.gov.vn' }), allowed, true)).toBe(false);
    expect(isSameSiteRequest(h({ origin: 'https://cong.donvi.gov.vn' }), allowed, true)).toBe(true);
    expect(isSameSiteRequest(h({ origin: 'https://evil.donvi.gov.vn' }), allowed, true)).toBe(false);
    expect(isSameSiteRequest(h({ origin: 'null' }), allowed, true)).toBe(false);
    expect(isSameSiteRequest(h({ 'sec-fetch-site': 'same-site' }), allowed, true)).toBe(false);
    expect(isSameSiteRequest(h({ 'sec-fetch-site': 'cross-site' }), allowed, true)).toBe(false);
    expect(isSameSiteRequest(h({ 'sec-fetch-site': 'same-origin' }), allowed, true)).toBe(true);
    expect(isSameSiteRequest(h({}), allowed, true)).toBe(true);
  });

  it('finds NUL characters and years out of range anywhere in the input', () => {
    expect(findBadInput({ a: [{ b: 'x\u0000' }] }, 2000, 2100)?.path).toBe('a.0.b');
    expect(findBadInput({ receivedAt: '1999-12-31T10:00:00+07:00' }, 2000, 2100)?.path).toBe('receivedAt');
    expect(findBadInput({ year: '2200' }, 2000, 2100)?.path).toBe('year');
    expect(findBadInput({ fromYear: 1800 }, 2000, 2100)?.path).toBe('fromYear');
    expect(
      findBadInput({ note: '1999-01-01 là ngày cũ', year: 2026, on: '2026-05-01' }, 2000, 2100),
    ).toBeNull();
  });
});

describeEachDb('abuse at the HTTP layer (issue 11: proxies, origins, links, bad input)', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { config: { publicRateLimit: 3, linkBase: 'https://cchc.donvi.gov.vn' } });
    const unit = await createUnit(t);
    ({ cookie } = await userWithSession(t, unit.id, ['admin']));
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('refuses a foreign Origin with 403 on every unsafe route of the API, before anything else', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const method of Object.keys(methods)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const url = path.replace(/\{[^}]+\}/g, '1');
        for (const headers of [
          { origin: 'https://evil.example', cookie },
          { origin: 'https://khac.cchc.donvi.gov.vn', cookie },
          { 'sec-fetch-site': 'same-site', cookie },
        ]) {
          const res = await t.app.inject({
            method: method.toUpperCase() as 'POST',
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: '{}',
          });
          expect(res.statusCode, `${method} ${path}`).toBe(403);
          expect(res.json().error.code).toBe('CROSS_SITE');
        }
        checked++;
      }
    expect(checked).toBeGreaterThan(50);
    // The app itself (by CCHC_APP_URL or by the Host it was reached at) is served.
    for (const origin of ['https://cchc.donvi.gov.vn', 'http://localhost:80']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/calendar/feed',
        headers: { origin, cookie },
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('takes JSON only on JSON routes: a text/plain body a foreign form could send is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ username: 'a', password: 'b' }),
    });
    expect(res.statusCode).toBe(415);
  });

  it('builds links from CCHC_APP_URL, whatever X-Forwarded-Host says', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/feed',
      headers: {
        cookie,
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        host: 'evil.example',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().url).toMatch(/^https:\/\/cchc\.donvi\.gov\.vn\/api\/calendar\/ics\//);
  });

  it('a rotating X-Forwarded-For changes no limit unless the proxy is trusted', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/public/dossiers/KHONG-CO-MA',
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 429)).toHaveLength(3);
    // Behind a named proxy the forwarded address is the client's, and each client has its own count.
    const behind = await makeApp(tdb.db, { config: { publicRateLimit: 3, trustProxy: ['127.0.0.1'] } });
    try {
      for (let i = 0; i < 6; i++) {
        const res = await behind.app.inject({
          method: 'GET',
          url: '/api/public/dossiers/KHONG-CO-MA',
          headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        });
        expect(res.statusCode).toBe(404);
      }
    } finally {
      await behind.app.close();
    }
  });

  it('answers NUL characters and out-of-range years with a 400, on public routes and login too', async () => {
    const cases = [
      { method: 'POST', url: '/api/auth/login', payload: { username: 'quan\u0000tri', password: 'x' } },
      { method: 'GET', url: '/api/public/dossiers/AB%00CD', remoteAddress: '192.0.2.9' },
      { method: 'GET', url: '/api/calendar/schedules/2200', headers: { cookie } },
      { method: 'GET', url: '/api/calendar/month?year=1999&month=1', headers: { cookie } },
      {
        method: 'POST',
        url: '/api/dossiers',
        headers: { cookie },
        payload: { receivedAt: '1999-06-01T08:00:00+07:00' },
      },
    ] as const;
    for (const c of cases) {
      const res = await t.app.inject(c as InjectOptions);
      expect(res.statusCode, c.url).toBe(400);
      expect(res.json().error.message).toMatch(/NUL|năm phải trong khoảng 2000–2100/);
    }
  });
});
