/**
 * `cchc backup FILE` and `cchc restore FILE` (ADR 008): a consistent snapshot of every table and
 * stored file into one portable file, restored into an empty database of either dialect — so a
 * unit that started on the embedded SQLite moves to PostgreSQL with one command.
 */
import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../modules/backup/service.js';
import type { WithDb } from './dossiers.js';

export function registerBackupCommands(program: Command, withDb: WithDb): void {
  program
    .command('backup')
    .description('Sao lưu toàn bộ dữ liệu (cả tệp đính kèm) vào một tệp')
    .argument('<tep>', 'tệp sao lưu (.cchc.gz)')
    .action(async (file: string) => {
      const counts = await withDb((db) => backupDatabase(db, file));
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`Đã sao lưu ${Object.keys(counts).length} bảng, ${rows} dòng vào ${file}.`);
    });
  program
    .command('restore')
    .description(
      'Khôi phục một bản sao lưu vào cơ sở dữ liệu trống (SQLite hoặc PostgreSQL, theo DATABASE_URL)',
    )
    .argument('<tep>', 'tệp sao lưu')
    .action(async (file: string) => {
      const counts = await withDb((db) => restoreDatabase(db, file));
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`Đã khôi phục ${Object.keys(counts).length} bảng, ${rows} dòng từ ${file}.`);
    });
}
