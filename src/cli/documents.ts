/**
 * `cchc documents import FILE --unit CODE [--direction outgoing|incoming] [--dry-run] [--json]`:
 * the document register import (src/modules/documents/import.ts) from the terminal, with a
 * progress bar while saving and the row-by-row report. Exit code 1 when any row fails (nothing is
 * saved then).
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Option } from 'commander';
import type { Command } from 'commander';
import { isAppError } from '../errors.js';
import { systemClock } from '../lib/clock.js';
import { SYSTEM_ACTOR } from '../modules/auth/roles.js';
import { documentImportService } from '../modules/documents/import.js';
import type { DocumentImportReport } from '../modules/documents/import-schema.js';
import { DOCUMENT_FIELD_LABELS } from '../modules/documents/import-schema.js';
import { findUnitByCode } from '../modules/units/repository.js';
import type { WithDb } from './dossiers.js';

/** A local file is not an upload: up to 1 GB whatever CCHC_UPLOAD_MAX_MB says. */
const CLI_MAX_BYTES = 1024 * 1024 * 1024;
const SHOWN_ERRORS = 100;

function reportLines(r: DocumentImportReport): string[] {
  const c = r.counts;
  return [
    `Tệp ${r.fileKind.toUpperCase()}, dòng tiêu đề: ${r.headerRow}.`,
    'Ghép cột:',
    ...r.columns.map(
      (col) =>
        `  [${col.index}] ${col.header || '(trống)'} → ${col.field ? `${col.field} (${DOCUMENT_FIELD_LABELS[col.field]})` : '—'}`,
    ),
    `Dòng văn bản: ${c.rows} (hợp lệ ${c.valid}, lỗi ${c.invalid}; bỏ qua ${c.skipped} dòng không phải văn bản).`,
    `Văn bản đi: ${c.outgoing}; văn bản đến: ${c.incoming}; văn bản mật: ${c.confidential}.`,
    `Số đến sẽ cấp khi lưu: ${c.numbersToAllocate}; dòng lấy mặc định hình thức/phương thức (điện tử, liên thông): ${c.defaulted}.`,
  ];
}

function errorLines(r: { errors: { row: number; message: string }[] }): string[] {
  const lines = r.errors.slice(0, SHOWN_ERRORS).map((e) => `  dòng ${e.row}: ${e.message}`);
  if (r.errors.length > SHOWN_ERRORS) lines.push(`  … và ${r.errors.length - SHOWN_ERRORS} lỗi khác.`);
  return lines;
}

export function registerDocumentCommands(program: Command, withDb: WithDb): void {
  const documents =
    program.commands.find((c) => c.name() === 'documents') ??
    program.command('documents').description('Sổ văn bản đi, đến');
  documents
    .command('import')
    .description(
      'Nhập sổ văn bản xuất từ phần mềm quản lý văn bản (.xlsx hoặc .csv); tất cả hoặc không gì cả',
    )
    .argument('<tep>', 'đường dẫn tệp .xlsx hoặc .csv')
    .requiredOption('--unit <ma>', 'mã đơn vị')
    .addOption(
      new Option(
        '--direction <so>',
        'sổ khi tệp không có cột đi/đến: outgoing (đi) hoặc incoming (đến)',
      ).choices(['outgoing', 'incoming']),
    )
    .option('--dry-run', 'chỉ đọc thử và kiểm tra, không lưu')
    .option('--json', 'in kết quả dạng JSON')
    .action(
      async (
        file: string,
        o: { unit: string; direction?: 'outgoing' | 'incoming'; dryRun?: boolean; json?: boolean },
      ) => {
        const src = { bytes: new Uint8Array(fs.readFileSync(file)), filename: path.basename(file) };
        await withDb(async (db) => {
          const unit = await findUnitByCode(db.kysely, o.unit.toUpperCase());
          if (!unit) throw new Error(`Không có đơn vị mã ${o.unit}.`);
          const service = documentImportService({
            db: db.kysely,
            clock: systemClock,
            uploadMaxBytes: CLI_MAX_BYTES,
          });
          const bar = new cliProgress.SingleBar(
            { format: 'Đang lưu |{bar}| {percentage}% | {value}/{total} văn bản', hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          let started = false;
          try {
            const report = await service.run(SYSTEM_ACTOR, unit.id, src, {
              dryRun: o.dryRun,
              direction: o.direction,
              onProgress: o.json
                ? undefined
                : (done, total) => {
                    if (!started) bar.start(total, 0);
                    started = true;
                    bar.update(done);
                  },
            });
            if (started) bar.stop();
            if (o.json) {
              console.log(JSON.stringify(report, null, 2));
              return;
            }
            console.log(reportLines(report).join('\n'));
            console.log(
              report.dryRun
                ? 'Chạy thử (--dry-run): chưa lưu gì.'
                : `Đã nhập ${report.imported} văn bản vào sổ của ${unit.name}.`,
            );
          } catch (e) {
            if (started) bar.stop();
            const report = isAppError(e) ? (e.details as DocumentImportReport | undefined) : undefined;
            if (report && Array.isArray(report.errors)) {
              if (o.json) console.log(JSON.stringify(report, null, 2));
              else
                console.log(
                  [...reportLines(report), `Lỗi (${report.errors.length}):`, ...errorLines(report)].join(
                    '\n',
                  ),
                );
            }
            throw e;
          }
        });
      },
    );
}
