import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { FastifyInstance } from 'fastify';
import { freshSqlite } from '../tests/support/db.js';
import type { TestDb } from '../tests/support/db.js';
import { testConfig } from '../tests/support/app.js';

describe('serving the web app', () => {
  let dir: string;
  let tdb: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-web-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>cchc</title>');
    tdb = await freshSqlite();
    ({ app } = await buildApp({ config: testConfig(), db: tdb.db, webDir: dir, logger: false }));
  });
  afterAll(async () => {
    await app.close();
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves assets built after start, the app shell for client routes, and JSON 404s under /api', async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'moi.js'), 'console.log(1)');
    const asset = await app.inject({ method: 'GET', url: '/assets/moi.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    const route = await app.inject({ method: 'GET', url: '/plans/12' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>cchc</title>');
    const api = await app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.message).toBe('Không tìm thấy đường dẫn.');
  });

  it('answers unknown errors with a request id and no stack, and sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ ok: true });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // not behind HTTPS here
    // The same headers on a public route and on an error.
    const missing = await app.inject({ method: 'GET', url: '/api/public/dossiers/KHONG-CO-MA' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(res.headers['content-security-policy']);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    const openapi = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.json().paths['/api/plans/import/preview']).toBeDefined();
  });
});
