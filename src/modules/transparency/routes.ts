import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PostAttachmentRow, PostRow } from '../../db/tables.js';
import { isAppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { readUpload } from '../../http/multipart.js';
import type { Services } from '../../services.js';
import { IdParams } from '../units/schema.js';
import { PAGE_CSS, PAGE_CSS_PATH, renderTransparencyPage } from './page.js';
import { PostBody, PostOut, TransparencyOut } from './schema.js';
import { contentDisposition } from '../files/content-disposition.js';
import { fileResponse, OkResult } from '../../http/contract.js';

/** Browsers and proxies may keep the public page a short while. */
const PUBLIC_CACHE = 'public, max-age=30';
const FileParams = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
});
const inlineOrAttachment = (a: { mime: string; filename: string }) =>
  contentDisposition(a.filename, { mime: a.mime, inline: a.mime.startsWith('image/') });

function presentPost(p: PostRow, attachments: PostAttachmentRow[], canManage: boolean): PostOut {
  return {
    id: p.id,
    unitId: p.unit_id,
    title: p.title,
    body: p.body,
    published: p.published === 1,
    publishedAt: p.published_at,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    attachments: attachments
      .filter((a) => a.post_id === p.id)
      .map((a) => ({
        id: a.id,
        filename: a.filename,
        mime: a.mime,
        size: a.size,
        url: `/api/posts/${p.id}/files/${a.id}`,
      })),
    actions: { edit: canManage },
  };
}

/** Staff: the CCHC news column. Public: the transparency JSON and a published post's files. */
export const postRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['posts'];
    const posts = services.posts;
    async function one(actor: ReturnType<typeof actorOf>, id: number) {
      const p = await posts.loadReadable(actor, id);
      return presentPost(p, await posts.attachmentsOf([p.id]), posts.canManage(actor, p.unit_id));
    }

    app.get(
      '/posts',
      {
        schema: {
          tags,
          summary: 'Tin CCHC của đơn vị',
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.array(PostOut) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = req.query.unitId ?? actor.unitId;
        const r = await posts.list(actor, unitId);
        return r.posts.map((p) => presentPost(p, r.attachments, posts.canManage(actor, unitId)));
      },
    );
    app.post(
      '/posts',
      {
        schema: {
          tags,
          summary: 'Viết tin CCHC',
          body: PostBody.extend({ unitId: z.number().int().positive() }),
          response: { 200: PostOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const p = await posts.create(actor, req.body.unitId, req.body, String(req.id));
        return one(actor, p.id);
      },
    );
    app.get(
      '/posts/:id',
      { schema: { tags, summary: 'Một tin CCHC', params: IdParams, response: { 200: PostOut } } },
      async (req) => one(actorOf(req), req.params.id),
    );
    app.put(
      '/posts/:id',
      {
        schema: {
          tags,
          summary: 'Sửa, đăng hoặc gỡ tin CCHC',
          params: IdParams,
          body: PostBody,
          response: { 200: PostOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await posts.update(actor, req.params.id, req.body, String(req.id));
        return one(actor, req.params.id);
      },
    );
    app.delete(
      '/posts/:id',
      {
        schema: {
          tags,
          summary: 'Bỏ tin CCHC (lưu lại, không xóa hẳn)',
          params: IdParams,
          response: { 200: OkResult },
        },
      },
      async (req) => {
        await posts.remove(actorOf(req), req.params.id, String(req.id));
        return { ok: true };
      },
    );
    app.post(
      '/posts/:id/files',
      { schema: { tags, summary: 'Đính kèm ảnh hoặc PDF', params: IdParams, response: { 200: PostOut } } },
      async (req) => {
        const actor = actorOf(req);
        const form = await readUpload(req, posts.fileMaxBytes);
        await posts.attach(actor, req.params.id, form.file, String(req.id));
        return one(actor, req.params.id);
      },
    );
    app.delete(
      '/posts/:id/files/:fileId',
      { schema: { tags, summary: 'Bỏ tệp đính kèm', params: FileParams, response: { 200: PostOut } } },
      async (req) => {
        const actor = actorOf(req);
        await posts.detach(actor, req.params.id, req.params.fileId, String(req.id));
        return one(actor, req.params.id);
      },
    );
    app.get(
      '/posts/:id/files/:fileId',
      {
        schema: {
          tags,
          summary: 'Tải tệp đính kèm',
          params: FileParams,
          response: { 200: fileResponse('Tệp đính kèm', 'image/*', 'application/pdf') },
        },
      },
      async (req, reply) => {
        const { attachment, bytes } = await posts.file(actorOf(req), req.params.id, req.params.fileId);
        return reply
          .header('Content-Type', attachment.mime)
          .header('Content-Disposition', inlineOrAttachment(attachment))
          .send(Buffer.from(bytes));
      },
    );

    const limited = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } };
    app.get(
      '/public/posts/:id/files/:fileId',
      {
        schema: {
          tags: ['public'],
          summary: 'Tệp đính kèm của tin đã đăng',
          params: FileParams,
          response: { 200: fileResponse('Tệp đính kèm', 'image/*', 'application/pdf') },
        },
        config: limited,
      },
      async (req, reply) => {
        const { attachment, bytes } = await posts.file(null, req.params.id, req.params.fileId);
        return reply
          .header('Content-Type', attachment.mime)
          .header('Content-Disposition', inlineOrAttachment(attachment))
          .header('Cache-Control', PUBLIC_CACHE)
          .send(Buffer.from(bytes));
      },
    );
    app.get(
      '/public/units/:code/transparency',
      {
        schema: {
          tags: ['public'],
          summary: 'Số liệu công khai của đơn vị (không có dữ liệu cá nhân)',
          params: z.object({ code: z.string().min(1).max(64) }),
          response: { 200: TransparencyOut },
        },
        config: limited,
      },
      // Already JSON text (cached): sent as it is; the schema documents its shape.
      async (req, reply) => {
        const entry = await services.transparency.get(req.params.code);
        return reply
          .type('application/json; charset=utf-8')
          .header('Cache-Control', PUBLIC_CACHE)
          .send(entry.json as unknown as z.infer<typeof TransparencyOut>);
      },
    );
  };

/** The public transparency page, server-rendered outside /api: `/cong-khai/<unit code>`. */
export const transparencyPageRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    const limited = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } };
    app.get(PAGE_CSS_PATH, { schema: { hide: true }, config: limited }, async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=86400').send(PAGE_CSS),
    );
    app.get(
      '/cong-khai/:code',
      { schema: { hide: true, params: z.object({ code: z.string().min(1).max(64) }) }, config: limited },
      async (req, reply) => {
        const entry = await services.transparency.get(req.params.code).catch((e: unknown) => {
          if (isAppError(e) && e.code === 'NOT_FOUND') return null;
          throw e;
        });
        if (!entry)
          return reply
            .status(404)
            .type('text/html; charset=utf-8')
            .send(
              `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Không tìm thấy đơn vị</title><link rel="stylesheet" href="${PAGE_CSS_PATH}"></head><body><main><section><h1>Không tìm thấy đơn vị</h1><p>Vui lòng kiểm tra lại mã đơn vị trong đường dẫn.</p></section></main></body></html>`,
            );
        entry.html ??= renderTransparencyPage(entry.data);
        return reply.type('text/html; charset=utf-8').header('Cache-Control', PUBLIC_CACHE).send(entry.html);
      },
    );
  };
