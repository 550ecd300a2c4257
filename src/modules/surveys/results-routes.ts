import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.js';
import { IdParams } from '../units/schema.js';
import { publicSurveyUrl } from './presenter.js';
import { ResultsOut } from './schema.js';
import { contentDisposition } from '../files/content-disposition.js';
import { fileResponse } from '../../http/contract.js';

import type { SurveysService } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['surveys'];
const origin = (req: { server: { linkBase: string } }) => req.server.linkBase;

/** Results: figures, the .xlsx export, the QR code of the public link. */
export const surveyResultsRoutes =
  (s: SurveysService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/surveys/:id/results',
      {
        schema: {
          tags,
          summary: 'Kết quả khảo sát và tỷ lệ hài lòng',
          params: IdParams,
          response: { 200: ResultsOut },
        },
      },
      async (req) => {
        const r = await s.results(actorOf(req), req.params.id);
        return {
          surveyId: r.survey.id,
          responses: r.responses,
          counts: r.counts,
          satisfaction: r.satisfaction,
          questions: r.questions,
        };
      },
    );
    app.get(
      '/surveys/:id/export.xlsx',
      {
        schema: {
          tags,
          summary: 'Xuất câu trả lời (.xlsx)',
          params: IdParams,
          response: { 200: fileResponse('Câu trả lời (.xlsx)', XLSX) },
        },
      },
      async (req, reply) => {
        const buf = await s.workbook(actorOf(req), req.params.id);
        return reply
          .header('Content-Type', XLSX)
          .header('Content-Disposition', contentDisposition(`khao-sat-${req.params.id}.xlsx`))
          .send(buf);
      },
    );
    app.get(
      '/surveys/:id/qr.png',
      {
        schema: {
          tags,
          summary: 'Mã QR của đường dẫn công khai',
          params: IdParams,
          response: { 200: fileResponse('Ảnh mã QR', 'image/png') },
        },
      },
      async (req, reply) => {
        const row = await s.loadReadable(actorOf(req), req.params.id);
        const png = await s.qrPng(publicSurveyUrl(origin(req), row.slug));
        return reply
          .header('Content-Type', 'image/png')
          .header('Cache-Control', 'private, max-age=300')
          .send(png);
      },
    );
  };
