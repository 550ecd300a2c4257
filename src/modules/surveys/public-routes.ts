import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnswerBody, PublicSurveyOut } from './schema.js';
import { OkMessage } from '../../http/contract.js';

import type { SurveysService } from './service.js';

/** The browser's id for one-answer-per-browser surveys, kept a year (also in the page's localStorage). */
export const BROWSER_COOKIE = 'cchc_browser';
const BROWSER_ID = /^[A-Za-z0-9_-]{16,64}$/;
const Slug = z.object({ slug: z.string().min(4).max(40) });

/** Public, no login: the form and one answer. */
export const surveyPublicRoutes =
  (s: SurveysService, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
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
