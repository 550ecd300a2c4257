import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { Dashboard, DashboardQuery } from './schema.js';

export const dashboardRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/dashboard',
      {
        schema: {
          tags: ['dashboard'],
          summary: 'Tiến độ nhiệm vụ theo lĩnh vực',
          querystring: DashboardQuery,
          response: { 200: Dashboard },
        },
      },
      async (req) => services.dashboard.get(actorOf(req), req.query),
    );
  };
