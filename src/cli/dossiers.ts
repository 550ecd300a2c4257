/**
 * `cchc dossiers import FILE --unit CODE [--dry-run] [--mapping JSON] [--json]` and
 * `cchc procedures import FILE --unit CODE [--dry-run] [--json]`: the imports of
 * src/modules/dossier-import from the terminal, with a progress bar while saving and the
 * row-by-row report. Exit code 1 when any row fails (nothing is saved then).
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { isAppError } from '../errors.js';
import { systemClock } from '../lib/clock.js';
import { SYSTEM_ACTOR } from '../modules/auth/roles.js';
import { calendarService } from '../modules/calendar/service.js';
import { ColumnMapping, ImportId, REGISTER_FIELD_LABELS } from '../modules/dossier-import/schema.js';
import type { RegisterField, RegisterPreview, RowError } from '../modules/dossier-import/schema.js';
import { dossierImportService } from '../modules/dossier-import/service.js';
import { findUnitByCode } from '../modules/units/repository.js';

export type WithDb = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;

/** A local file is not an upload: the CLI reads files up to 1 GB whatever CCHC_UPLOAD_MAX_MB says. */
const CLI_MAX_BYTES = 1024 * 1024 * 1024;
const SHOWN_ERRORS = 100;

const LABELS: Record<string, string> = {
  created: 'thêm mới',
  updated: 'cập nhật',
  unchanged: 'không đổi',
  full: 'toàn trình',
  partial: 'một phần',
  none: 'không',
};

function errorLines(errors: RowError[]): string[] {
  const lines = errors.slice(0, SHOWN_ERRORS).map((e) => `  dòng ${e.row}: ${e.message}`);
  if (errors.length > SHOWN_ERRORS) lines.push(`  … và ${errors.length - SHOWN_ERRORS} lỗi khác.`);
  return lines;
}

function previewLines(p: RegisterPreview): string[] {
  const c = p.counts;
  const lines = [
    `Tệp ${p.fileKind.toUpperCase()}, dòng tiêu đề: ${p.headerRow}.`,
    'Ghép cột:',
    ...p.columns.map(
      (col) =>
        `  [${col.index}] ${col.header || '(trống)'} → ${col.field ? `${col.field} (${REGISTER_FIELD_LABELS[col.field]})` : '—'}`,
    ),
    `Dòng hồ sơ: ${c.rows} (hợp lệ ${c.valid}, lỗi ${c.invalid}; bỏ qua ${c.skipped} dòng không phải hồ sơ).`,
    `Mã hồ sơ tự sinh: ${c.generatedCodes}; ngày hẹn trả tự tính: ${c.computedAppointments}.`,
    `Đang giải quyết: ${c.open}; đã kết thúc: ${c.ended}; trễ hạn: ${c.late}.`,
  ];
  const unmapped = (Object.keys(REGISTER_FIELD_LABELS) as RegisterField[]).filter(
    (f) => p.mapping[f] === undefined,
  );
  if (unmapped.length > 0)
    lines.push(`Không có cột cho: ${unmapped.map((f) => REGISTER_FIELD_LABELS[f]).join(', ')}.`);
  return lines;
}

function parseMapping(raw: string | undefined): ColumnMapping | undefined {
  if (raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(
      '--mapping phải là JSON, ví dụ \'{"applicantName": 3, "receivedAt": 7}\' (cột đếm từ 0).',
    );
  }
  const parsed = ColumnMapping.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `--mapping không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** The row report an AppError carries (`details.errors`, or the procedure report's `errors`). */
function rowErrorsOf(e: unknown): RowError[] | null {
  if (!isAppError(e) || typeof e.details !== 'object' || e.details === null) return null;
  const errors = (e.details as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as RowError[]) : null;
}

export function registerDossierCommands(program: Command, withDb: WithDb): void {
  const open = async (db: Db, unitCode: string) => {
    const config = loadConfig();
    const calendar = calendarService({ db: db.kysely, clock: systemClock });
    const service = dossierImportService({
      db: db.kysely,
      clock: systemClock,
      calendar,
      uploadMaxBytes: Math.max(config.uploadMaxBytes, CLI_MAX_BYTES),
      // As the server does: each batch's progress in `import_progress`, for `--progress-id`.
      shareProgress: db.dialect === 'postgres',
    });
    const unit = await findUnitByCode(db.kysely, unitCode.toUpperCase());
    if (!unit) throw new Error(`Không có đơn vị mã ${unitCode}.`);
    return { service, unit };
  };
  const readFile = (file: string) => ({
    bytes: new Uint8Array(fs.readFileSync(file)),
    filename: path.basename(file),
  });

  const dossiers =
    program.commands.find((c) => c.name() === 'dossiers') ??
    program.command('dossiers').description('Hồ sơ thủ tục hành chính (một cửa)');
  dossiers
    .command('import')
    .description(
      'Nhập sổ theo dõi hồ sơ xuất từ phần mềm một cửa khác (.xlsx hoặc .csv); tất cả hoặc không gì cả',
    )
    .argument('<tep>', 'đường dẫn tệp .xlsx hoặc .csv')
    .requiredOption('--unit <ma>', 'mã đơn vị')
    .option('--dry-run', 'chỉ đọc thử và kiểm tra, không lưu')
    .option('--mapping <json>', 'ghép cột thủ công: {"truong": số thứ tự cột đếm từ 0}, null để bỏ một cột')
    .option('--json', 'in kết quả dạng JSON')
    .option(
      '--progress-id <ma>',
      'mã theo dõi tiến độ (24–64 ký tự A–Z, a–z, 0–9, _ -): máy chủ trả lời tiến độ lưu theo mã này (PostgreSQL)',
    )
    .action(
      async (
        file: string,
        o: { unit: string; dryRun?: boolean; mapping?: string; json?: boolean; progressId?: string },
      ) => {
        const mapping = parseMapping(o.mapping);
        if (o.progressId !== undefined && !ImportId.safeParse(o.progressId).success)
          throw new Error('--progress-id phải gồm 24–64 ký tự A–Z, a–z, 0–9, gạch dưới hoặc gạch ngang.');
        const src = readFile(file);
        await withDb(async (db) => {
          const { service, unit } = await open(db, o.unit);
          const preview = await service.preview(SYSTEM_ACTOR, unit.id, src, mapping);
          if (!o.json) console.log(previewLines(preview).join('\n'));
          if (preview.errors.length > 0) {
            if (o.json) console.log(JSON.stringify({ preview, imported: 0 }, null, 2));
            else console.log([`Lỗi (${preview.errors.length}):`, ...errorLines(preview.errors)].join('\n'));
            const rows = preview.counts.invalid;
            throw new Error(
              rows > 0
                ? `Tệp có ${rows} dòng lỗi: chưa lưu hồ sơ nào.`
                : 'Tệp không nhập được: chưa lưu hồ sơ nào.',
            );
          }
          if (o.dryRun) {
            if (o.json) console.log(JSON.stringify({ preview, imported: 0 }, null, 2));
            else console.log('Chạy thử (--dry-run): chưa lưu gì.');
            return;
          }
          const bar = new cliProgress.SingleBar(
            { format: 'Đang lưu |{bar}| {percentage}% | {value}/{total} hồ sơ', hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(preview.counts.valid, 0);
          try {
            const saved = await service.commit(SYSTEM_ACTOR, unit.id, src, {
              mapping,
              importId: o.progressId,
              onProgress: (done) => bar.update(done),
            });
            bar.stop();
            if (o.json) console.log(JSON.stringify({ preview, imported: saved.imported }, null, 2));
            else console.log(`Đã nhập ${saved.imported} hồ sơ vào sổ của ${unit.name}.`);
          } catch (e) {
            bar.stop();
            const errors = rowErrorsOf(e);
            if (errors) console.log([`Lỗi (${errors.length}):`, ...errorLines(errors)].join('\n'));
            throw e;
          }
        });
      },
    );

  const procedures =
    program.commands.find((c) => c.name() === 'procedures') ??
    program.command('procedures').description('Danh mục thủ tục hành chính của đơn vị');
  procedures
    .command('import')
    .description(
      'Nhập danh mục thủ tục từ tệp .xlsx hoặc .csv (cập nhật theo mã thủ tục); tất cả hoặc không gì cả',
    )
    .argument('<tep>', 'đường dẫn tệp .xlsx hoặc .csv')
    .requiredOption('--unit <ma>', 'mã đơn vị')
    .option('--dry-run', 'chỉ đọc thử và kiểm tra, không lưu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, o: { unit: string; dryRun?: boolean; json?: boolean }) => {
      const src = readFile(file);
      await withDb(async (db) => {
        const { service, unit } = await open(db, o.unit);
        try {
          const report = await service.importProcedures(SYSTEM_ACTOR, unit.id, src, { dryRun: o.dryRun });
          if (o.json) {
            console.log(JSON.stringify(report, null, 2));
            return;
          }
          for (const r of report.rows)
            console.log(
              `  dòng ${r.row}: ${r.code} — ${r.name.slice(0, 60)} · ${r.limitText} · ${r.feeBearing ? 'có phí' : 'không phí'} · trực tuyến ${LABELS[r.onlineLevel]} · ${LABELS[r.action]}`,
            );
          console.log(
            `${report.dryRun ? 'Chạy thử (--dry-run), chưa lưu gì' : 'Đã lưu danh mục'}: ${report.created} thêm mới, ${report.updated} cập nhật, ${report.unchanged} không đổi.`,
          );
        } catch (e) {
          const errors = rowErrorsOf(e);
          if (errors)
            console.log(
              o.json
                ? JSON.stringify({ errors }, null, 2)
                : [`Lỗi (${errors.length}):`, ...errorLines(errors)].join('\n'),
            );
          throw e;
        }
      });
    });
}
