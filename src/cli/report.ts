/**
 * `cchc report generate --unit CODE --period 2026-Q1 --out FILE.docx [--xlsx FILE.xlsx]`: the
 * periodic report of a unit from the terminal. Periods: YEAR-Q1 (quý I), YEAR-H1 (6 tháng),
 * YEAR-Q3 (quý III), YEAR-Y (năm) — the four reports of the reporting schedule; there is no
 * quarter II or IV report. A submitted report is written as submitted (frozen); otherwise it is
 * generated from today's data and the saved draft.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { SYSTEM_ACTOR } from '../modules/auth/roles.js';
import { findUnitByCode } from '../modules/units/repository.js';
import { buildServices } from '../services.js';
import type { WithDb } from './dossiers.js';

export function registerReportCommands(program: Command, withDb: WithDb): void {
  const report = program.command('report').description('Báo cáo định kỳ công tác CCHC');
  report
    .command('generate')
    .description('Lập báo cáo (.docx theo Nghị định 30/2020) của một đơn vị cho một kỳ')
    .requiredOption('--unit <ma>', 'mã đơn vị')
    .requiredOption(
      '--period <ky>',
      'kỳ báo cáo: NĂM-Q1, NĂM-H1 (6 tháng), NĂM-Q3 hoặc NĂM-Y (năm), ví dụ 2026-Q1',
    )
    .requiredOption('--out <tep>', 'tệp .docx ghi ra')
    .option('--xlsx <tep>', 'ghi thêm phụ lục, số liệu ra tệp .xlsx')
    .action(async (o: { unit: string; period: string; out: string; xlsx?: string }) => {
      await withDb(async (db) => {
        const services = buildServices(db, loadConfig());
        const unit = await findUnitByCode(db.kysely, o.unit.toUpperCase());
        if (!unit) throw new Error(`Không có đơn vị mã ${o.unit}.`);
        const docx = await services.reports.file(SYSTEM_ACTOR, unit.id, o.period, 'docx');
        fs.writeFileSync(o.out, docx.bytes);
        console.log(
          `Đã ghi ${o.out} (${docx.frozen ? 'bản đã gửi cấp trên' : 'lập từ số liệu hiện tại'}, ${docx.bytes.length} byte).`,
        );
        if (o.xlsx) {
          const xlsx = await services.reports.file(SYSTEM_ACTOR, unit.id, o.period, 'xlsx');
          fs.writeFileSync(o.xlsx, xlsx.bytes);
          console.log(`Đã ghi ${o.xlsx}.`);
        }
      });
    });
}
