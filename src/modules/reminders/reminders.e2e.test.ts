/**
 * Browser test of reminders against a real server on a fresh SQLite database: a sweep makes an
 * overdue-task reminder; the header's bell shows it unread, opening it goes to the task and
 * clears the count; the notifications page lists it and saves the user's choices; an
 * administrator reads the outbox.
 *
 * The server's clock is real: the occurrence is due two days ago, overdue whatever the day.
 * Needs Debian's Chromium; without it the suite is skipped loudly (fails under CCHC_REQUIRE_ALL=1).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, createUser, login } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
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
  vnDate,
} from '../../../tests/e2e/harness.js';
import { planWithOccurrences } from './test-support.js';

const missing = missingPrerequisites([], { vi: 'nhắc việc', en: 'reminders' });
const UNIT_NAME = 'Trường Tiểu học Nhắc Việc';

describe.skipIf(skipped(missing))('web: nhắc việc trên trình duyệt', () => {
  if (failIfMissing(missing, 'cần Chromium (CCHC_REQUIRE_ALL=1)')) return;

  const e = newE2e();
  let t: TestApp;
  let page: Page;
  let taskId = 0;
  let cookie = '';
  let username = '';

  beforeAll(async () => {
    t = await startApp(e, 'cchc-e2e-reminders-');
    const unit = await createUnit(t, { name: UNIT_NAME });
    const user = await createUser(t, unit.id, ['admin', 'officer'], 'canbo.nhacviec');
    cookie = await login(t, user.username);
    const due = vnDate(-2);
    const [task] = await planWithOccurrences(
      t.db.kysely,
      unit.id,
      [{ due, assignees: [user.id], title: 'Cập nhật chuyên mục CCHC' }],
      Number(due.slice(0, 4)),
    );
    taskId = task!.taskId;
    // The plan is active, so its periodic reports come due as well: this user has turned those
    // reminders off, and the bell holds only the task's.
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: { cookie },
      payload: { items: [{ kind: 'report_due', email: false, inApp: false }] },
    });
    expect(off.statusCode).toBe(200);
    const r = await t.services.reminders.sweep();
    expect(r.created).toBe(1);
    await listen(e);
    page = await openBrowser(e);
    username = user.username;
  });
  afterAll(() => stop(e));

  it('shows the unread reminder in the bell and opens its task', async () => {
    await loginThroughPage(page, e.base, username, UNIT_NAME);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Thông báo: 1 chưa đọc');
    await bell.click();
    const item = page.getByRole('button', { name: /Quá hạn: 1\.1\. Cập nhật chuyên mục CCHC/ });
    await item.waitFor();
    await screenshot(page, 'reminders-bell.png');
    await item.click();
    await page.waitForURL(new RegExp(`/tasks/${taskId}$`));
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Thông báo');
  });

  it('lists notifications and saves the choice of channels', async () => {
    await page.goto(`${e.base}/thong-bao`);
    await page
      .getByTestId('notification-list')
      .getByRole('link', { name: /Quá hạn: 1\.1\. Cập nhật chuyên mục CCHC/ })
      .waitFor();
    await page.getByRole('tab', { name: 'Chọn loại nhắc việc' }).click();
    const overdueEmail = page.getByRole('switch', { name: 'Nhiệm vụ quá hạn: e-mail' });
    await expect.poll(() => overdueEmail.isChecked()).toBe(true);
    await overdueEmail.click({ force: true });
    await page.getByTestId('save-preferences').click();
    await page.getByText('Đã lưu lựa chọn nhận nhắc việc.').waitFor();
    const saved = await t.app.inject({
      method: 'GET',
      url: '/api/notifications/preferences',
      headers: { cookie },
    });
    expect(
      saved
        .json<{ items: { kind: string; email: boolean; inApp: boolean }[] }>()
        .items.find((i) => i.kind === 'task_overdue'),
    ).toMatchObject({ email: false, inApp: true });
  });

  it("shows the administrator the unit's outbox", async () => {
    await nav(page, 'Hộp thư đi').click();
    const table = page.getByTestId('outbox');
    await table.getByText('Quá hạn: 1.1. Cập nhật chuyên mục CCHC', { exact: false }).waitFor();
    expect(await table.getByText('Không gửi (người nhận chưa có e-mail)').count()).toBe(1);
    await screenshot(page, 'reminders-outbox.png');
    expect(e.pageErrors).toEqual([]);
  });
});
