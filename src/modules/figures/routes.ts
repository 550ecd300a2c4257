import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { VerifyBody, VerifyResult } from './schema.js';

export const figuresRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/figures/verify',
      {
        schema: {
          tags: ['figures'],
          summary: 'Kiểm tra (và sửa) các bộ đếm số liệu so với dữ liệu gốc',
          body: VerifyBody,
          response: { 200: VerifyResult },
        },
      },
      async (req) => services.verifyFigures.verify(actorOf(req), req.body),
    );
  };
