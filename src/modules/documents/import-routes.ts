/** Routes of a register import: the upload (dry run or save) and its progress. */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { intField, readUpload } from '../../http/multipart.js';
import { ImportId, ImportProgress } from '../dossier-import/schema.js';
import type { DocumentImportOptions } from './import.js';
import { DocumentImportReport } from './import-schema.js';
import type { DocumentRoutesDeps, RoutesApp } from './route-kit.js';
import { DOCUMENT_TAGS as tags, MULTIPART as consumes } from './route-kit.js';

/** The optional fields of the upload form, checked. */
function importFields(fields: Record<string, string>): Omit<DocumentImportOptions, 'requestId'> {
  const direction = fields.direction;
  if (direction !== undefined && direction !== '' && direction !== 'outgoing' && direction !== 'incoming')
    throw new AppError(
      'VALIDATION',
      'Trường direction phải là outgoing (văn bản đi) hoặc incoming (văn bản đến).',
    );
  let importId: string | undefined;
  if (fields.importId) {
    const parsed = ImportId.safeParse(fields.importId);
    if (!parsed.success) throw new AppError('VALIDATION', 'Mã theo dõi tiến độ (importId) không hợp lệ.');
    importId = parsed.data;
  }
  return {
    dryRun: fields.dryRun === '1' || fields.dryRun === 'true',
    direction: direction === 'outgoing' || direction === 'incoming' ? direction : undefined,
    importId,
  };
}

export function registerImportRoutes(app: RoutesApp, { services, uploadMaxBytes }: DocumentRoutesDeps) {
  app.post(
    '/documents/import',
    {
      schema: {
        tags,
        summary: 'Nhập sổ văn bản từ phần mềm quản lý văn bản (.xlsx/.csv): tất cả hoặc không gì cả',
        consumes,
        response: { 200: DocumentImportReport },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const form = await readUpload(req, uploadMaxBytes);
      if (!form.file || form.file.bytes.length === 0)
        throw new AppError('FILE_EMPTY', 'Chưa chọn tệp để nhập.');
      const opts = importFields(form.fields);
      const unitId = intField(form.fields, 'unitId') ?? actor.unitId;
      return services.documentImport.run(actor, unitId, form.file, { ...opts, requestId: String(req.id) });
    },
  );

  // Progress of an import started with an `importId`: in this process's memory, no session read
  // (on SQLite the import's transaction holds the only connection). Counts only.
  app.get(
    '/documents/import/progress/:id',
    {
      schema: {
        tags,
        summary: 'Tiến độ lưu sổ văn bản đang nhập (theo mã bí mật của lần nhập)',
        params: z.object({ id: ImportId }),
        response: { 200: ImportProgress },
      },
      config: { sessionless: true },
    },
    async (req) => services.documentImport.progress(req.params.id),
  );
}
