/**
 * `cchc par import-criteria FILE --name "…" --year 2026 [--unit CODE] [--unit-kind KIND]
 * [--source "…"] [--dry-run] [--json]`: imports a PAR Index criteria set from a province's .xlsx
 * (all or nothing), printing the fields, criteria, leaves and the total maximum; with row errors
 * it prints them and exits with code 1, saving nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { treeTotals } from '../core/par/index.js';
import { systemClock } from '../lib/clock.js';
import { SYSTEM_ACTOR } from '../modules/auth/roles.js';
import { parService, readCriteriaSheet } from '../modules/par/service.js';
import { UNIT_KIND_KEYS } from '../modules/units/kinds.js';
import { findFirstRootUnit, findUnitByCode } from '../modules/units/repository.js';
import type { WithDb } from './dossiers.js';

export function registerParCommands(program: Command, withDb: WithDb): void {
  const par = program.command('par').description('Chỉ số cải cách hành chính (PAR Index)');
  par
    .command('import-criteria')
    .description('Nhập bộ tiêu chí Chỉ số CCHC từ tệp .xlsx; tất cả hoặc không gì cả')
    .argument('<tep>', 'đường dẫn tệp .xlsx')
    .requiredOption('--name <ten>', 'tên bộ tiêu chí')
    .requiredOption('--year <nam>', 'năm áp dụng')
    .option('--unit <ma>', 'mã đơn vị ban hành (mặc định: đơn vị gốc)')
    .option('--unit-kind <loai>', `loại đơn vị áp dụng (${UNIT_KIND_KEYS.join(', ')}); bỏ trống: mọi loại`)
    .option('--source <van-ban>', 'văn bản ban hành bộ tiêu chí')
    .option('--dry-run', 'chỉ đọc thử và kiểm tra, không lưu')
    .option('--json', 'in kết quả dạng JSON')
    .action(
      async (
        file: string,
        o: {
          name: string;
          year: string;
          unit?: string;
          unitKind?: string;
          source?: string;
          dryRun?: boolean;
          json?: boolean;
        },
      ) => {
        const year = Number(o.year);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new Error('Năm áp dụng không hợp lệ.');
        if (o.unitKind && !(UNIT_KIND_KEYS as readonly string[]).includes(o.unitKind))
          throw new Error(
            `Loại đơn vị "${o.unitKind}" không có; dùng một trong: ${UNIT_KIND_KEYS.join(', ')}.`,
          );
        const bytes = new Uint8Array(fs.readFileSync(file));
        const parsed = await readCriteriaSheet(bytes, path.basename(file));
        const totals = treeTotals(parsed.fields);
        const result = {
          ok: parsed.issues.length === 0 && parsed.fields.length > 0,
          issues: parsed.issues,
          totals,
          saved: null as null | { id: number; version: number },
        };
        if (result.ok && !o.dryRun)
          await withDb(async (db) => {
            const unit = o.unit
              ? await findUnitByCode(db.kysely, o.unit.toUpperCase())
              : await findFirstRootUnit(db.kysely);
            if (!unit) throw new Error(o.unit ? `Không có đơn vị mã ${o.unit}.` : 'Chưa có đơn vị nào.');
            const svc = parService({
              db: db.kysely,
              clock: systemClock,
              postgres: db.dialect === 'postgres',
              uploadMaxBytes: bytes.length,
              measure: () => Promise.resolve(null),
            });
            const saved = await svc.saveSet(
              SYSTEM_ACTOR,
              unit.id,
              { name: o.name, year, unitKind: o.unitKind ?? null, source: o.source ?? null },
              parsed.fields,
              parsed.columns,
              { filename: path.basename(file), bytes },
            );
            result.saved = { id: saved.id, version: saved.version };
          });
        if (o.json) console.log(JSON.stringify(result, null, 2));
        else {
          console.log(
            [
              `Lĩnh vực: ${totals.fields}; tiêu chí: ${totals.criteria}; tiêu chí thành phần (chấm điểm): ${totals.leaves}; tổng điểm tối đa: ${String(totals.totalMax).replace('.', ',')}.`,
              ...totals.perField.map(
                (f) => `  ${f.code}. ${f.title}: ${String(f.max).replace('.', ',')} điểm`,
              ),
              ...(parsed.issues.length
                ? [
                    `Lỗi (${parsed.issues.length}):`,
                    ...parsed.issues.map(
                      (i) => `  dòng ${i.row}${i.code ? ` (${i.code})` : ''}: ${i.message}`,
                    ),
                  ]
                : []),
              result.saved
                ? `Đã nhập bộ tiêu chí "${o.name}" năm ${year}, phiên bản ${result.saved.version}.`
                : result.ok
                  ? 'Chạy thử (--dry-run): chưa lưu gì.'
                  : 'Bộ tiêu chí có lỗi: chưa lưu gì.',
            ].join('\n'),
          );
        }
        if (!result.ok) process.exitCode = 1;
      },
    );
}
