import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { presentUnit } from './presenter.js';
import { IdParams, UnitCreateBody, UnitMoveBody, UnitOut, UnitUpdateBody } from './schema.js';

export const unitRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['units'];
    app.get(
      '/units',
      {
        schema: { tags, summary: 'Đơn vị trong phạm vi của người dùng', response: { 200: z.array(UnitOut) } },
      },
      async (req) => {
        const actor = actorOf(req);
        return (await services.units.list(actor)).map((u) => presentUnit(actor, u));
      },
    );
    app.get('/units/:id', { schema: { tags, params: IdParams, response: { 200: UnitOut } } }, async (req) => {
      const actor = actorOf(req);
      return presentUnit(actor, await services.units.get(actor, req.params.id));
    });
    app.post(
      '/units',
      { schema: { tags, summary: 'Tạo đơn vị', body: UnitCreateBody, response: { 200: UnitOut } } },
      async (req) => {
        const actor = actorOf(req);
        return presentUnit(actor, await services.units.create(actor, req.body, String(req.id)));
      },
    );
    app.patch(
      '/units/:id',
      {
        schema: {
          tags,
          summary: 'Sửa đơn vị',
          params: IdParams,
          body: UnitUpdateBody,
          response: { 200: UnitOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return presentUnit(
          actor,
          await services.units.update(actor, req.params.id, req.body, String(req.id)),
        );
      },
    );
    app.post(
      '/units/:id/move',
      {
        schema: {
          tags,
          summary: 'Chuyển đơn vị sang đơn vị cấp trên khác',
          params: IdParams,
          body: UnitMoveBody,
          response: { 200: UnitOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return presentUnit(
          actor,
          await services.units.move(actor, req.params.id, req.body.parentId, String(req.id)),
        );
      },
    );
  };
