/** Routes of the register's entries: the list, one entry, registering, editing, cancelling, figures. */
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../http/context.js';
import { presentDocument } from './presenter.js';
import type { DocumentRoutesDeps, RoutesApp } from './route-kit.js';
import { DOCUMENT_TAGS as tags, IdParams } from './route-kit.js';
import {
  CancelBody,
  DocumentDetail,
  DocumentFiguresOut,
  DocumentOut,
  DocumentPage,
  DocumentQuery,
  FiguresQuery,
  PatchBody,
  RegisterBody,
} from './schema.js';

export function registerEntryRoutes(app: RoutesApp, { services }: DocumentRoutesDeps) {
  const svc = services.documents;
  /** An entry as the caller sees it, today. */
  const present = (req: FastifyRequest, d: Parameters<typeof presentDocument>[1]) =>
    presentDocument(actorOf(req), d, services.today());

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
      const { id } = await svc.register(actor, req.body, String(req.id));
      return present(req, await svc.loadReadable(actor, id));
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
      const q = req.query;
      return svc.figuresFor(actor, q.unitId ?? actor.unitId, q.subtree === '1', q.from, q.to);
    },
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
    async (req) => present(req, await svc.update(actorOf(req), req.params.id, req.body, String(req.id))),
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
    async (req) =>
      present(req, await svc.cancel(actorOf(req), req.params.id, req.body.reason, String(req.id))),
  );
}
