/**
 * The shared harness of the browser tests: the prerequisites (Debian's Chromium, sample files) and
 * their loud skip, or failure under CCHC_REQUIRE_ALL=1; the web build; a real server on a fresh
 * SQLite database; the browser; login through the page; screenshots.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/database.js';
import type { Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { TEST_PASSWORD, testConfig } from '../support/app.js';
import type { TestApp } from '../support/app.js';

export const REQUIRE_ALL = process.env.CCHC_REQUIRE_ALL === '1';
export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIR = path.resolve(process.cwd(), 'dist/web');
export const RESULTS = path.resolve(process.cwd(), 'test-results');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The missing prerequisites: Chromium, then each of `files` (path → label) that does not exist.
 * When some are missing and CCHC_REQUIRE_ALL is not set, warns loudly that the suite (`what`, in
 * Vietnamese and English) is skipped.
 */
export function missingPrerequisites(
  files: ReadonlyArray<{ path: string; label: string }>,
  what: { vi: string; en: string },
): string[] {
  const missing = [
    fs.existsSync(CHROMIUM) ? null : `Chromium (${CHROMIUM})`,
    ...files.map((f) => (fs.existsSync(f.path) ? null : f.label)),
  ].filter((m): m is string => m !== null);
  if (missing.length > 0 && !REQUIRE_ALL) {
    console.warn(
      `\n!!! Thiếu ${missing.join(' và ')}: kiểm thử trình duyệt (${what.vi}) bị BỎ QUA.\n` +
        `!!! Missing ${missing.join(' and ')}: the browser test (${what.en}) is SKIPPED.\n`,
    );
  }
  return missing;
}

/** Whether the suite is skipped: prerequisites missing and CCHC_REQUIRE_ALL not set. */
export const skipped = (missing: readonly string[]): boolean => missing.length > 0 && !REQUIRE_ALL;

/**
 * Inside the suite: when prerequisites are missing (hence CCHC_REQUIRE_ALL=1), registers a failing
 * test named `title` and returns true (the suite then registers nothing else).
 */
export function failIfMissing(missing: readonly string[], title: string): boolean {
  if (missing.length === 0) return false;
  it(title, () => {
    throw new Error(`CCHC_REQUIRE_ALL=1 but missing: ${missing.join(', ')}`);
  });
  return true;
}

/** The state of one suite: filled in by `startApp`, `listen` and `openBrowser`, emptied by `stop`. */
export interface E2e {
  tmp: string;
  db: Db | undefined;
  app: FastifyInstance | undefined;
  browser: Browser | undefined;
  context: BrowserContext | undefined;
  base: string;
  /** Errors thrown in the pages, which each suite expects to stay empty. */
  pageErrors: string[];
}

export function newE2e(): E2e {
  return {
    tmp: '',
    db: undefined,
    app: undefined,
    browser: undefined,
    context: undefined,
    base: '',
    pageErrors: [],
  };
}

/**
 * Builds the web app if `dist/web/index.html` is missing, then the server (not listening yet) on a
 * fresh SQLite database in a temporary directory named after `tmpPrefix`.
 */
export async function startApp(e: E2e, tmpPrefix: string): Promise<TestApp> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  }
  e.tmp = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const db = openDatabase({ dialect: 'sqlite', file: path.join(e.tmp, 'cchc.sqlite') });
  e.db = db;
  await migrateToLatest(db);
  const built = await buildApp({ config: testConfig(), db, webDir: WEB_DIR, logger: false });
  e.app = built.app;
  return { app: built.app, services: built.services, db };
}

/** Starts listening on a free local port; returns (and records) the base URL. */
export async function listen(e: E2e): Promise<string> {
  const app = e.app!;
  await app.listen({ port: 0, host: '127.0.0.1' });
  e.base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return e.base;
}

/** Options of a browser context in Vietnamese, at Vietnam's time, with a desktop window. */
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
};

/**
 * Launches Chromium and opens the suite's page (page errors recorded in `e.pageErrors`);
 * `options` add to `DESKTOP`. Creates the screenshot directory.
 */
export async function openBrowser(e: E2e, options: BrowserContextOptions = {}): Promise<Page> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  e.browser = browser;
  const context = await browser.newContext({ ...DESKTOP, ...options });
  e.context = context;
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => e.pageErrors.push(err.message));
  fs.mkdirSync(RESULTS, { recursive: true });
  return page;
}

/** Closes whatever was opened, and removes the temporary directory. */
export async function stop(e: E2e): Promise<void> {
  await e.context?.close().catch(() => undefined);
  await e.browser?.close().catch(() => undefined);
  await e.app?.close().catch(() => undefined);
  await e.db?.close().catch(() => undefined);
  if (e.tmp) fs.rmSync(e.tmp, { recursive: true, force: true });
}

/** Fills the login page's username and password, and submits. */
export async function submitLogin(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Opens the app, is sent to the login page, logs in and waits for the header's unit name. */
export async function loginThroughPage(
  page: Page,
  base: string,
  username: string,
  unitName: string,
): Promise<void> {
  await page.goto(`${base}/`);
  await page.waitForURL(/\/login/);
  await submitLogin(page, username);
  await loggedIn(page, unitName);
}

/** Waits to leave the login page and for the header to show the unit's name. */
export async function loggedIn(page: Page, unitName: string): Promise<void> {
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await expect.poll(() => page.getByTestId('header-unit-name').textContent()).toBe(unitName);
}

/** A link of the main navigation (the navbar). */
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true });

/** A full-page screenshot into test-results/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, name), fullPage: true });
}

/** Today in Vietnam (UTC+7), shifted by `days`: `YYYY-MM-DD`. */
export function vnDate(days = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** `2026-03-31` → `31/03/2026`. */
export const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
