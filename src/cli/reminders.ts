/**
 * `cchc reminders sweep [--json]`: one reminder sweep (what the server does every
 * CCHC_REMINDER_INTERVAL_MINUTES), for cron when the server's own schedule is off. Safe to run
 * while servers sweep too: each reminder is made and mailed once (src/modules/reminders/sweep.ts).
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { buildServices } from '../services.js';
import type { WithDb } from './dossiers.js';

export function registerReminderCommands(program: Command, withDb: WithDb): void {
  const reminders = program.command('reminders').description('Nhắc việc qua e-mail và trong ứng dụng');
  reminders
    .command('sweep')
    .description('Quét một lần: tạo các nhắc việc đến hạn và gửi e-mail đang chờ')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { json?: boolean }) => {
      await withDb(async (db) => {
        const services = buildServices(db, loadConfig());
        const r = await services.reminders.sweep();
        if (o.json) console.log(JSON.stringify(r));
        else {
          console.log(
            `Đã tạo ${r.created} nhắc việc (${r.notifications} thông báo trong ứng dụng); bỏ qua ${r.skipped} theo lựa chọn của người nhận.`,
          );
          console.log(`E-mail: đã gửi ${r.emailsSent}, lỗi ${r.emailsFailed}.`);
          for (const e of r.sourceErrors) console.error(`Nguồn "${e.source}" lỗi: ${e.message}`);
        }
        if (r.sourceErrors.length > 0 || r.emailsFailed > 0) process.exitCode = 1;
      });
    });
}
