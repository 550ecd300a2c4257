import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { intField, readUpload } from '../../http/multipart.js';
import type { Services } from '../../services.js';
import { fileResponse, OkResult } from '../../http/contract.js';
import { ImportId, ImportProgress } from '../dossier-import/schema.js';
import { DocumentImportReport } from './import-schema.js';
import { presentDocument, presentTrustedRoot } from './presenter.js';
import {
  CancelBody,
  DocumentDetail,
  DocumentFiguresOut,
  DocumentOut,
  DocumentPage,
  DocumentQuery,
  FiguresQuery,
  PatchBody,
  PdfVerificationOut,
  RegisterBody,
  TrustedRootList,
  TrustedRootOut,
} from './schema.js';
import { contentDisposition } from '../files/content-disposition.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** The document register, signed-PDF checks and the trusted roots. Register under `/api`. */
export const documentRoutes =
  (services: Services, uploadMaxBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['documents'];
    const svc = services.documents;
    const consumes = ['multipart/form-data'];
    const present = (
      actor: Parameters<typeof presentDocument>[0],
      d: Parameters<typeof presentDocument>[1],
    ) => presentDocument(actor, d, services.today());

    app.get(
      '/documents',
      {
        schema: {
          tags,
          summary: 'Sổ văn bản đi, đến: một trang, số liệu của năm và các thao tác được phép',
          querystring: DocumentQuery,
          response: { 200: DocumentPage },
        },
      },
      async (req) => svc.list(actorOf(req), req.query),
    );

    app.post(
      '/documents',
      {
        schema: {
          tags,
          summary: 'Vào sổ một văn bản (văn bản đi được cấp số tiếp theo của sổ trong năm)',
          body: RegisterBody,
          response: { 200: DocumentOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return present(
          actor,
          await svc.loadReadable(actor, (await svc.register(actor, req.body, String(req.id))).id),
        );
      },
    );

    app.get(
      '/documents/figures',
      {
        schema: {
          tags,
          summary: 'Tỷ lệ văn bản điện tử, ký số, qua kênh chính thức, văn bản đến xử lý đúng hạn',
          querystring: FiguresQuery,
          response: { 200: DocumentFiguresOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return svc.figuresFor(
          actor,
          req.query.unitId ?? actor.unitId,
          req.query.subtree === '1',
          req.query.from,
          req.query.to,
        );
      },
    );

    app.post(
      '/documents/verify-pdf',
      {
        schema: {
          tags,
          summary: 'Kiểm tra chữ ký số của một tệp PDF (không lưu)',
          consumes,
          response: { 200: PdfVerificationOut },
        },
      },
      async (req) => {
        actorOf(req);
        const form = await readUpload(req, uploadMaxBytes);
        if (!form.file) throw new AppError('FILE_EMPTY', 'Chưa chọn tệp PDF để kiểm tra.');
        return svc.check(form.file.bytes);
      },
    );

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
        const direction = form.fields.direction;
        if (
          direction !== undefined &&
          direction !== '' &&
          direction !== 'outgoing' &&
          direction !== 'incoming'
        )
          throw new AppError(
            'VALIDATION',
            'Trường direction phải là outgoing (văn bản đi) hoặc incoming (văn bản đến).',
          );
        let importId: string | undefined;
        if (form.fields.importId) {
          const parsed = ImportId.safeParse(form.fields.importId);
          if (!parsed.success)
            throw new AppError('VALIDATION', 'Mã theo dõi tiến độ (importId) không hợp lệ.');
          importId = parsed.data;
        }
        return services.documentImport.run(
          actor,
          intField(form.fields, 'unitId') ?? actor.unitId,
          form.file,
          {
            dryRun: form.fields.dryRun === '1' || form.fields.dryRun === 'true',
            direction: direction === 'outgoing' || direction === 'incoming' ? direction : undefined,
            importId,
            requestId: String(req.id),
          },
        );
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

    app.get(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'Một văn bản: thông tin, kết quả kiểm tra chữ ký số, lịch sử thay đổi',
          params: IdParams,
          response: { 200: DocumentDetail },
        },
      },
      async (req) => svc.detail(actorOf(req), req.params.id),
    );

    app.patch(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'Sửa thông tin văn bản (không sửa số, sổ, năm, loại)',
          params: IdParams,
          body: PatchBody,
          response: { 200: DocumentOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return present(actor, await svc.update(actor, req.params.id, req.body, String(req.id)));
      },
    );

    app.post(
      '/documents/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Hủy văn bản trong sổ, có lý do (số văn bản giữ nguyên, không xóa)',
          params: IdParams,
          body: CancelBody,
          response: { 200: DocumentOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return present(actor, await svc.cancel(actor, req.params.id, req.body.reason, String(req.id)));
      },
    );

    app.post(
      '/documents/:id/file',
      {
        schema: {
          tags,
          summary: 'Đính kèm tệp văn bản; tệp PDF được kiểm tra chữ ký số ngay',
          params: IdParams,
          consumes,
          response: { 200: DocumentDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const form = await readUpload(req, uploadMaxBytes);
        if (!form.file) throw new AppError('FILE_EMPTY', 'Chưa chọn tệp để đính kèm.');
        await svc.attach(actor, req.params.id, form.file, String(req.id));
        return svc.detail(actor, req.params.id);
      },
    );

    app.get(
      '/documents/:id/file',
      {
        schema: {
          tags,
          summary: 'Tải tệp văn bản đính kèm',
          params: IdParams,
          response: { 200: fileResponse('Tệp văn bản', 'application/pdf', 'application/octet-stream') },
        },
      },
      async (req, reply) => {
        const f = await svc.file(actorOf(req), req.params.id);
        return reply
          .header('Content-Type', f.mime)
          .header('Content-Disposition', contentDisposition(f.filename, { mime: f.mime }))
          .send(f.bytes);
      },
    );

    app.post(
      '/documents/:id/signature-check',
      {
        schema: {
          tags,
          summary: 'Kiểm tra lại chữ ký số của tệp PDF đính kèm (sau khi đổi chứng thư gốc tin cậy)',
          params: IdParams,
          response: { 200: DocumentDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await svc.recheck(actor, req.params.id, String(req.id));
        return svc.detail(actor, req.params.id);
      },
    );

    app.get(
      '/trusted-roots',
      {
        schema: {
          tags,
          summary: 'Chứng thư gốc tin cậy của hệ thống (để xác minh chữ ký số)',
          response: { 200: TrustedRootList },
        },
      },
      async (req) => svc.trustedRoots(actorOf(req)),
    );

    app.post(
      '/trusted-roots',
      {
        schema: {
          tags,
          summary: 'Nhập một chứng thư gốc tin cậy (.cer, .crt, .der, .pem)',
          consumes,
          response: { 200: TrustedRootOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const form = await readUpload(req, 1024 * 1024);
        if (!form.file) throw new AppError('FILE_EMPTY', 'Chưa chọn tệp chứng thư.');
        return presentTrustedRoot(await svc.addTrustedRoot(actor, form.file.bytes, String(req.id)));
      },
    );

    app.post(
      '/trusted-roots/:id/remove',
      {
        schema: {
          tags,
          summary: 'Gỡ một chứng thư gốc khỏi danh sách tin cậy (giữ lại lịch sử)',
          params: IdParams,
          response: { 200: OkResult },
        },
      },
      async (req) => {
        await svc.removeTrustedRoot(actorOf(req), req.params.id, String(req.id));
        return { ok: true };
      },
    );
  };
