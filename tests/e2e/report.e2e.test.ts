/**
 * Browser test of the periodic reports, against a real server on a fresh SQLite database: a
 * school's CCHC officer opens "Báo cáo", opens the quarter I report of 2026, writes a narrative,
 * downloads the .docx, submits it; a reviewer of the ward above sees the school's report marked
 * submitted (late: the real clock is past 05/03/2026) and downloads the frozen file.
 *
 * Needs Debian's Chromium (/usr/bin/chromium); without it the suite is skipped loudly, or fails
 * under CCHC_REQUIRE_ALL=1.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText, readDocx } from '../../src/documents/docx-reader.test-support.js';
import { reportPlanText } from '../../src/modules/reports/fixtures.test-support.js';
import { createUnit, createUser, login } from '../support/app.js';
import { importPlan } from '../support/plans.js';
import {
  DESKTOP,
  failIfMissing,
  listen,
  loginThroughPage,
  missingPrerequisites,
  nav,
  newE2e,
  openBrowser,
  screenshot,
  skipped,
  startApp,
  stop,
} from './harness.js';

const missing = missingPrerequisites([], { vi: 'báo cáo định kỳ', en: 'periodic reports' });

const WARD = 'Ủy ban nhân dân phường Báo Cáo';
const SCHOOL = 'Trường Tiểu học Báo Cáo';

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const saved = await file.path();
  if (!saved) throw new Error(`download failed: ${await file.failure()}`);
  return fs.readFileSync(saved);
}

describe.skipIf(skipped(missing))('web: báo cáo định kỳ trên trình duyệt', () => {
  if (failIfMissing(missing, 'cần Chromium (CCHC_REQUIRE_ALL=1)')) return;

  const e = newE2e();
  let page: Page;
  let base = '';
  let schoolId = 0;

  beforeAll(async () => {
    const t = await startApp(e, 'cchc-e2e-report-');
    const ward = await createUnit(t, { name: WARD, code: 'PBC', kind: 'ward' });
    const school = await createUnit(t, { name: SCHOOL, code: 'THBC', kind: 'school', parentId: ward.id });
    schoolId = school.id;
    await createUser(t, ward.id, ['reviewer'], 'theodoi.phuong');
    const officer = await createUser(t, school.id, ['officer'], 'canbo.baocao');
    await importPlan(t, await login(t, officer.username), school.id, reportPlanText({ unitName: SCHOOL }));
    base = await listen(e);
    page = await openBrowser(e, { acceptDownloads: true });
  });

  afterAll(() => stop(e));

  it('a unit officer drafts, downloads and submits the quarter I report', async () => {
    await loginThroughPage(page, base, 'canbo.baocao', SCHOOL);
    await nav(page, 'Báo cáo').click();
    await page.waitForURL(/\/bao-cao$/);
    await expect.poll(() => page.getByTestId('report-schedule').isVisible()).toBe(true);
    await page.goto(`${base}/bao-cao?nam=2026`);
    await page.getByTestId('report-period-2026-Q1').getByRole('link', { name: 'Quý I/2026' }).click();
    await page.waitForURL(new RegExp(`/bao-cao/${schoolId}/2026-Q1$`));
    // Past 05/03/2026 and not submitted: late.
    await expect.poll(() => page.getByTestId('report-state').first().textContent()).toBe('Trễ hạn');
    await page
      .getByLabel('2. Cải cách thủ tục hành chính')
      .fill('Niêm yết đầy đủ thủ tục tại bộ phận một cửa.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect.poll(() => page.getByText('Đã lưu bản nháp báo cáo.').count()).toBeGreaterThan(0);

    const docx = await download(page, 'Tải báo cáo (.docx)');
    const text = plainText((await readDocx(docx)).documentXml);
    expect(text).toContain('Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    expect(text).toContain('Niêm yết đầy đủ thủ tục tại bộ phận một cửa.');
    expect(text).toContain('TRƯỜNG TIỂU HỌC BÁO CÁO');
    const xlsx = await download(page, 'Tải phụ lục (.xlsx)');
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByRole('button', { name: 'Gửi cấp trên' }).click();
    await expect.poll(() => page.getByTestId('report-state').first().textContent()).toBe('Đã gửi');
    await expect.poll(() => page.getByTestId('report-submissions').getByText('Trễ hạn').count()).toBe(1);
    // Submitted: the draft is no longer editable, nor can it be sent twice.
    expect(await page.getByRole('button', { name: 'Gửi cấp trên' }).count()).toBe(0);
    await screenshot(page, 'report-submitted.png');
  });

  it('a reviewer of the ward sees the school report marked submitted and downloads it', async () => {
    const context = await e.browser!.newContext({ ...DESKTOP, acceptDownloads: true });
    const superior = await context.newPage();
    superior.on('pageerror', (err) => e.pageErrors.push(err.message));
    try {
      await loginThroughPage(superior, base, 'theodoi.phuong', WARD);
      await superior.goto(`${base}/bao-cao?nam=2026`);
      const row = superior.getByTestId('report-unit-THBC');
      await expect.poll(() => row.getByTestId('report-state').textContent()).toBe('Đã gửi');
      expect(await row.getByText('gửi trễ hạn').count()).toBe(1);
      await screenshot(superior, 'report-overview.png');
      await row.getByRole('link', { name: SCHOOL }).click();
      await superior.waitForURL(new RegExp(`/bao-cao/${schoolId}/2026-Q1$`));
      // The superior reads, may return the report, never edits it.
      await expect.poll(() => superior.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).count()).toBe(1);
      expect(await superior.getByRole('button', { name: 'Lưu nháp' }).count()).toBe(0);
      const docx = await download(superior, 'Tải báo cáo (.docx)');
      expect(plainText((await readDocx(docx)).documentXml)).toContain(
        'Niêm yết đầy đủ thủ tục tại bộ phận một cửa.',
      );
      await screenshot(superior, 'report-superior.png');
    } finally {
      await context.close();
    }
    expect(e.pageErrors).toEqual([]);
  });
});
