/** Routes of a document's file: attaching, downloading, checking its signatures again, checking any PDF. */
import { AppError } from '../../errors.js';
import { contentDisposition } from '../files/content-disposition.js';
import { actorOf } from '../../http/context.js';
import { fileResponse } from '../../http/contract.js';
import { readUpload } from '../../http/multipart.js';
import type { DocumentRoutesDeps, RoutesApp } from './route-kit.js';
import { DOCUMENT_TAGS as tags, MULTIPART as consumes, IdParams } from './route-kit.js';
import { DocumentDetail, PdfVerificationOut } from './schema.js';

export function registerFileRoutes(app: RoutesApp, { services, uploadMaxBytes }: DocumentRoutesDeps) {
  const svc = services.documents;

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
}
