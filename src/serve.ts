import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import type { AppConfig } from './config.js';
import { ConfigError } from './config.js';
import { openDatabase } from './db/database.js';
import type { Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_PASSWORD, demoAccountsWithDemoPassword, demoLoginActive, seedDemo } from './demo/seed.js';
import { webDistDir } from './lib/paths.js';
import { startExchangeSchedule } from './modules/exchange/scheduler.js';
import { startReminderSchedule } from './modules/reminders/scheduler.js';
import { buildServices } from './services.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * Safe by default (issue 11, item 9): demo accounts whose password is printed in the README must
 * not be reachable from the network. Without HOST the demo listens on 127.0.0.1 (config.ts); with
 * HOST on another interface the server refuses to start while a demo account keeps that password.
 */
export async function assertSafeToListen(config: AppConfig, db: Db): Promise<void> {
  if (!config.demo || LOOPBACK.test(config.host)) return;
  const open = await demoAccountsWithDemoPassword(db);
  if (open.length === 0) return;
  throw new ConfigError(
    [
      `Không khởi động: HOST=${config.host} mở máy chủ ra mạng trong khi các tài khoản thử (${open.join(', ')}) vẫn dùng mật khẩu thử công khai trong README.`,
      'Hãy làm một trong các cách sau:',
      '  - khởi động không đặt HOST (chỉ nghe trên 127.0.0.1), đăng nhập từ chính máy này, đổi mật khẩu hoặc khoá các tài khoản này ở mục Người dùng, rồi khởi động lại với HOST;',
      '  - chạy với CCHC_DEMO=0 trên một cơ sở dữ liệu không có dữ liệu thử;',
      '  - hoặc bỏ HOST khi chỉ dùng thử trên máy này.',
    ].join('\n'),
  );
}

/** Opens the configured database with the configured SQLite busy timeout. */
export function openConfigured(config: AppConfig): Db {
  return openDatabase(config.database, { busyTimeoutMs: config.sqliteBusyTimeoutMs });
}

/**
 * Runs the server: one process, or with `workers` > 1 (PostgreSQL only) a primary that migrates
 * and seeds once, then forks that many workers sharing the port (node:cluster). Every worker is
 * stateless (ADR 008): sessions, counters, secrets, rate limits and progress are in the database.
 */
export async function serve(config: AppConfig): Promise<void> {
  if (config.workers > 1 && config.database.dialect === 'sqlite')
    throw new ConfigError(
      `Không thể chạy ${config.workers} tiến trình trên SQLite: SQLite chỉ phục vụ một tiến trình máy chủ. Hãy chuyển sang PostgreSQL (xem README, mục "Chuyển sang PostgreSQL").`,
    );
  if (config.workers > 1 && cluster.isPrimary) return primary(config);
  return worker(config, cluster.isWorker ? (cluster.worker?.id ?? 1) : 1);
}

async function primary(config: AppConfig): Promise<void> {
  const db = openConfigured(config);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) console.log(`Đã cập nhật cơ sở dữ liệu: ${applied.join(', ')}`);
  if (config.demo) await seedDemo(db, buildServices(db, config));
  try {
    await assertSafeToListen(config, db);
  } finally {
    await db.close();
  }
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    console.error(`Tiến trình ${w.id} dừng (${signal ?? code}); khởi động tiến trình thay thế.`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function worker(config: AppConfig, id: number): Promise<void> {
  const db = openConfigured(config);
  const single = !cluster.isWorker;
  const applied = single ? await migrateToLatest(db) : [];
  const { app, services } = await buildApp({ config, db, webDir: webDistDir() });
  if (applied.length > 0) app.log.info({ applied }, 'database migrated');
  if (single && config.demo && (await seedDemo(db, services))) app.log.info('demo data seeded');
  if (single) await assertSafeToListen(config, db);
  await app.listen({ port: config.port, host: config.host });
  // Every process sweeps: the sweeps claim their rows (unique keys, leases, SKIP LOCKED), so several
  // sweepers never send twice, and a replaced worker keeps sweeping.
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
  if (id === 1) {
    const port = (app.server.address() as AddressInfo | null)?.port ?? config.port;
    const where = config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
    const procs = config.workers > 1 ? `, ${config.workers} tiến trình` : '';
    const lines = [``, `cchc đang chạy tại http://localhost:${port} (${where}${procs})`];
    if (config.demo && (await demoLoginActive(db)))
      lines.push(
        `Đăng nhập thử: tên đăng nhập "quantri", mật khẩu "${DEMO_PASSWORD}" (quản trị Trường Tiểu học Hòa Bình)`,
        `  hoặc "phuong" / "${DEMO_PASSWORD}" (đơn vị cấp trên: UBND phường Hòa Bình)`,
      );
    console.log(lines.join('\n') + '\n');
  }
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
