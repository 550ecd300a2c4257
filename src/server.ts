import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_PASSWORD, demoLoginActive, seedDemo } from './demo/seed.js';
import { webDistDir } from './lib/paths.js';
import { startReminderSchedule } from './modules/reminders/scheduler.js';
import { startExchangeSchedule } from './modules/exchange/scheduler.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config.database);
  const applied = await migrateToLatest(db);
  const { app, services } = await buildApp({ config, db, webDir: webDistDir() });
  if (applied.length > 0) app.log.info({ applied }, 'database migrated');
  if (config.demo && (await seedDemo(db, services))) app.log.info('demo data seeded');
  await app.listen({ port: config.port, host: config.host });
  const stopReminders = startReminderSchedule(
    () => services.reminders.sweep(),
    config.reminderIntervalMinutes,
    app.log,
  );
  const stopExchange = startExchangeSchedule(
    () => services.exchange.sweep(),
    config.exchangeIntervalSeconds,
    app.log,
  );
  const where = config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const lines = [``, `cchc đang chạy tại http://localhost:${config.port} (${where})`];
  if (config.demo && (await demoLoginActive(db)))
    lines.push(
      `Đăng nhập thử: tên đăng nhập "quantri", mật khẩu "${DEMO_PASSWORD}" (quản trị Trường Tiểu học Hòa Bình)`,
      `  hoặc "phuong" / "${DEMO_PASSWORD}" (đơn vị cấp trên: UBND phường Hòa Bình)`,
    );
  console.log(lines.join('\n') + '\n');
  const stop = async () => {
    stopReminders();
    stopExchange();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
