/**
 * `cchc figures verify [--unit CODE] [--repair] [--json]`: recounts every stored counter from the
 * rows (ADR 008), prints each difference, repairs on request; exit code 2 when it found drift (even
 * when repaired, so that a cron job notices).
 */
import type { Command } from 'commander';
import type { Db } from '../db/database.js';
import { verifyFigures } from '../modules/figures/service.js';
import type { WithDb } from './dossiers.js';

export function registerFigureCommands(program: Command, withDb: WithDb): void {
  const figures = program.command('figures').description('Số liệu tổng hợp');
  figures
    .command('verify')
    .description(
      'Đếm lại mọi bộ đếm (số liệu hồ sơ theo ngày/tháng, số thứ tự mã hồ sơ, sổ, PAKN) từ dữ liệu gốc',
    )
    .option('--unit <ma>', 'chỉ kiểm tra một đơn vị')
    .option('--repair', 'sửa các bộ đếm sai theo dữ liệu gốc')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { unit?: string; repair?: boolean; json?: boolean }) => {
      const report = await withDb((db: Db) => verifyFigures(db, { unitCode: o.unit, repair: o.repair }));
      if (o.json) console.log(JSON.stringify(report, null, 2));
      else {
        for (const d of report.differences)
          console.log(
            `${d.table} ${d.unitCode ?? d.unitId ?? ''} ${d.key} ${d.column}: lưu ${d.stored}, đếm lại ${d.expected}`,
          );
        console.log(
          report.differences.length === 0
            ? `Đã kiểm tra ${report.checkedUnits} đơn vị: không có sai lệch.`
            : `Đã kiểm tra ${report.checkedUnits} đơn vị: ${report.differences.length} sai lệch${report.repaired ? ' (đã sửa)' : '; chạy lại với --repair để sửa'}.`,
        );
      }
      if (report.differences.length > 0) process.exitCode = 2;
    });
}
