/**
 * Browser test of the digital office (issue 13), against a real server on a fresh SQLite database:
 * a school's CCHC officer registers an outgoing plan with a PDF signed by a test CA, sees its
 * number and the signature verdict ("chưa xác minh chuỗi": no trusted root yet), and sees targets
 * 10.1 (electronic share) and 10.2 (signed share) change on the dashboard and the plan page; a
 * tampered copy checked with "Kiểm tra tệp PDF" is reported modified after signing; the
 * administrator imports the CA's root and the re-check reports the signature valid.
 *
 * Needs Debian's Chromium (/usr/bin/chromium); without it the suite is skipped loudly, or fails
 * under CCHC_REQUIRE_ALL=1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, createUser, login } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { certPem, makePdf, makeRoot, makeSigner, signPdf, tamper } from '../support/pdf-signing.js';
import type { Party } from '../support/pdf-signing.js';
import { importPlan, smallPlanText } from '../support/plans.js';
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
  vnDate,
} from './harness.js';

const missing = missingPrerequisites([], {
  vi: 'sổ văn bản, chữ ký số',
  en: 'document register, signatures',
});

const SCHOOL = 'Trường Tiểu học Văn Bản';
const YEAR = Number(vnDate().slice(0, 4));

/** The test plan with group 10 of Phụ lục 2 (môi trường làm việc điện tử), as the sample plans word it. */
const planText = () =>
  [
    smallPlanText({ year: YEAR, unitName: SCHOOL }),
    `10\tVề xây dựng và phát triển Chính phủ điện tử, Chính phủ số\t\t`,
    `10.1\t100% các văn bản, tài liệu chính thức trao đổi được thực hiện trên môi trường điện tử trừ các văn bản có chứa bí mật nhà nước.\t${SCHOOL}\tVăn phòng`,
    `10.2\t100% văn bản đi được áp dụng chữ ký số.\t${SCHOOL}\tVăn phòng`,
  ].join('\n');

/** Opens the plan page's targets tab. */
async function openTargets(page: Page, base: string, planId: number): Promise<void> {
  await page.goto(`${base}/plans/${planId}`);
  await page.getByRole('tab', { name: /^Chỉ tiêu/ }).click();
}

const target = (page: Page, code: string) =>
  page.locator(`[data-testid="target-row"][data-target-code="${code}"]`).getByTestId('target-measured-value');

// A generous bound per step (each logs in, uploads, re-renders) on a loaded two-core machine.
describe.skipIf(skipped(missing))(
  'web: sổ văn bản và chữ ký số trên trình duyệt',
  { timeout: 120_000 },
  () => {
    if (failIfMissing(missing, 'cần Chromium (CCHC_REQUIRE_ALL=1)')) return;

    const e = newE2e();
    let t: TestApp;
    let page: Page;
    let base = '';
    let planId = 0;
    let root: Party;
    let signedPath = '';
    let tamperedPath = '';
    let rootPath = '';

    beforeAll(async () => {
      t = await startApp(e, 'cchc-e2e-documents-');
      const school = await createUnit(t, { name: SCHOOL, code: 'THVB', kind: 'school' });
      const officer = await createUser(t, school.id, ['officer'], 'vanthu.vb');
      await createUser(t, school.id, ['admin'], 'quantri.vb');
      const cookie = await login(t, officer.username);
      planId = (await importPlan(t, cookie, school.id, planText())).planId;
      // One paper, unsigned outgoing document already in the book: both shares start at 0 %.
      const paper = await t.app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { cookie },
        payload: {
          unitId: school.id,
          direction: 'outgoing',
          docType: 'BC',
          documentDate: vnDate(),
          summary: 'Báo cáo giấy gửi qua bưu chính',
          form: 'paper',
          channel: 'postal',
        },
      });
      expect(paper.statusCode, paper.body).toBe(200);

      root = await makeRoot('CA thử nghiệm Văn Bản');
      const signer = await makeSigner(root, { cn: 'Nguyễn Thị Hiệu Trưởng', o: SCHOOL });
      const signed = await signPdf(makePdf('Van ban ke hoach CCHC'), signer, { reason: 'Phê duyệt' });
      base = await listen(e);
      page = await openBrowser(e);
      signedPath = path.join(e.tmp, 'ke-hoach-da-ky.pdf');
      tamperedPath = path.join(e.tmp, 'ke-hoach-bi-sua.pdf');
      rootPath = path.join(e.tmp, 'ca-goc.pem');
      fs.writeFileSync(signedPath, signed);
      fs.writeFileSync(tamperedPath, tamper(signed));
      fs.writeFileSync(rootPath, certPem(root));
    });

    afterAll(() => stop(e));

    it('the officer sees both shares at 0 % before registering', async () => {
      await loginThroughPage(page, base, 'vanthu.vb', SCHOOL);
      await expect.poll(() => page.getByTestId('dash-doc-electronic').textContent()).toBe('0%');
      expect(await page.getByTestId('dash-doc-signed').textContent()).toBe('0%');
      await openTargets(page, base, planId);
      await expect.poll(() => target(page, '10.1').textContent()).toBe('0% (0/1)');
      expect(await target(page, '10.2').textContent()).toBe('0% (0/1)');
    });

    it('registers an outgoing plan with its signed PDF and sees the number and the verdict', async () => {
      await nav(page, 'Sổ văn bản').click();
      await page.waitForURL(/\/van-ban$/);
      await page.getByRole('button', { name: 'Vào sổ văn bản đi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Vào sổ văn bản đi' });
      await dialog.getByLabel('Trích yếu').fill('Kế hoạch cải cách hành chính năm học');
      await dialog.getByLabel('Nơi nhận').fill('Phòng Giáo dục và Đào tạo');
      // "Có chữ ký số" stays unticked: the PDF's verified signature marks the document signed.
      await dialog.locator('input[type="file"]').setInputFiles(signedPath);
      await dialog.getByRole('button', { name: 'Vào sổ' }).click();
      await page.waitForURL(/\/van-ban\/\d+$/);
      // The register gave the book's next number (the paper report took 01).
      await expect.poll(() => page.getByTestId('document-number-text').textContent()).toBe('02/KH-THVB');
      const sig = page.getByTestId('signature');
      await expect.poll(() => sig.count(), { timeout: 15_000 }).toBe(1);
      expect(await sig.getAttribute('data-status')).toBe('chain_not_verified');
      expect(await sig.getByTestId('signature-signer').textContent()).toBe('Nguyễn Thị Hiệu Trưởng');
      expect(await sig.getByTestId('signature-organization').textContent()).toBe(SCHOOL);
      expect(await sig.getByTestId('signature-chain').textContent()).toBe('chưa xác minh chuỗi');
      expect(await sig.getByText('toàn vẹn', { exact: true }).count()).toBe(1);
      expect(await sig.getByText('còn hiệu lực', { exact: true }).count()).toBe(1);
      expect(await page.getByTestId('no-roots').count()).toBe(1);
      await screenshot(page, 'documents-verdict.png');
    });

    it('sees targets 10.1 and 10.2 change on the dashboard and the plan page', async () => {
      await nav(page, 'Tổng quan').click();
      await expect.poll(() => page.getByTestId('dash-doc-electronic').textContent()).toBe('50%');
      expect(await page.getByTestId('dash-doc-signed').textContent()).toBe('50%');
      await screenshot(page, 'documents-dashboard.png');
      await openTargets(page, base, planId);
      await expect.poll(() => target(page, '10.1').textContent()).toBe('50% (1/2)');
      expect(await target(page, '10.2').textContent()).toBe('50% (1/2)');
    });

    it('a PDF changed after signing is reported changed after signing by "Kiểm tra tệp PDF", and nothing is registered', async () => {
      await nav(page, 'Kiểm tra tệp PDF').click();
      await page.waitForURL(/\/van-ban\/kiem-tra-pdf$/);
      await page.locator('input[type="file"]').setInputFiles(tamperedPath);
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      const sig = page.getByTestId('signature');
      await expect.poll(() => sig.count(), { timeout: 15_000 }).toBe(1);
      // A byte of the signed content changed: the digest no longer matches.
      expect(await sig.getAttribute('data-status')).toBe('invalid');
      expect(await sig.getByText('bị sửa sau khi ký', { exact: true }).count()).toBe(1);
      await nav(page, 'Sổ văn bản').click();
      await expect
        .poll(() => page.getByTestId('document-list').locator('tbody tr').count(), { timeout: 15_000 })
        .toBe(2);
    });

    it('the administrator imports the CA root; the re-check reports the signature valid', async () => {
      const context = await e.browser!.newContext(DESKTOP);
      const admin = await context.newPage();
      admin.on('pageerror', (err) => e.pageErrors.push(err.message));
      try {
        await loginThroughPage(admin, base, 'quantri.vb', SCHOOL);
        await nav(admin, 'Chứng thư gốc tin cậy').click();
        await admin.locator('input[type="file"]').setInputFiles(rootPath);
        await admin.getByRole('button', { name: 'Thêm chứng thư gốc' }).click();
        await expect
          .poll(() => admin.getByTestId('trusted-roots').getByText('CA thử nghiệm Văn Bản').count())
          .toBe(1);
        await nav(admin, 'Sổ văn bản').click();
        await admin.getByRole('link', { name: '02/KH-THVB' }).click();
        await expect.poll(() => admin.getByTestId('roots-changed').count(), { timeout: 15_000 }).toBe(1);
        await admin.getByRole('button', { name: 'Kiểm tra lại' }).click();
        await expect.poll(() => admin.getByTestId('signature').getAttribute('data-status')).toBe('valid');
        expect(await admin.getByTestId('signature-chain').textContent()).toBe('thuộc chứng thư gốc tin cậy');
        await screenshot(admin, 'documents-valid.png');
      } finally {
        await context.close();
      }
    });

    it('raised no error in the pages', () => {
      expect(e.pageErrors).toEqual([]);
    });
  },
);
