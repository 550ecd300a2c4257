import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { intField, readUpload } from '../../http/multipart.js';
import type { Services } from '../../services.js';
import { IdParams } from '../units/schema.js';
import { presentPlanDetail, presentPlanListItem } from './presenter.js';
import { CommitBody, PlanDetail, PlanListItem, PreviewResult, PreviewTextBody } from './schema.js';

export const planRoutes =
  (services: Services, uploadMaxBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['plans'];
    app.get(
      '/plans',
      {
        schema: {
          tags,
          summary: 'Danh sách kế hoạch',
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.array(PlanListItem) },
        },
      },
      async (req) => (await services.plans.list(actorOf(req), req.query.unitId)).map(presentPlanListItem),
    );
    app.get(
      '/plans/:id',
      {
        schema: {
          tags,
          summary: 'Kế hoạch: lĩnh vực, nhiệm vụ, chỉ tiêu',
          params: IdParams,
          response: { 200: PlanDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const d = await services.plans.detail(actor, req.params.id);
        return presentPlanDetail(actor, d.plan, d.areas, d.tasks, d.targets, d.assignees, d.evidence, d.occurrences, d.today, d.measured);
      },
    );
    app.post(
      '/plans/import/preview',
      {
        schema: {
          tags,
          summary: 'Đọc thử tệp kế hoạch (.docx, .md, .txt): không lưu',
          consumes: ['multipart/form-data'],
          response: { 200: PreviewResult },
        },
      },
      async (req) => {
        const form = await readUpload(req, uploadMaxBytes);
        if (!form.file) throw new AppError('FILE_EMPTY', 'Chưa chọn tệp kế hoạch.');
        const unitId = intField(form.fields, 'unitId') ?? actorOf(req).unitId;
        return services.plans.preview(
          actorOf(req),
          unitId,
          { bytes: form.file.bytes, filename: form.file.filename },
          intField(form.fields, 'year'),
        );
      },
    );
    app.post(
      '/plans/import/preview-text',
      {
        schema: {
          tags,
          summary: 'Đọc thử văn bản kế hoạch dán vào: không lưu',
          body: PreviewTextBody,
          response: { 200: PreviewResult },
        },
      },
      async (req) =>
        services.plans.preview(
          actorOf(req),
          req.body.unitId,
          { text: req.body.text, filename: null },
          req.body.year,
        ),
    );
    app.post(
      '/plans/import/commit',
      {
        schema: {
          tags,
          summary: 'Lưu kế hoạch đã đọc (tất cả hoặc không gì cả)',
          body: CommitBody,
          response: { 200: z.object({ planId: z.number(), mode: z.string() }) },
        },
        bodyLimit: 20 * 1024 * 1024,
      },
      async (req) => services.plans.commit(actorOf(req), req.body, String(req.id)),
    );
  };
