import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { startReminderSchedule } from './scheduler.js';
import type { SweepResult } from './sweep.js';

describe('reminder configuration', () => {
  it('reads the SMTP server, sender, interval and app address', () => {
    const c = loadConfig({
      NODE_ENV: 'test',
      CCHC_SMTP_URL: 'smtp://u:p@mail.donvi.gov.vn:587',
      CCHC_MAIL_FROM: 'CCHC <cchc@donvi.gov.vn>',
      CCHC_REMINDER_INTERVAL_MINUTES: '15',
      CCHC_APP_URL: 'https://cchc.donvi.gov.vn/',
    });
    expect(c).toMatchObject({
      smtpUrl: 'smtp://u:p@mail.donvi.gov.vn:587',
      mailFrom: 'CCHC <cchc@donvi.gov.vn>',
      reminderIntervalMinutes: 15,
      appUrl: 'https://cchc.donvi.gov.vn',
    });
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({
      smtpUrl: null,
      reminderIntervalMinutes: 60,
      appUrl: null,
    });
    expect(loadConfig({ NODE_ENV: 'test', CCHC_SMTP_URL: '' }).smtpUrl).toBeNull();
  });

  it('stops with a message naming a wrong setting', () => {
    expect(() => loadConfig({ CCHC_SMTP_URL: 'mail.donvi.gov.vn' })).toThrow(ConfigError);
    expect(() => loadConfig({ CCHC_SMTP_URL: 'mail.donvi.gov.vn' })).toThrow(
      /CCHC_SMTP_URL: phải có dạng smtp:\/\//,
    );
    expect(() => loadConfig({ CCHC_MAIL_FROM: 'không phải thư' })).toThrow(/CCHC_MAIL_FROM/);
    expect(() => loadConfig({ CCHC_REMINDER_INTERVAL_MINUTES: '-5' })).toThrow(
      /CCHC_REMINDER_INTERVAL_MINUTES/,
    );
    expect(() => loadConfig({ CCHC_APP_URL: 'ftp://x' })).toThrow(/CCHC_APP_URL/);
  });
});

describe('startReminderSchedule', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const result: SweepResult = {
    proposed: 0,
    created: 0,
    notifications: 0,
    skipped: 0,
    emailsSent: 0,
    emailsFailed: 0,
    sourceErrors: [],
  };
  const log = { info: () => undefined, error: () => undefined };

  it('sweeps shortly after start and then every N minutes, never two at once; 0 turns it off', async () => {
    vi.useFakeTimers();
    let calls = 0;
    let release: () => void = () => undefined;
    const sweep = () => {
      calls++;
      return new Promise<SweepResult>((resolve) => {
        release = () => resolve(result);
      });
    };
    const stop = startReminderSchedule(sweep, 5, log, 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    // Still running when the next is due: not doubled.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toBe(2);
    release();
    stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(calls).toBe(2);

    let off = 0;
    startReminderSchedule(() => Promise.resolve((off++, result)), 0, log, 0)();
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(off).toBe(0);
  });
});
