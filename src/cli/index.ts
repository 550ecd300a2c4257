import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { isAppError } from '../errors.js';
import { ROLES } from '../modules/auth/roles.js';
import type { Role } from '../modules/auth/roles.js';
import { UNIT_KIND_KEYS } from '../modules/units/kinds.js';
import type { UnitKind } from '../modules/units/kinds.js';
import { findFirstRootUnit, findUnitByCode, insertUnit } from '../modules/units/repository.js';
import { buildServices } from '../services.js';
import {
  DEFAULT_CALENDAR_RULES,
  holidaysOf,
  makeUpWorkingDaysOf,
  toVietnamese,
} from '../core/calendar/index.js';
import { readScheduleFile } from '../modules/calendar/file.js';
import { registerDocumentCommands } from './documents.js';
import { registerParCommands } from './par.js';
import { openConfigured, serve } from '../serve.js';
import { registerBackupCommands } from './backup.js';
import { registerDossierCommands } from './dossiers.js';
import { registerFigureCommands } from './figures.js';
import { registerReminderCommands } from './reminders.js';
import { registerReportCommands } from './report.js';
import { formatPreview } from './format.js';

/** Opens the configured database, migrated, and closes it after `fn`. */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openConfigured(config);
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const program = new Command('cchc').description('Quản lý kế hoạch cải cách hành chính (CCHC)');

program
  .command('migrate')
  .description('Tạo hoặc cập nhật cấu trúc cơ sở dữ liệu')
  .action(async () => {
    await withDb(async () => undefined);
    console.log('Cơ sở dữ liệu đã được cập nhật.');
  });

const user = program.command('user').description('Tài khoản người dùng');
user
  .command('create')
  .description('Tạo người dùng (lần đầu: tạo luôn đơn vị gốc và quản trị viên đầu tiên)')
  .requiredOption('--username <ten>', 'tên đăng nhập')
  .requiredOption('--name <ho-ten>', 'họ và tên')
  .requiredOption('--unit <ma>', 'mã đơn vị (ví dụ MNTT)')
  .option('--unit-name <ten>', 'tên đơn vị, khi đơn vị chưa có: tạo đơn vị gốc')
  .addOption(
    new Option('--unit-kind <loai>', 'loại đơn vị khi tạo mới').choices(UNIT_KIND_KEYS).default('other'),
  )
  .addOption(new Option('--role <vai-tro...>', 'vai trò').choices([...ROLES]).default(['admin']))
  .option('--password <mat-khau>', 'mật khẩu (hoặc biến môi trường CCHC_PASSWORD)')
  .action(
    async (o: {
      username: string;
      name: string;
      unit: string;
      unitName?: string;
      unitKind: UnitKind;
      role: Role[];
      password?: string;
    }) => {
      const password = o.password ?? process.env.CCHC_PASSWORD;
      if (!password) throw new Error('Cần --password hoặc biến môi trường CCHC_PASSWORD.');
      await withDb(async (db) => {
        const services = buildServices(db, loadConfig());
        let unit = await findUnitByCode(db.kysely, o.unit.toUpperCase());
        if (!unit) {
          if (!o.unitName)
            throw new Error(`Chưa có đơn vị mã ${o.unit}: thêm --unit-name "Tên đơn vị" để tạo đơn vị gốc.`);
          const now = new Date().toISOString();
          unit = await insertUnit(
            db.kysely,
            {
              code: o.unit.toUpperCase(),
              name: o.unitName,
              kind: o.unitKind,
              parent_id: null,
              superior_name: null,
              created_at: now,
              updated_at: now,
              archived_at: null,
            },
            '/',
          );
          console.log(`Đã tạo đơn vị gốc ${unit.code} — ${unit.name}.`);
        }
        const created = await services.users.create(null, {
          unitId: unit.id,
          username: o.username,
          fullName: o.name,
          roles: o.role,
          password,
        });
        console.log(`Đã tạo người dùng "${created.username}" (${o.role.join(', ')}) thuộc ${unit.name}.`);
      });
    },
  );

const plan = program.command('plan').description('Kế hoạch CCHC');
plan
  .command('import')
  .description('Nhập kế hoạch từ tệp .docx, .md hoặc .txt')
  .argument('<tep>', 'đường dẫn tệp kế hoạch')
  .requiredOption('--unit <ma>', 'mã đơn vị')
  .option('--year <nam>', 'năm của kế hoạch (mặc định: đọc từ tài liệu)', (v) => Number(v))
  .option('--dry-run', 'chỉ đọc thử và in tóm tắt, không lưu')
  .option('--json', 'in kết quả dạng JSON')
  .addOption(
    new Option('--mode <cach>', 'khi đơn vị đã có kế hoạch năm đó').choices(['replace', 'new_version']),
  )
  .action(
    async (
      file: string,
      o: { unit: string; year?: number; dryRun?: boolean; json?: boolean; mode?: 'replace' | 'new_version' },
    ) => {
      const bytes = fs.readFileSync(file);
      await withDb(async (db) => {
        const services = buildServices(db, loadConfig());
        const unit = await findUnitByCode(db.kysely, o.unit.toUpperCase());
        if (!unit) throw new Error(`Không có đơn vị mã ${o.unit}.`);
        const preview = await services.plans.preview(
          null,
          unit.id,
          { bytes: new Uint8Array(bytes), filename: path.basename(file) },
          o.year,
        );
        let saved: { planId: number; mode: string } | null = null;
        if (!o.dryRun) {
          if (preview.existing && !o.mode)
            throw new Error(
              `Đơn vị đã có kế hoạch năm ${preview.draft.year} (${preview.existing.number ?? preview.existing.title}). Chọn --mode replace (thay thế, giữ tiến độ) hoặc --mode new_version (phiên bản mới).`,
            );
          saved = await services.plans.commit(null, {
            unitId: unit.id,
            draft: preview.draft,
            mode: preview.existing ? (o.mode ?? 'create') : 'create',
            source: preview.source,
            ...(o.year ? { year: o.year } : {}),
          });
        }
        if (o.json)
          console.log(
            JSON.stringify(
              {
                summary: preview.summary,
                header: {
                  number: preview.draft.number,
                  issuedOn: preview.draft.issuedOn,
                  title: preview.draft.title,
                  year: preview.draft.year,
                  unitName: preview.draft.unitName,
                },
                warnings: preview.draft.warnings,
                saved,
              },
              null,
              2,
            ),
          );
        else {
          console.log(formatPreview(preview));
          console.log(
            saved
              ? `\nĐã lưu kế hoạch (mã ${saved.planId}, ${saved.mode === 'create' ? 'mới' : saved.mode === 'replace' ? 'thay thế' : 'phiên bản mới'}).`
              : '\nChạy thử (--dry-run): chưa lưu gì.',
          );
        }
      });
    },
  );

const calendar = program.command('calendar').description('Lịch làm việc: ngày nghỉ lễ, nghỉ bù, làm bù');
calendar
  .command('import')
  .description(
    'Nhập lịch nghỉ, làm bù công bố hằng năm từ tệp JSON hoặc CSV (ngay,loai,ten); lưu thành phiên bản mới',
  )
  .argument('<tep>', 'đường dẫn tệp')
  .option('--source <van-ban>', 'căn cứ công bố (số văn bản)')
  .action(async (file: string, o: { source?: string }) => {
    const parsed = readScheduleFile(fs.readFileSync(file, 'utf8'), o.source ?? path.basename(file));
    await withDb(async (db) => {
      const services = buildServices(db, loadConfig());
      const saved = await services.calendar.importFile(null, parsed);
      for (const r of saved) console.log(`Đã lưu lịch năm ${r.year} (phiên bản ${r.version}).`);
    });
  });
calendar
  .command('show')
  .description('In các ngày nghỉ và ngày làm bù của một năm')
  .argument('<nam>', 'năm', (v) => Number(v))
  .action(async (year: number) => {
    await withDb(async (db) => {
      const services = buildServices(db, loadConfig());
      const root = await findFirstRootUnit(db.kysely);
      const { rules } = root ? await services.calendar.forUnit(root.id) : { rules: DEFAULT_CALENDAR_RULES };
      for (const h of holidaysOf(year, rules)) console.log(`${toVietnamese(h.date)}  nghỉ    ${h.name}`);
      for (const w of makeUpWorkingDaysOf(year, rules))
        console.log(`${toVietnamese(w.date)}  làm bù  ${w.name}`);
    });
  });

program
  .command('serve')
  .description('Chạy máy chủ (nhiều tiến trình: chỉ với PostgreSQL)')
  .option('--workers <n>', 'số tiến trình máy chủ (mặc định CCHC_WORKERS hoặc 1)', (v) => Number(v))
  .action(async (o: { workers?: number }) => {
    const config = loadConfig();
    if (o.workers !== undefined) {
      if (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > 64)
        throw new Error('--workers phải là số nguyên từ 1 đến 64.');
      if (o.workers > 1 && !config.secret)
        throw new ConfigError(
          'CCHC_SECRET: bắt buộc khi chạy nhiều tiến trình (một chuỗi bí mật dài ít nhất 32 ký tự, giống nhau ở mọi tiến trình).',
        );
    }
    await serve({ ...config, workers: o.workers ?? config.workers });
  });

registerDossierCommands(program, withDb);
registerFigureCommands(program, withDb);
registerBackupCommands(program, withDb);
registerReminderCommands(program, withDb);
registerReportCommands(program, withDb);
registerDocumentCommands(program, withDb);
registerParCommands(program, withDb);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (isAppError(err) || err instanceof ConfigError || err instanceof Error)
    console.error(`Lỗi: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
