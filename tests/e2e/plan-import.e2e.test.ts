/**
 * Browser test of the main path through the web app, against a real server on a fresh SQLite
 * database: log in, import the sample plan (.docx), open a task, mark it done with an evidence
 * file, and see the dashboard change.
 *
 * Needs Debian's Chromium (/usr/bin/chromium, never downloaded) and ../shared/samples; without
 * them the suite is skipped loudly, or fails under CCHC_REQUIRE_ALL=1.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, createUser, TEST_PASSWORD } from '../support/app.js';
import {
  failIfMissing,
  listen,
  loggedIn,
  missingPrerequisites,
  nav,
  newE2e,
  openBrowser,
  screenshot,
  skipped,
  startApp,
  stop,
  submitLogin,
} from './harness.js';

const SAMPLE = path.resolve(process.cwd(), '../shared/samples/ke-hoach-cchc-2023-mn-tuoi-tho.docx');

const missing = missingPrerequisites([{ path: SAMPLE, label: `tệp mẫu ${SAMPLE}` }], {
  vi: 'nhập kế hoạch',
  en: 'plan import',
});

/** A one-page PDF, small enough to write by hand. */
function tinyPdf(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
    'latin1',
  );
}

/** The integer shown in an element ("1.234" or "25%" → 1234, 25). */
async function numberIn(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const digits = text.replace(/[^\d]/g, '');
  if (digits === '') throw new Error(`no number in [data-testid=${testId}]: "${text}"`);
  return Number(digits);
}

async function readDashboard(page: Page) {
  await page.getByTestId('dashboard').waitFor();
  return {
    total: await numberIn(page, 'stat-total'),
    done: await numberIn(page, 'stat-done'),
    percent: await numberIn(page, 'stat-percent'),
  };
}

describe.skipIf(skipped(missing))('web: nhập kế hoạch và cập nhật tiến độ trên trình duyệt', () => {
  if (failIfMissing(missing, 'cần Chromium và tệp mẫu (CCHC_REQUIRE_ALL=1)')) return;

  const UNIT_NAME = 'Trường Mầm non Tuổi Thơ';
  const e = newE2e();
  let page: Page;
  let base = '';
  let username = '';
  let before = { total: 0, done: 0, percent: 0 };

  beforeAll(async () => {
    const t = await startApp(e, 'cchc-e2e-');
    const unit = await createUnit(t, { name: UNIT_NAME, code: 'MNTT', kind: 'kindergarten' });
    const user = await createUser(t, unit.id, ['officer'], 'canbo.cchc');
    username = user.username;
    base = await listen(e);
    page = await openBrowser(e);
  });

  afterAll(() => stop(e));

  it('đăng nhập qua trang đăng nhập (sai mật khẩu thì báo lỗi của máy chủ)', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
    await submitLogin(page, username, 'sai-mat-khau');
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('Tên đăng nhập hoặc mật khẩu không đúng');

    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await loggedIn(page, UNIT_NAME);
  }, 60_000);

  it('nhập kế hoạch mẫu (.docx): xem trước 44 nhiệm vụ, 8 lĩnh vực rồi lưu', async () => {
    await nav(page, 'Nhập kế hoạch').click();
    await page.getByTestId('import-page').waitFor();
    await page.locator('[data-testid="import-page"] input[type="file"]').setInputFiles(SAMPLE);
    await page.getByTestId('import-read').click();

    await page.getByTestId('preview-task-count').waitFor({ timeout: 30_000 });
    expect(await numberIn(page, 'preview-task-count')).toBe(44);
    expect(await numberIn(page, 'preview-area-count')).toBe(8);
    await expect.poll(() => page.getByTestId('draft-number').inputValue()).toBe('71/KH-MNTT');
    expect(await page.getByTestId('draft-year').inputValue()).toBe('2023');
    expect(await page.getByTestId('preview-area-row').count()).toBe(8);

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-save').click();
    await page.waitForURL(/\/plans\/\d+$/, { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('plan-number').textContent()).toBe('71/KH-MNTT');
  }, 90_000);

  it('tổng quan trước khi cập nhật: 44 nhiệm vụ, chưa có nhiệm vụ hoàn thành', async () => {
    await nav(page, 'Tổng quan').click();
    await expect.poll(() => numberIn(page, 'stat-total')).toBe(44);
    before = await readDashboard(page);
    expect(before).toEqual({ total: 44, done: 0, percent: 0 });
  }, 60_000);

  it('mở kế hoạch, tìm nhiệm vụ không cần gõ dấu và mở nhiệm vụ', async () => {
    await nav(page, 'Kế hoạch').click();
    await page.getByTestId('plan-card').first().click();
    await page.getByTestId('plan-page').waitFor();
    expect(await page.getByTestId('area-section').count()).toBe(8);
    expect(await page.getByTestId('task-row').count()).toBe(44);

    // "ke hoach thuc hien" finds "Kế hoạch thực hiện công tác CCHC năm" (task 1.1).
    await page.getByTestId('plan-search').fill('ke hoach thuc hien cong tac cchc');
    await expect.poll(() => page.getByTestId('task-row').count()).toBeLessThan(44);
    const row = page.locator('[data-testid="task-row"][data-task-code="1.1"]');
    await row.waitFor();
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await expect.poll(() => page.getByTestId('task-title').textContent()).toContain('1.1');
  }, 60_000);

  it('tải minh chứng (PDF) và đánh dấu nhiệm vụ hoàn thành', async () => {
    const group = page.locator('[data-testid="evidence-group"][data-deliverable="0"]');
    await group
      .locator('input[type="file"]')
      .setInputFiles({ name: 'ke-hoach-cchc-2023.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await page.getByTestId('evidence-upload-0').click();
    const item = group.getByTestId('evidence-item').filter({ hasText: 'ke-hoach-cchc-2023.pdf' });
    await item.waitFor();

    // The file can be downloaded back, unchanged.
    const href = await item.getByRole('link').first().getAttribute('href');
    expect(href).toMatch(/^\/api\/evidence\/\d+\/download$/);
    const download = await page.request.get(`${base}${href}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');

    await page.getByTestId('task-status').getByText('Hoàn thành', { exact: true }).click();
    await page.getByTestId('task-progress-note').fill('Đã ban hành kế hoạch, có bản PDF kèm theo.');
    await page.getByTestId('task-save').click();
    await page
      .locator('[data-testid="task-page"] [data-testid="status-badge"][data-status="done"]')
      .first()
      .waitFor();
    const history = page.getByTestId('history-section');
    await expect.poll(() => history.textContent()).toContain('Trạng thái: Chưa thực hiện → Hoàn thành');
    expect(await history.textContent()).toContain('Tải lên minh chứng');
    await screenshot(page, 'task.png');
  }, 60_000);

  it('tổng quan sau khi cập nhật: số hoàn thành và tỷ lệ tăng', async () => {
    await nav(page, 'Tổng quan').click();
    await expect.poll(() => numberIn(page, 'stat-done')).toBe(before.done + 1);
    const after = await readDashboard(page);
    expect(after.total).toBe(before.total);
    expect(after.percent).toBeGreaterThan(before.percent);
    expect(after.percent).toBe(Math.round((after.done / after.total) * 100));
    // The lazily loaded chart has drawn its bars.
    await page.locator('[data-testid="dashboard-chart"] .recharts-bar-rectangle').first().waitFor();
    // Let the confirmations ("Đã lưu…") fade out so that they do not cover the page.
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'dashboard.png');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid="dashboard-chart"] .recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'dashboard-390.png');
    expect(e.pageErrors).toEqual([]);
  }, 60_000);
});
