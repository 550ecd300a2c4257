/** Routes of the installation's trusted root certificates. */
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { OkResult } from '../../http/contract.js';
import { readUpload } from '../../http/multipart.js';
import { presentTrustedRoot } from './presenter.js';
import type { DocumentRoutesDeps, RoutesApp } from './route-kit.js';
import { DOCUMENT_TAGS as tags, MULTIPART as consumes, IdParams } from './route-kit.js';
import { TrustedRootList, TrustedRootOut } from './schema.js';

export function registerTrustedRootRoutes(app: RoutesApp, { services }: DocumentRoutesDeps) {
  const svc = services.documents;

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
}
