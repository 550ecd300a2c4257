import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context.js';
import { IdParams } from '../units/schema.js';
import { presentSurvey, publicSurveyUrl } from './presenter.js';
import { CreateSurveyBody, SurveyBody, SurveyOut, SurveyTemplateOut } from './schema.js';
import { OkResult } from '../../http/contract.js';

import { SURVEY_LIMITS } from '../../shared/surveys.js';
import type { Actor } from '../auth/roles.js';
import type { SurveysService } from './service.js';

const tags = ['surveys'];
const origin = (req: { server: { linkBase: string } }) => req.server.linkBase;

/** A survey as the caller sees it (invitation counts for those who manage it). */
async function present(s: SurveysService, actor: Actor, id: number, o: string) {
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

/** The builder: templates, a unit's surveys, create, edit, archive, invitations. */
export const surveyBuilderRoutes =
  (s: SurveysService): FastifyPluginAsyncZod =>
  async (app) => {
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
        return present(s, actor, row.id, origin(req));
      },
    );
    app.get(
      '/surveys/:id',
      { schema: { tags, summary: 'Một khảo sát', params: IdParams, response: { 200: SurveyOut } } },
      async (req) => present(s, actorOf(req), req.params.id, origin(req)),
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
        return present(s, actor, req.params.id, origin(req));
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
          body: z.object({ count: z.number().int().min(1).max(SURVEY_LIMITS.invitations) }),
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
  };
