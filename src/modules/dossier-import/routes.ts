import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { intField, readUpload } from '../../http/multipart.js';
import {
  ColumnMapping,
  CommitResult,
  ImportId,
  ImportProgress,
  ProcedureImportReport,
  RegisterPreview,
} from './schema.js';
import type { Actor } from '../auth/roles.js';
import type { DossierImportService } from './service.js';

/** Reads the multipart form every import route takes: unitId, file, and optional extras. */
async function readForm(req: FastifyRequest, actor: Actor, uploadMaxBytes: number) {
  const form = await readUpload(req, uploadMaxBytes);
  if (!form.file || form.file.bytes.length === 0) throw new AppError('FILE_EMPTY', 'Chưa chọn tệp để nhập.');
  const unitId = intField(form.fields, 'unitId') ?? actor.unitId;
  let mapping: ColumnMapping | undefined;
  const raw = form.fields.mapping?.trim();
  if (raw) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError('VALIDATION', 'Trường mapping phải là JSON dạng {"tenTruong": sốThứTựCột}.');
    }
    const parsed = ColumnMapping.safeParse(json);
    if (!parsed.success)
      throw new AppError(
        'VALIDATION',
        `Ghép cột không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    mapping = parsed.data;
  }
  let importId: string | undefined;
  if (form.fields.importId) {
    const parsed = ImportId.safeParse(form.fields.importId);
    if (!parsed.success) throw new AppError('VALIDATION', 'Mã theo dõi tiến độ (importId) không hợp lệ.');
    importId = parsed.data;
  }
  return {
    unitId,
    mapping,
    importId,
    dryRun: form.fields.dryRun === '1' || form.fields.dryRun === 'true',
    src: { bytes: form.file.bytes, filename: form.file.filename },
  };
}

/**
 * Procedure catalogue and register imports (.xlsx, .csv). Register under `/api`. Row errors come
 * back as a 400 VALIDATION whose `details` hold the row-by-row report; nothing is saved then.
 */
export const dossierImportRoutes =
  (services: { dossierImport: DossierImportService }, uploadMaxBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['dossiers'];
    const svc = services.dossierImport;
    const consumes = ['multipart/form-data'];

    app.post(
      '/procedures/import',
      {
        schema: {
          tags,
          summary: 'Nhập danh mục thủ tục từ tệp .xlsx/.csv (cập nhật theo mã; tất cả hoặc không gì cả)',
          consumes,
          response: { 200: ProcedureImportReport },
        },
      },
      async (req) => {
        const actor = actorOf(req); // 401 before reading any upload
        const f = await readForm(req, actor, uploadMaxBytes);
        return svc.importProcedures(actor, f.unitId, f.src, {
          dryRun: f.dryRun,
          requestId: String(req.id),
        });
      },
    );

    app.post(
      '/dossiers/import/preview',
      {
        schema: {
          tags,
          summary: 'Đọc thử sổ hồ sơ từ phần mềm khác (.xlsx/.csv): ghép cột, kiểm tra từng dòng; không lưu',
          consumes,
          response: { 200: RegisterPreview },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const f = await readForm(req, actor, uploadMaxBytes);
        return svc.preview(actor, f.unitId, f.src, f.mapping);
      },
    );

    app.post(
      '/dossiers/import/commit',
      {
        schema: {
          tags,
          summary: 'Nhập sổ hồ sơ: kiểm tra lại và lưu tất cả trong một giao dịch, hoặc không lưu gì',
          consumes,
          response: { 200: CommitResult },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const f = await readForm(req, actor, uploadMaxBytes);
        return svc.commit(actor, f.unitId, f.src, {
          mapping: f.mapping,
          importId: f.importId,
          requestId: String(req.id),
        });
      },
    );

    // Progress of a commit started with an `importId`, kept in this process's memory only: behind a
    // load balancer ask the same process. The route reads no session: on SQLite the commit's
    // transaction holds the only connection, and a session lookup would wait until the commit ends.
    // The id is a client-chosen secret (≥ 128 bits) and the answer holds only counts.
    app.get(
      '/dossiers/import/progress/:id',
      {
        schema: {
          tags,
          summary: 'Tiến độ lưu sổ hồ sơ đang nhập (theo mã bí mật của lần nhập)',
          params: z.object({ id: ImportId }),
          response: { 200: ImportProgress },
        },
        config: { sessionless: true },
      },
      async (req) => svc.progress(req.params.id),
    );
  };
