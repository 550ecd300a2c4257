import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { IdParams } from '../units/schema.js';
import { presentNotification, presentOutbox } from './presenter.js';
import {
  NotificationList,
  NotificationOut,
  NotificationQuery,
  OutboxList,
  OutboxQuery,
  PreferencesBody,
  PreferencesOut,
} from './schema.js';
import { NOTIFICATION_PAGE, OUTBOX_PAGE } from './service.js';

/** My notifications and preferences; the outbox for administrators. */
export const reminderRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['notifications'];

    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'Thông báo của tôi (mới nhất trước)',
          querystring: NotificationQuery,
          response: { 200: NotificationList },
        },
      },
      async (req) => {
        const r = await services.reminders.notifications(actorOf(req), {
          unreadOnly: req.query.unread === '1',
          page: req.query.page,
        });
        return {
          items: r.items.map(presentNotification),
          unread: r.unread,
          page: req.query.page,
          pageSize: NOTIFICATION_PAGE,
        };
      },
    );
    app.get(
      '/notifications/unread-count',
      {
        schema: {
          tags,
          summary: 'Số thông báo chưa đọc (chuông)',
          response: { 200: z.object({ count: z.number() }) },
        },
      },
      async (req) => ({
        count: await services.reminders.unreadCount(actorOf(req)),
      }),
    );
    app.post(
      '/notifications/:id/read',
      { schema: { tags, summary: 'Đánh dấu đã đọc', params: IdParams, response: { 200: NotificationOut } } },
      async (req) => presentNotification(await services.reminders.markRead(actorOf(req), req.params.id)),
    );
    app.post(
      '/notifications/read-all',
      {
        schema: {
          tags,
          summary: 'Đánh dấu tất cả đã đọc',
          response: { 200: z.object({ updated: z.number() }) },
        },
      },
      async (req) => ({
        updated: await services.reminders.markAllRead(actorOf(req)),
      }),
    );
    app.get(
      '/notifications/preferences',
      {
        schema: {
          tags,
          summary: 'Loại nhắc việc tôi nhận, qua e-mail và trong ứng dụng',
          response: { 200: PreferencesOut },
        },
      },
      async (req) => services.reminders.preferences(actorOf(req)),
    );
    app.put(
      '/notifications/preferences',
      {
        schema: {
          tags,
          summary: 'Lưu lựa chọn nhận nhắc việc',
          body: PreferencesBody,
          response: { 200: PreferencesOut },
        },
      },
      async (req) => services.reminders.savePreferences(actorOf(req), req.body.items, String(req.id)),
    );
    app.get(
      '/outbox',
      {
        schema: {
          tags,
          summary: 'Hộp thư đi: mọi nhắc việc đã tạo và trạng thái e-mail (quản trị viên)',
          querystring: OutboxQuery,
          response: { 200: OutboxList },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const q = req.query;
        const r = await services.reminders.outbox(actor, {
          unitId: q.unitId ?? actor.unitId,
          subtree: q.subtree === '1',
          status: q.status,
          kind: q.kind,
          page: q.page,
        });
        return { items: r.items.map(presentOutbox), total: r.total, page: q.page, pageSize: OUTBOX_PAGE };
      },
    );
  };
