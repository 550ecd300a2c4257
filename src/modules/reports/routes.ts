import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.js';
import type { Same } from '../../http/contract.js';
import type { Services } from '../../services.js';
import type { ReportsService } from './service.js';
import {
  DraftBody,
  OverviewQuery,
  ReportDetail,
  ReportOverview,
  ReportParams,
  ReportSchedule,
  ReportSubmitResult,
  ReturnBody,
  ScheduleQuery,
  SubmissionParams,
} from './schema.js';
import { contentDisposition } from '../files/content-disposition.js';
import { fileResponse } from '../../http/contract.js';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

type App = Parameters<FastifyPluginAsyncZod>[0];

/** The schedule, the overview of the units below, a report's page. */
function readingRoutes(app: App, services: Services): void {
  const tags = ['reports'];
  const base = '/reports/units/:unitId/periods/:period';
  app.get(
    '/reports/schedule',
    {
      schema: {
        tags,
        summary: 'Lịch báo cáo định kỳ của đơn vị trong năm',
        querystring: ScheduleQuery,
        response: { 200: ReportSchedule },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const year = req.query.year ?? Number(services.today().slice(0, 4));
      return services.reports.schedule(actor, req.query.unitId ?? actor.unitId, year);
    },
  );

  app.get(
    '/reports/overview',
    {
      schema: {
        tags,
        summary: 'Tình hình gửi báo cáo của các đơn vị cấp dưới',
        querystring: OverviewQuery,
        response: { 200: ReportOverview },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return services.reports.overview(actor, req.query.unitId ?? actor.unitId, req.query.period);
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Báo cáo của một kỳ: trạng thái, bản nháp, số liệu, các lần gửi',
        params: ReportParams,
        response: { 200: ReportDetail },
      },
    },
    async (req) => services.reports.detail(actorOf(req), req.params.unitId, req.params.period),
  );
}

/** Saving the draft and downloading the files (frozen or generated now). */
function draftRoutes(app: App, services: Services): void {
  const tags = ['reports'];
  const base = '/reports/units/:unitId/periods/:period';
  app.put(
    base,
    {
      schema: {
        tags,
        summary: 'Lưu bản nháp báo cáo',
        params: ReportParams,
        body: DraftBody,
        response: { 200: ReportDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await services.reports.saveDraft(actor, req.params.unitId, req.params.period, req.body, String(req.id));
      return services.reports.detail(actor, req.params.unitId, req.params.period);
    },
  );

  for (const format of ['docx', 'xlsx'] as const) {
    app.get(
      `${base}/report.${format}`,
      {
        schema: {
          tags,
          summary: `Tải báo cáo (.${format}): bản đã gửi, hoặc lập từ số liệu hiện tại`,
          params: ReportParams,
          response: { 200: fileResponse(`Báo cáo (.${format})`, TYPES[format]) },
        },
      },
      async (req, reply) => {
        const f = await services.reports.file(actorOf(req), req.params.unitId, req.params.period, format);
        return reply
          .header('content-type', TYPES[format])
          .header('content-disposition', contentDisposition(f.filename))
          .header('x-report-frozen', f.frozen ? '1' : '0')
          .send(f.bytes);
      },
    );
    app.get(
      `${base}/submissions/:seq/report.${format}`,
      {
        schema: {
          tags,
          summary: `Tải bản báo cáo (.${format}) của một lần gửi`,
          params: SubmissionParams,
          response: { 200: fileResponse(`Báo cáo (.${format})`, TYPES[format]) },
        },
      },
      async (req, reply) => {
        const f = await services.reports.file(
          actorOf(req),
          req.params.unitId,
          req.params.period,
          format,
          req.params.seq,
        );
        return reply
          .header('content-type', TYPES[format])
          .header('content-disposition', contentDisposition(f.filename))
          .header('x-report-frozen', '1')
          .send(f.bytes);
      },
    );
  }
}

/** Submitting to the superior and returning for correction. */
function submissionRoutes(app: App, services: Services): void {
  const tags = ['reports'];
  const base = '/reports/units/:unitId/periods/:period';
  app.post(
    `${base}/submit`,
    {
      schema: {
        tags,
        summary: 'Gửi báo cáo lên cấp trên (số liệu được chốt)',
        params: ReportParams,
        response: { 200: ReportSubmitResult },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const result = await services.reports.submit(
        actor,
        req.params.unitId,
        req.params.period,
        String(req.id),
      );
      return {
        ...result,
        report: await services.reports.detail(actor, req.params.unitId, req.params.period),
      };
    },
  );

  app.post(
    `${base}/return`,
    {
      schema: {
        tags,
        summary: 'Cấp trên trả lại báo cáo để chỉnh sửa',
        params: ReportParams,
        body: ReturnBody,
        response: { 200: ReportDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await services.reports.returnForCorrection(
        actor,
        req.params.unitId,
        req.params.period,
        req.body.reason,
        String(req.id),
      );
      return services.reports.detail(actor, req.params.unitId, req.params.period);
    },
  );
}

export const reportRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    readingRoutes(app, services);
    draftRoutes(app, services);
    submissionRoutes(app, services);
  };

// The response schemas describe exactly what the service returns (a field missing from one fails
// the typecheck here instead of being dropped by the serializer).
type Of<K extends keyof ReportsService> = Awaited<ReturnType<ReportsService[K]>>;
const shapes: [
  Same<z.infer<typeof ReportSchedule>, Of<'schedule'>>,
  Same<z.infer<typeof ReportOverview>, Of<'overview'>>,
  Same<z.infer<typeof ReportDetail>, Of<'detail'>>,
  Same<z.infer<typeof ReportSubmitResult>, Of<'submit'> & { report: Of<'detail'> }>,
] = [true, true, true, true];
void shapes;
