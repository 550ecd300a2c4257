import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { z } from 'zod';
import { Dashboard, DashboardQuery, DashboardViewQuery, SuperiorDashboard, UnitDashboard } from './schema.js';

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
    const Params = z.object({ id: z.coerce.number().int().positive() });
    app.get(
      '/dashboard/unit/:id',
      {
        schema: {
          tags: ['dashboard'],
          summary: 'Tổng quan của một đơn vị: chỉ tiêu, xu hướng theo quý, nhiệm vụ, hạn, hồ sơ trễ hạn',
          params: Params,
          querystring: DashboardViewQuery,
          response: { 200: UnitDashboard },
        },
      },
      async (req) => services.dashboardViews.unit(actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/dashboard/superior/:id',
      {
        schema: {
          tags: ['dashboard'],
          summary:
            'Tổng quan của cấp trên: số liệu gộp toàn cây đơn vị và bảng so sánh các đơn vị trực thuộc',
          params: Params,
          querystring: DashboardViewQuery,
          response: { 200: SuperiorDashboard },
        },
      },
      async (req) => services.dashboardViews.superior(actorOf(req), req.params.id, req.query),
    );
  };
