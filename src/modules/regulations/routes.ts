import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { presentRegulation } from './presenter.js';
import {
  RegulationBody,
  RegulationDetail,
  RegulationList,
  RegulationOut,
  RegulationPatch,
  RegulationQuery,
  RepealBody,
  ReviewBody,
} from './schema.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** Internal regulations (quy chế nội bộ). Register under `/api`. */
export const regulationRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['regulations'];
    const svc = services.regulations;
    /** A regulation as the caller sees it, today. */
    const present = (req: FastifyRequest, r: Parameters<typeof presentRegulation>[1]) =>
      presentRegulation(actorOf(req), r, services.today());

    app.get(
      '/regulations',
      {
        schema: {
          tags,
          summary: 'Quy chế nội bộ của đơn vị: chu kỳ và hạn rà soát, các thao tác được phép',
          querystring: RegulationQuery,
          response: { 200: RegulationList },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return svc.list(actor, req.query.unitId ?? actor.unitId, req.query.subtree === '1');
      },
    );

    app.post(
      '/regulations',
      {
        schema: {
          tags,
          summary: 'Thêm quy chế nội bộ',
          body: RegulationBody,
          response: { 200: RegulationOut },
        },
      },
      async (req) => present(req, await svc.create(actorOf(req), req.body, String(req.id))),
    );

    app.get(
      '/regulations/:id',
      {
        schema: {
          tags,
          summary: 'Một quy chế và các lần rà soát',
          params: IdParams,
          response: { 200: RegulationDetail },
        },
      },
      async (req) => svc.detail(actorOf(req), req.params.id),
    );

    app.patch(
      '/regulations/:id',
      {
        schema: {
          tags,
          summary: 'Sửa quy chế nội bộ',
          params: IdParams,
          body: RegulationPatch,
          response: { 200: RegulationOut },
        },
      },
      async (req) => present(req, await svc.update(actorOf(req), req.params.id, req.body, String(req.id))),
    );

    app.post(
      '/regulations/:id/reviews',
      {
        schema: {
          tags,
          summary: 'Ghi kết quả rà soát quy chế (hạn rà soát tiếp theo tính lại)',
          params: IdParams,
          body: ReviewBody,
          response: { 200: RegulationDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await svc.review(actor, req.params.id, req.body, String(req.id));
        return svc.detail(actor, req.params.id);
      },
    );

    app.post(
      '/regulations/:id/repeal',
      {
        schema: {
          tags,
          summary: 'Bãi bỏ quy chế (có lý do; không xóa)',
          params: IdParams,
          body: RepealBody,
          response: { 200: RegulationOut },
        },
      },
      async (req) =>
        present(req, await svc.repeal(actorOf(req), req.params.id, req.body.reason, String(req.id))),
    );
  };
