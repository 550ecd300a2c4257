/**
 * Browser test of the satisfaction surveys and the public transparency page, against a real server
 * on a fresh SQLite database: an officer builds a SIPAS survey from its template and opens it; a
 * citizen on a phone-sized screen (390×844) answers it through its public link, typing HTML and a
 * script into the comment; the survey's satisfaction rate shown to staff and the transparency
 * page's figure change; the comment and a post with markup show as text, never run.
 *
 * Needs Debian's Chromium (/usr/bin/chromium, never downloaded); without it the suite is skipped
 * loudly, or fails under CCHC_REQUIRE_ALL=1.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, createUser } from '../support/app.js';
import {
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

const missing = missingPrerequisites([], {
  vi: 'khảo sát và trang công khai',
  en: 'surveys and transparency page',
});

const UNIT_NAME = 'Trường Mầm non Tuổi Thơ';
const UNIT_CODE = 'MNTT';
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script> Cảm ơn';
const POST_TITLE = '<b>Kết quả khảo sát</b> quý II';
const POST_BODY = 'Tỷ lệ hài lòng đạt cao.\n<script>alert(3)</script>';

describe.skipIf(skipped(missing))('web: khảo sát và trang công khai trên trình duyệt', () => {
  if (failIfMissing(missing, 'cần Chromium (CCHC_REQUIRE_ALL=1)')) return;

  const e = newE2e();
  let page: Page;
  let base = '';
  let surveyUrl = '';
  let publicUrl = '';
  let phone: { ctx: BrowserContext; page: Page; requests: string[] };
  const dialogs: string[] = [];

  beforeAll(async () => {
    const t = await startApp(e, 'cchc-e2e-survey-');
    const superior = await createUnit(t, {
      name: 'Ủy ban nhân dân phường Chánh Hưng',
      code: 'PCH',
      kind: 'ward',
    });
    await createUnit(t, { name: UNIT_NAME, code: UNIT_CODE, kind: 'kindergarten', parentId: superior.id });
    const unit = (
      await t.db.kysely
        .selectFrom('unit')
        .select('id')
        .where('code', '=', UNIT_CODE)
        .executeTakeFirstOrThrow()
    ).id;
    await createUser(t, unit, ['officer'], 'canbo.khaosat');
    base = await listen(e);
    page = await openBrowser(e);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const ctx = await e.browser!.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      isMobile: true,
      hasTouch: true,
    });
    ctx.setDefaultTimeout(15_000);
    const p = await ctx.newPage();
    const requests: string[] = [];
    p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    p.on('pageerror', (err) => e.pageErrors.push(`[phone] ${err.message}`));
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    phone = { ctx, page: p, requests };
  });

  afterAll(async () => {
    await phone?.ctx.close().catch(() => undefined);
    await stop(e);
  });

  const surveyFigure = (p: Page) => p.locator('li[data-key="survey_satisfaction"] .num');

  it('cán bộ tạo khảo sát SIPAS từ mẫu và mở nhận trả lời', async () => {
    await loginThroughPage(page, base, 'canbo.khaosat', UNIT_NAME);
    await nav(page, 'Khảo sát').click();
    await page.getByTestId('surveys-page').waitFor();
    await page.getByTestId('survey-create').click();
    await page.getByTestId('survey-template-sipas').click();
    await page.waitForURL(/\/surveys\/\d+/);
    surveyUrl = page.url().split('?')[0]!;
    await expect.poll(() => page.getByTestId('builder-question').count()).toBe(6);
    await page.getByTestId('survey-published').click();
    await page.getByTestId('survey-save').click();
    await expect.poll(() => page.getByTestId('survey-state').textContent()).toBe('Đang nhận trả lời');
    await page.getByTestId('tab-share').click();
    publicUrl = await page.getByTestId('survey-public-url').inputValue();
    expect(publicUrl).toMatch(new RegExp(`^${base}/khao-sat/[A-Za-z0-9_-]+$`));
    await expect
      .poll(() => page.getByTestId('survey-qr').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(100);
    await page.getByTestId('tab-results').click();
    await expect.poll(() => page.getByTestId('survey-rate').textContent()).toBe('chưa có số liệu');
  }, 90_000);

  it('cán bộ viết tin CCHC có mã HTML: hiện đúng như chữ', async () => {
    await nav(page, 'Tin CCHC').click();
    await page.getByTestId('post-new').click();
    await page.getByTestId('post-title-input').fill(POST_TITLE);
    await page.getByTestId('post-body-input').fill(POST_BODY);
    await page.getByTestId('post-published').click();
    await page.getByTestId('post-save').click();
    await expect.poll(() => page.getByTestId('post-title').first().textContent()).toBe(POST_TITLE);
    expect(await page.getByTestId('post-body').first().textContent()).toBe(POST_BODY);
    expect(await page.locator('[data-testid="post-card"] b, [data-testid="post-card"] script').count()).toBe(
      0,
    );
  }, 60_000);

  it('trang công khai trên điện thoại: chưa có số liệu hài lòng, tin hiện như chữ, không tải JavaScript', async () => {
    await phone.page.goto(`${base}/cong-khai/${UNIT_CODE}`);
    await expect.poll(() => surveyFigure(phone.page).textContent()).toBe('chưa có số liệu');
    const title = phone.page.locator('article.post h3').first();
    expect(await title.textContent()).toBe(POST_TITLE);
    expect(await phone.page.locator('article.post').first().textContent()).toContain(
      '<script>alert(3)</script>',
    );
    expect(await phone.page.locator('script').count()).toBe(0);
    expect(phone.requests.filter((r) => r.endsWith('.js'))).toEqual([]);
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'transparency-phone-before.png');
  }, 60_000);

  it('người dân trả lời khảo sát qua đường dẫn trên điện thoại', async () => {
    await phone.page.goto(publicUrl);
    await phone.page.getByTestId('public-survey-form').waitFor();
    // A required question left out is pointed at before sending.
    await phone.page.getByTestId('survey-submit').click();
    await expect
      .poll(() => phone.page.getByTestId('survey-error').textContent())
      .toBe('Câu 1 là câu bắt buộc: vui lòng trả lời.');
    for (const key of ['access', 'procedure', 'officer', 'result', 'feedback'])
      await phone.page.getByTestId(`scale-${key}-5`).click();
    await phone.page.getByTestId('text-comment').fill(HOSTILE);
    await screenshot(phone.page, 'survey-phone-form.png');
    await phone.page.getByTestId('survey-submit').click();
    await phone.page.getByTestId('survey-thanks').waitFor();
    // The same phone cannot answer twice.
    await phone.page.goto(publicUrl);
    for (const key of ['access', 'procedure', 'officer', 'result', 'feedback'])
      await phone.page.getByTestId(`scale-${key}-1`).click();
    await phone.page.getByTestId('survey-submit').click();
    await phone.page.getByTestId('survey-already').waitFor();
  }, 60_000);

  it('tỷ lệ hài lòng thay đổi ở trang cán bộ và trang công khai; ý kiến có mã HTML hiện như chữ', async () => {
    await page.goto(`${surveyUrl}?tab=results`);
    await expect.poll(() => page.getByTestId('survey-rate').textContent()).toBe('100%');
    expect(await page.getByTestId('survey-rate-fraction').textContent()).toBe('5/5 câu trả lời');
    expect(await page.getByTestId('survey-text-answer').first().textContent()).toBe(HOSTILE);
    expect(await page.locator('[data-testid="survey-question-result"] img').count()).toBe(0);
    await screenshot(page, 'survey-results.png');

    await phone.page.goto(`${base}/cong-khai/${UNIT_CODE}?sau-khi-tra-loi=1`);
    await expect.poll(() => surveyFigure(phone.page).textContent()).toBe('100%5/5');
    await screenshot(phone.page, 'transparency-phone-after.png');
    expect(dialogs).toEqual([]);
    expect(e.pageErrors).toEqual([]);
  }, 60_000);
});
