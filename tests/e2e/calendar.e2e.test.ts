/**
 * Browser test of the deadline features of the web app, against a real server on a fresh SQLite
 * database: import a plan by pasting its text, see each deadline's reading highlighted in the
 * preview (and correct one), save, find a due date on the Lịch page, mark an occurrence done,
 * record an event, and create the personal .ics link and read it.
 *
 * The server's clock is real: the plan is written for the current year, with due dates relative
 * to today (Vietnam time).
 *
 * Needs Debian's Chromium (/usr/bin/chromium, never downloaded); without it the suite is skipped
 * loudly, or fails under CCHC_REQUIRE_ALL=1.
 */
import type { Page } from 'playwright-core';
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
  vi,
  vnDate,
} from './harness.js';

const missing = missingPrerequisites([], { vi: 'lịch, kỳ thực hiện', en: 'calendar, occurrences' });

const TODAY = vnDate();
const YEAR = Number(TODAY.slice(0, 4));
/** Due in three days: "sắp đến hạn" whatever the date the test runs. */
const SOON = vnDate(3);
/** The date the user picks when correcting an unreadable deadline. */
const CORRECTED = vnDate(10);

const UNIT_NAME = 'Trường Tiểu học Thử Nghiệm';

/** A small plan (tab-separated appendix), with one deadline of each kind the reader knows. */
function planText(): string {
  const u = UNIT_NAME;
  const rows = [
    `1\tCông tác chỉ đạo, điều hành về CCHC\t\t\t\t`,
    `1.1\tXây dựng kế hoạch CCHC năm ${YEAR}\tKế hoạch\t${u}\tTổ CCHC\tQuý I/${YEAR}`,
    `1.2\tBáo cáo công tác CCHC định kỳ\tBáo cáo quý\t${u}\tTổ CCHC\tĐịnh kỳ hàng quý`,
    `2\tCải cách thủ tục hành chính\t\t\t\t`,
    `2.1\tNiêm yết công khai thủ tục hành chính\tBảng niêm yết\t${u}\tVăn phòng\tThường xuyên`,
    `2.2\tCập nhật quy trình nội bộ\tQuy trình\t${u}\tVăn phòng\tKhi có thay đổi`,
    `2.3\tRà soát hồ sơ tồn đọng\tBáo cáo rà soát\t${u}\tVăn phòng\tTrước ngày ${vi(SOON)}`,
    `2.4\tTập huấn nghiệp vụ một cửa\tDanh sách tập huấn\t${u}\tVăn phòng\tChưa xác định`,
  ];
  return [
    `ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM`,
    u.toUpperCase(),
    ``,
    `Số: 07/KH-THTN\tThử Nghiệm, ngày 10 tháng 01 năm ${YEAR}`,
    ``,
    `KẾ HOẠCH`,
    `Thực hiện công tác cải cách hành chính năm ${YEAR}`,
    ``,
    `I. MỤC TIÊU`,
    `1. Nâng cao chất lượng phục vụ người dân.`,
    `II. CHỈ TIÊU`,
    `1. Tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên.`,
    `III. NHIỆM VỤ TRỌNG TÂM`,
    `1. Công tác chỉ đạo, điều hành`,
    `1.1. Xây dựng và triển khai kế hoạch.`,
    `2. Cải cách thủ tục hành chính`,
    `2.1. Công khai thủ tục hành chính.`,
    ``,
    `PHỤ LỤC 1`,
    `STT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành`,
    ...rows,
    ``,
    `PHỤ LỤC 2`,
    `STT\tChỉ tiêu\tCơ quan chủ trì, theo dõi, tổng hợp\tCơ quan phối hợp`,
    `1\tTỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên.\t${u}\tVăn phòng`,
  ].join('\n');
}

/** A task row of the import preview, by its code. */
const draftRow = (page: Page, code: string) =>
  page
    .getByTestId('draft-task-row')
    .filter({ has: page.locator('b', { hasText: new RegExp(`^${code}\\.$`) }) });

describe.skipIf(skipped(missing))('web: lịch, thời hạn và kỳ thực hiện trên trình duyệt', () => {
  if (failIfMissing(missing, 'cần Chromium (CCHC_REQUIRE_ALL=1)')) return;

  const e = newE2e();
  let page: Page;
  let base = '';
  let username = '';
  let planUrl = '';

  beforeAll(async () => {
    const t = await startApp(e, 'cchc-e2e-cal-');
    const unit = await createUnit(t, { name: UNIT_NAME, code: 'THTN', kind: 'school' });
    const user = await createUser(t, unit.id, ['officer'], 'canbo.lich');
    username = user.username;
    base = await listen(e);
    page = await openBrowser(e);
  });

  afterAll(() => stop(e));

  it('đăng nhập', async () => {
    await loginThroughPage(page, base, username, UNIT_NAME);
  }, 60_000);

  it('xem trước: thời hạn được tô chỗ đọc được, có cách hiểu và độ tin cậy; sửa một cách hiểu', async () => {
    await nav(page, 'Nhập kế hoạch').click();
    await page.getByTestId('import-page').waitFor();
    await page.getByRole('tab', { name: 'Dán văn bản' }).click();
    await page.getByTestId('import-text').fill(planText());
    await page.getByTestId('import-read').click();
    await page.getByTestId('preview-task-count').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('preview-task-count').textContent()).toBe('6');

    // The unreadable deadline is announced above the areas.
    await expect.poll(() => page.getByTestId('reading-review').textContent()).toContain('1 thời hạn');

    const tasks = page.getByTestId('import-tasks');
    await tasks.getByRole('button', { name: /^1\. Công tác chỉ đạo/ }).click();
    const row11 = draftRow(page, '1.1');
    await expect.poll(() => row11.getByTestId('deadline-mark').first().textContent()).toBe(`Quý I/${YEAR}`);
    expect(await row11.getByTestId('deadline-reading').textContent()).toContain(
      `Cuối Quý I/${YEAR} (31/03/${YEAR})`,
    );
    expect(await row11.getByTestId('reading-confidence').getAttribute('data-confidence')).toBe('1');
    const row12 = draftRow(page, '1.2');
    expect(await row12.getByTestId('deadline-reading').textContent()).toContain('Hằng quý');

    await tasks.getByRole('button', { name: /^2\. Cải cách thủ tục/ }).click();
    expect(await draftRow(page, '2.1').getByTestId('deadline-reading').textContent()).toContain(
      'Thường xuyên — mỗi kỳ báo cáo',
    );
    expect(await draftRow(page, '2.2').getByTestId('deadline-reading').textContent()).toContain(
      'Khi phát sinh: Khi có thay đổi',
    );
    const row24 = draftRow(page, '2.4');
    expect(await row24.getByTestId('deadline-reading').textContent()).toContain('Chưa đọc được');
    expect(await row24.getByTestId('reading-confidence').getAttribute('data-confidence')).toBe('0');
    await screenshot(page, 'import-readings.png');

    // "Sửa cách hiểu": a fixed date chosen by hand.
    await row24.getByTestId('reading-edit').click();
    const form = page.getByTestId('reading-edit-form');
    await form.getByTestId('reading-kind-fixed').click();
    await form.getByTestId('reading-date').first().fill(vi(CORRECTED));
    await expect.poll(() => form.getByTestId('reading-preview').textContent()).toContain(vi(CORRECTED));
    await form.getByTestId('reading-save').click();
    await row24.getByTestId('reading-corrected').waitFor();
    expect(await row24.getByTestId('deadline-reading').textContent()).toContain(`Ngày ${vi(CORRECTED)}`);

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-save').click();
    await page.waitForURL(/\/plans\/\d+$/, { timeout: 30_000 });
    planUrl = page.url();
  }, 90_000);

  it('kế hoạch: nhiệm vụ sắp đến hạn có nhãn và lọc được', async () => {
    const row23 = page.locator('[data-testid="task-row"][data-task-code="2.3"]');
    await expect.poll(() => row23.getByTestId('task-flag').getAttribute('data-flag')).toBe('due_soon');
    expect(await row23.getByTestId('task-due').textContent()).toContain(vi(SOON));

    await page.getByTestId('plan-status-filter').click();
    await page.getByRole('option', { name: 'Quá hạn / sắp đến hạn' }).click();
    await expect.poll(() => page.locator('[data-testid="task-row"][data-task-code="2.3"]').count()).toBe(1);
    // Continuous and event-driven tasks without a due date soon are filtered out.
    expect(await page.locator('[data-testid="task-row"][data-task-code="2.2"]').count()).toBe(0);
  }, 60_000);

  it('lịch tháng có hạn Quý I và tháng này có hạn sắp tới; ngày nghỉ lễ của năm', async () => {
    await nav(page, 'Lịch').click();
    await page.getByTestId('calendar-page').waitFor();
    await page.goto(`${base}/lich?thang=${YEAR}-03`);
    await expect.poll(() => page.getByTestId('calendar-month-label').textContent()).toBe(`Tháng 3/${YEAR}`);
    const day = page.locator(`[data-testid="calendar-day"][data-date="${YEAR}-03-31"]`);
    await expect
      .poll(() => day.getByTestId('calendar-due').allTextContents())
      .toContain(`1.1 · Quý I/${YEAR}`);
    expect(await page.getByTestId('month-due-item').count()).toBeGreaterThan(0);
    await screenshot(page, 'calendar-quy1.png');

    // The month of the due-soon task: today is outlined, the task is orange.
    await page.goto(`${base}/lich?thang=${SOON.slice(0, 7)}`);
    const soonDay = page.locator(`[data-testid="calendar-day"][data-date="${SOON}"]`);
    const chip = soonDay.getByTestId('calendar-due').filter({ hasText: '2.3' });
    await expect.poll(() => chip.getAttribute('data-tone')).toBe('due_soon');
    if (TODAY.slice(0, 7) === SOON.slice(0, 7))
      await page.locator(`[data-testid="calendar-day"][data-today="true"][data-date="${TODAY}"]`).waitFor();
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'calendar.png');

    await page.getByTestId('holidays-link').click();
    await page.getByTestId('holidays-page').waitFor();
    const newYear = page.locator(`[data-testid="holiday-row"][data-date="${YEAR}-01-01"]`);
    await expect.poll(() => newYear.textContent()).toContain('Tết Dương lịch');
    expect(await newYear.textContent()).toContain('Nghỉ lễ theo luật');
    // An officer sees the schedule read-only.
    await page.getByTestId('schedule-readonly').waitFor();
    expect(await page.getByTestId('schedule-editor').count()).toBe(0);
  }, 60_000);

  it('nhiệm vụ định kỳ: đánh dấu một kỳ hoàn thành', async () => {
    await page.goto(`${base}/lich?thang=${YEAR}-03`);
    await page
      .locator(`[data-testid="calendar-day"][data-date="${YEAR}-03-05"]`)
      .getByTestId('calendar-due')
      .filter({ hasText: '1.2' })
      .click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await expect.poll(() => page.getByTestId('task-title').textContent()).toContain('1.2');
    const rows = page.getByTestId('occurrence-row');
    await expect.poll(() => rows.count()).toBe(4);
    const first = rows.first();
    expect(await first.getByTestId('occurrence-label').textContent()).toBe(`Quý I/${YEAR}`);

    await first.getByTestId('occurrence-done').click();
    const form = page.getByTestId('occurrence-complete-form');
    expect(await form.getByTestId('occurrence-completed-on').inputValue()).toBe(vi(TODAY));
    await form.getByTestId('occurrence-done-confirm').click();
    await expect.poll(() => first.getAttribute('data-status')).toBe('done');
    // Done today against a due date of 05/03: early, on time or late depending on today.
    const expected = TODAY < `${YEAR}-03-05` ? 'early' : TODAY === `${YEAR}-03-05` ? 'on_time' : 'late';
    expect(await first.getByTestId('timeliness-badge').getAttribute('data-timeliness')).toBe(expected);
    await expect
      .poll(() => page.getByTestId('history-section').textContent())
      .toContain(`Kỳ “Quý I/${YEAR}”: Chưa hoàn thành → Hoàn thành`);
  }, 60_000);

  it('nhiệm vụ "Khi có thay đổi": ghi nhận phát sinh; nhiệm vụ đã sửa cách hiểu có hạn đã chọn', async () => {
    await page.goto(planUrl);
    await page.locator('[data-testid="task-row"][data-task-code="2.2"]').getByRole('link').first().click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await page.getByTestId('event-form').waitFor();
    expect(await page.getByTestId('event-date').inputValue()).toBe(vi(TODAY));
    await page.getByTestId('event-note').fill('Quyết định sửa đổi quy trình');
    await page.getByTestId('event-submit').click();
    const row = page.getByTestId('occurrence-row').filter({ hasText: `Phát sinh ngày ${vi(TODAY)}` });
    await row.waitFor();
    expect(await row.getByTestId('due-state-badge').getAttribute('data-state')).toBe('due_soon');

    await page.goto(planUrl);
    await page.locator('[data-testid="task-row"][data-task-code="2.4"]').getByRole('link').first().click();
    await page.waitForURL(/\/tasks\/\d+$/);
    const occ = page.getByTestId('occurrence-row');
    await expect.poll(() => occ.count()).toBe(1);
    expect(await occ.first().textContent()).toContain(`Hạn: ${vi(CORRECTED)}`);
  }, 60_000);

  it('tổng quan: thẻ "Hạn sắp tới" có nhiệm vụ sắp đến hạn', async () => {
    await nav(page, 'Tổng quan').click();
    const card = page.getByTestId('deadlines-card');
    await card.getByTestId('deadline-list').waitFor();
    // Overdue items come first: the due-soon ones may be behind "Xem tất cả".
    const all = card.getByRole('button', { name: /^Xem tất cả/ });
    if ((await all.count()) > 0) await all.click();
    await expect
      .poll(() => card.getByTestId('deadline-item').filter({ hasText: '2.3.' }).getAttribute('data-state'))
      .toBe('due_soon');
  }, 60_000);

  it('lịch cá nhân (.ics): tạo liên kết, đọc được VEVENT, thu hồi thì hết hiệu lực', async () => {
    await nav(page, 'Lịch').click();
    await page.getByTestId('feed-create').click();
    const input = page.getByTestId('feed-url');
    await input.waitFor();
    const url = await input.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/ics\/[\w-]{20,}$/);
    expect(await page.getByTestId('feed-new').textContent()).toContain('thay thế mọi liên kết trước đó');

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('[2.3]');

    await page.getByTestId('feed-revoke').click();
    await page.getByTestId('feed-revoke-confirm').click();
    await expect.poll(() => page.getByTestId('feed-status').textContent()).toContain('chưa có liên kết');
    expect((await fetch(url)).status).toBe(404);
  }, 60_000);

  it('ảnh chụp lịch trên điện thoại (390 px)', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/lich?thang=${SOON.slice(0, 7)}`);
    const list = page.getByTestId('calendar-day-list');
    await list.waitFor();
    await list.locator(`[data-testid="calendar-day"][data-date="${SOON}"]`).waitFor();
    await screenshot(page, 'calendar-390.png');
    expect(e.pageErrors).toEqual([]);
  }, 60_000);
});
