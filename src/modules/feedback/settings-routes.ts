import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context.js';
import { OkResult } from '../../http/contract.js';
import { IdParams } from '../units/schema.js';
import { FeedbackSettingsOut, SettingsBody, TemplateBody, TemplateOut, UnitQuery } from './schema.js';
import type { FeedbackService } from './service.js';

const tags = ['feedback'];

const presentTemplate = (t: {
  id: number;
  unit_id: number;
  title: string;
  body: string;
  updated_at: string;
}) => ({
  id: t.id,
  unitId: t.unit_id,
  title: t.title,
  body: t.body,
  updatedAt: t.updated_at,
});

/** A unit's deadline settings and its answer templates. */
export const feedbackSettingsRoutes =
  (fb: FeedbackService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/feedback/settings',
      {
        schema: {
          tags,
          summary: 'Thời hạn xử lý phản ánh của đơn vị (ngày làm việc)',
          querystring: UnitQuery,
          response: { 200: FeedbackSettingsOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return fb.settings(actor, req.query.unitId ?? actor.unitId);
      },
    );
    app.put(
      '/feedback/settings',
      {
        schema: {
          tags,
          summary: 'Đặt thời hạn xử lý phản ánh của đơn vị',
          body: SettingsBody,
          response: { 200: FeedbackSettingsOut },
        },
      },
      async (req) => {
        const { unitId, ...s } = req.body;
        return fb.saveSettings(actorOf(req), unitId, s, String(req.id));
      },
    );
    app.get(
      '/feedback/templates',
      {
        schema: {
          tags,
          summary: 'Mẫu trả lời của đơn vị',
          querystring: UnitQuery,
          response: { 200: z.array(TemplateOut) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return (await fb.templates(actor, req.query.unitId ?? actor.unitId)).map(presentTemplate);
      },
    );
    app.post(
      '/feedback/templates',
      { schema: { tags, summary: 'Thêm mẫu trả lời', body: TemplateBody, response: { 200: TemplateOut } } },
      async (req) =>
        presentTemplate(
          await fb.saveTemplate(actorOf(req), req.body.unitId, req.body, undefined, String(req.id)),
        ),
    );
    app.put(
      '/feedback/templates/:id',
      {
        schema: {
          tags,
          summary: 'Sửa mẫu trả lời',
          params: IdParams,
          body: TemplateBody,
          response: { 200: TemplateOut },
        },
      },
      async (req) =>
        presentTemplate(
          await fb.saveTemplate(actorOf(req), req.body.unitId, req.body, req.params.id, String(req.id)),
        ),
    );
    app.delete(
      '/feedback/templates/:id',
      {
        schema: {
          tags,
          summary: 'Bỏ mẫu trả lời (giữ lại trong nhật ký)',
          params: IdParams,
          response: { 200: OkResult },
        },
      },
      async (req) => {
        await fb.removeTemplate(actorOf(req), req.params.id, String(req.id));
        return { ok: true };
      },
    );
  };
