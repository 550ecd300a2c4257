import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { contentDisposition } from '../files/content-disposition.js';
import { actorOf } from '../../http/context.js';
import { fileResponse } from '../../http/contract.js';
import type { Actor } from '../auth/roles.js';
import { IdParams } from '../units/schema.js';
import { presentDetail, presentListItem } from './presenter.js';
import type { WithDue } from './register.js';
import {
  ActionBody,
  AssigneeOut,
  AttachmentParams,
  DueListsOut,
  EnterBody,
  FeedbackDetail,
  FeedbackFiguresOut,
  FeedbackListItem,
  FiguresQuery,
  ListQuery,
  UnitQuery,
} from './schema.js';
import type { FeedbackService } from './service.js';

const PAGE = 50;
const tags = ['feedback'];

/** Who works in a unit (to pick an assignee). */
type Members = (unitId: number) => Promise<{ id: number; full_name: string; active: number }[]>;

/** The item's detail as the caller may see it. */
async function detailFor(fb: FeedbackService, actor: Actor, id: number) {
  const d = await fb.detail(actor, id);
  return presentDetail(d.f, d.full, d.due, d.events, d.attachments, d.actions);
}

/** The register: list, staff entry, due lists, figures, assignees. */
export const feedbackRegisterRoutes =
  (fb: FeedbackService, unitMembers: Members): FastifyPluginAsyncZod =>
  async (app) => {
    const listItem =
      (actor: Actor) =>
      ({ item, due }: WithDue) =>
        presentListItem(item, fb.seesPersonalData(actor, item.unit_id), due);
    const detail = (actor: Actor, id: number) => detailFor(fb, actor, id);
    app.get(
      '/feedback',
      {
        schema: {
          tags,
          summary: 'Sổ theo dõi phản ánh, kiến nghị',
          querystring: ListQuery,
          response: { 200: z.array(FeedbackListItem) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const q = req.query;
        const rows = await fb.list(actor, {
          unitId: q.unitId,
          subtree: q.subtree === '1',
          status: q.status,
          state: q.state,
          search: q.q,
          limit: PAGE,
          offset: (q.page - 1) * PAGE,
        });
        return (await fb.withDue(rows)).map(listItem(actor));
      },
    );
    app.post(
      '/feedback',
      {
        schema: {
          tags,
          summary: 'Ghi phản ánh nhận qua điện thoại, thư, Cổng 1022',
          body: EnterBody,
          response: { 200: FeedbackDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const row = await fb.enter(actor, req.body, String(req.id));
        return detail(actor, row.id);
      },
    );
    app.get(
      '/feedback/due',
      {
        schema: {
          tags,
          summary: 'Phản ánh quá hạn và sắp đến hạn',
          querystring: UnitQuery,
          response: { 200: DueListsOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const lists = await fb.dueLists(actor, req.query.unitId ?? actor.unitId, req.query.subtree === '1');
        return { overdue: lists.overdue.map(listItem(actor)), dueSoon: lists.dueSoon.map(listItem(actor)) };
      },
    );
    app.get(
      '/feedback/figures',
      {
        schema: {
          tags,
          summary: 'Số liệu tiếp nhận, trả lời, công khai phản ánh của một kỳ',
          querystring: FiguresQuery,
          response: { 200: FeedbackFiguresOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const q = req.query;
        return fb.figuresFor(actor, q.unitId ?? actor.unitId, q.from, q.to, q.subtree === '1');
      },
    );
    app.get(
      '/feedback/assignees',
      {
        schema: {
          tags,
          summary: 'Cán bộ của đơn vị có thể được phân công xử lý',
          querystring: UnitQuery,
          response: { 200: z.array(AssigneeOut) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = req.query.unitId ?? actor.unitId;
        await fb.settings(actor, unitId); // 404 outside the actor's reach
        if (!fb.seesPersonalData(actor, unitId)) throw new AppError('FORBIDDEN');
        return (await unitMembers(unitId))
          .filter((u) => u.active === 1)
          .map((u) => ({ id: u.id, fullName: u.full_name }));
      },
    );
  };

/** One item: its detail, a workflow step, an attachment. */
export const feedbackItemRoutes =
  (fb: FeedbackService): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = (actor: Actor, id: number) => detailFor(fb, actor, id);
    app.get(
      '/feedback/:id',
      { schema: { tags, summary: 'Chi tiết phản ánh', params: IdParams, response: { 200: FeedbackDetail } } },
      async (req) => detail(actorOf(req), req.params.id),
    );
    app.post(
      '/feedback/:id/actions',
      {
        schema: {
          tags,
          summary: 'Một bước xử lý phản ánh',
          params: IdParams,
          body: ActionBody,
          response: { 200: FeedbackDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await fb.act(actor, req.params.id, req.body, String(req.id));
        return detail(actor, req.params.id);
      },
    );
    app.get(
      '/feedback/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Tải tệp đính kèm',
          params: AttachmentParams,
          response: { 200: fileResponse('Tệp đính kèm', 'application/octet-stream') },
        },
      },
      async (req, reply) => {
        const a = await fb.attachment(actorOf(req), req.params.id, req.params.attachmentId);
        return reply
          .header('Content-Type', a.mime)
          .header('Content-Disposition', contentDisposition(a.filename, { mime: a.mime }))
          .header('X-Content-Type-Options', 'nosniff')
          .send(Buffer.from(a.bytes));
      },
    );
  };
