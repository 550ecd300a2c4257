import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { IdParams } from '../units/schema.js';
import { presentSurvey, publicSurveyUrl } from './presenter.js';
import {
  AnswerBody,
  CreateSurveyBody,
  PublicSurveyOut,
  ResultsOut,
  SurveyBody,
  SurveyOut,
  SurveyTemplateOut,
} from './schema.js';
import { contentDisposition } from '../files/content-disposition.js';
import { fileResponse, OkMessage, OkResult } from '../../http/contract.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The browser's id for one-answer-per-browser surveys, kept a year (also in the page's localStorage). */
export const BROWSER_COOKIE = 'cchc_browser';
const BROWSER_ID = /^[A-Za-z0-9_-]{16,64}$/;
const Slug = z.object({ slug: z.string().min(4).max(40) });

export const surveyRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['surveys'];
    const origin = (req: { server: { linkBase: string } }) => req.server.linkBase;
    const s = services.surveys;

    async function present(actor: ReturnType<typeof actorOf>, id: number, o: string) {
      const row = await s.loadReadable(actor, id);
      const stats = await s.stats(row);
      const canManage = s.canManage(actor, row.unit_id);
      return presentSurvey(row, {
        today: s.today(),
        origin: o,
        responses: stats.responses,
        canManage,
        ...(canManage ? { invitations: stats.invitations } : {}),
      });
    }

    app.get(
      '/surveys/templates',
      {
        schema: {
          tags,
          summary: 'Mẫu phiếu khảo sát có sẵn (SIPAS, đánh giá hồ sơ)',
          response: { 200: z.array(SurveyTemplateOut) },
        },
      },
      async (req) => {
        actorOf(req);
        return s.templates();
      },
    );
    app.get(
      '/surveys',
      {
        schema: {
          tags,
          summary: 'Khảo sát của đơn vị',
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.array(SurveyOut) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = req.query.unitId ?? actor.unitId;
        const rows = await s.list(actor, unitId);
        const canManage = s.canManage(actor, unitId);
        return rows.map((r) =>
          presentSurvey(r, { today: s.today(), origin: origin(req), responses: r.responses, canManage }),
        );
      },
    );
    app.post(
      '/surveys',
      { schema: { tags, summary: 'Tạo khảo sát', body: CreateSurveyBody, response: { 200: SurveyOut } } },
      async (req) => {
        const actor = actorOf(req);
        const row = await s.create(actor, req.body.unitId, req.body, String(req.id));
        return present(actor, row.id, origin(req));
      },
    );
    app.get(
      '/surveys/:id',
      { schema: { tags, summary: 'Một khảo sát', params: IdParams, response: { 200: SurveyOut } } },
      async (req) => present(actorOf(req), req.params.id, origin(req)),
    );
    app.put(
      '/surveys/:id',
      {
        schema: {
          tags,
          summary: 'Sửa khảo sát (câu hỏi khóa khi đã có trả lời)',
          params: IdParams,
          body: SurveyBody,
          response: { 200: SurveyOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await s.update(actor, req.params.id, req.body, String(req.id));
        return present(actor, req.params.id, origin(req));
      },
    );
    app.delete(
      '/surveys/:id',
      {
        schema: {
          tags,
          summary: 'Lưu trữ khảo sát (không xóa câu trả lời)',
          params: IdParams,
          response: { 200: OkResult },
        },
      },
      async (req) => {
        await s.remove(actorOf(req), req.params.id, String(req.id));
        return { ok: true };
      },
    );
    app.post(
      '/surveys/:id/invitations',
      {
        schema: {
          tags,
          summary: 'Tạo N mã mời (mỗi mã trả lời một lần; chỉ hiện một lần)',
          params: IdParams,
          body: z.object({ count: z.number().int().min(1).max(1000) }),
          response: { 200: z.object({ links: z.array(z.string()) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const row = await s.loadReadable(actor, req.params.id);
        const tokens = await s.invite(actor, req.params.id, req.body.count, String(req.id));
        const url = publicSurveyUrl(origin(req), row.slug);
        return { links: tokens.map((t) => `${url}?t=${t}`) };
      },
    );
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

    // Public, no login: the form and one answer.
    app.get(
      '/public/surveys/:slug',
      {
        schema: {
          tags: ['public'],
          summary: 'Phiếu khảo sát công khai',
          params: Slug,
          response: { 200: PublicSurveyOut },
        },
        config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } },
      },
      async (req) => {
        const { survey, state, questions } = await s.publicForm(req.params.slug);
        return {
          slug: survey.slug,
          title: survey.title,
          description: survey.description,
          unitName: survey.unit_name,
          state,
          opensOn: survey.opens_on,
          closesOn: survey.closes_on,
          needsToken: survey.anonymous === 0,
          questions: questions.map((q) => ({
            key: q.key,
            kind: q.kind,
            text: q.text,
            required: q.required,
            ...(q.options ? { options: q.options } : {}),
          })),
        };
      },
    );
    app.post(
      '/public/surveys/:slug/answers',
      {
        schema: {
          tags: ['public'],
          summary: 'Gửi câu trả lời (một lần mỗi mã mời / mỗi trình duyệt)',
          params: Slug,
          body: AnswerBody,
          response: { 200: OkMessage },
        },
        config: { rateLimit: { max: Math.max(1, Math.round(publicRateLimit / 6)), timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const fromCookie = req.cookies[BROWSER_COOKIE];
        const browserId = fromCookie && BROWSER_ID.test(fromCookie) ? fromCookie : req.body.browserId;
        await s.answer(req.params.slug, { answers: req.body.answers, token: req.body.token, browserId });
        if (browserId && browserId !== fromCookie)
          void reply.setCookie(BROWSER_COOKIE, browserId, {
            path: '/',
            httpOnly: true,
            sameSite: 'lax',
            maxAge: 365 * 86_400,
          });
        return { ok: true, message: 'Cảm ơn ông/bà đã trả lời khảo sát.' };
      },
    );
  };
