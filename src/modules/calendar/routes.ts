import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dueState } from '../../core/schedule/index.js';
import { actorOf } from '../../http/context.js';
import { parseJson } from '../../lib/json.js';
import type { Services } from '../../services.js';
import { IdParams } from '../units/schema.js';
import { FeedOut, MonthOut, MonthQuery, ScheduleVersionOut, SettingsOut, YearOut } from './schema.js';
import { ScheduleFile, UnitCalendarSettings, YearScheduleBody } from './settings.js';
import { fileResponse } from '../../http/contract.js';

type DueRow = Awaited<ReturnType<Services['calendar']['month']>>['dues'][number];

function presentDue(d: DueRow) {
  return {
    occurrenceId: d.id,
    due: d.due_date ?? '',
    label: d.label,
    deliverable: d.deliverable,
    status: d.status,
    taskId: d.task_id,
    taskCode: d.task_code,
    taskTitle: d.task_title,
    unitId: d.unit_id,
    unitCode: d.unit_code,
    unitName: d.unit_name,
  };
}

const YearParams = z.object({ year: z.coerce.number().int().min(1900).max(2200) });

export const calendarRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['calendar'];
    const origin = (req: { server: { linkBase: string } }) => req.server.linkBase;

    app.get(
      '/calendar/year',
      { schema: { tags, summary: 'Ngày nghỉ lễ, nghỉ bù và ngày làm bù của một năm', querystring: z.object({ unitId: z.coerce.number().int().positive().optional(), year: z.coerce.number().int().min(1900).max(2200) }), response: { 200: YearOut } } },
      async (req) => {
        const actor = actorOf(req);
        const r = await services.calendar.year(actor, req.query.unitId ?? actor.unitId, req.query.year);
        return { year: req.query.year, holidays: r.holidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind })), workingDays: r.workingDays };
      },
    );

    app.get('/calendar/month', { schema: { tags, summary: 'Lịch tháng: ngày nghỉ và các hạn của đơn vị', querystring: MonthQuery, response: { 200: MonthOut } } }, async (req) => {
      const actor = actorOf(req);
      const r = await services.calendar.month(actor, req.query.unitId ?? actor.unitId, req.query.month, req.query.subtree === '1');
      return { ...r, dues: r.dues.map(presentDue) };
    });

    app.get(
      '/deadlines',
      {
        schema: {
          tags,
          summary: 'Các hạn quá hạn và sắp đến hạn (chưa hoàn thành)',
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional(), subtree: z.enum(['0', '1']).optional(), days: z.coerce.number().int().min(1).max(90).default(14) }),
          response: { 200: z.object({ today: z.string(), items: MonthOut.shape.dues.element.extend({ state: z.enum(['overdue', 'due_soon', 'upcoming']) }).array() }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { today, rows } = await services.calendar.deadlines(actor, req.query.unitId ?? actor.unitId, req.query.subtree === '1', req.query.days);
        return {
          today,
          items: rows.map((d) => {
            const state = dueState(d.due_date, today);
            return {
              ...presentDue(d),
              state: state === 'overdue' || state === 'due_soon' ? state : ('upcoming' as const),
            };
          }),
        };
      },
    );

    app.post(
      '/calendar/schedules/import-text',
      { schema: { tags, summary: 'Nhập lịch nghỉ, làm bù từ nội dung tệp CSV/JSON', body: z.object({ text: z.string().min(1).max(1_000_000), source: z.string().max(1000).nullable().optional() }), response: { 200: z.object({ saved: z.array(z.object({ year: z.number(), version: z.number() })) }) } } },
      async (req) => {
        const rows = await services.calendar.importText(actorOf(req), req.body.text, req.body.source ?? null, String(req.id));
        return { saved: rows.map((r) => ({ year: r.year, version: r.version })) };
      },
    );

    app.get('/calendar/schedules/:year', { schema: { tags, summary: 'Các phiên bản lịch nghỉ, làm bù công bố của một năm', params: YearParams, response: { 200: z.array(ScheduleVersionOut) } } }, async (req) => {
      actorOf(req);
      return (await services.calendar.schedules(req.params.year)).map((r) => ({
        id: r.id,
        year: r.year,
        version: r.version,
        status: r.status,
        daysOff: parseJson(r.days_off_json, []),
        workingDays: parseJson(r.working_days_json, []),
        source: r.source,
        author: r.author,
        createdAt: r.created_at,
      }));
    });

    app.put('/calendar/schedules/:year', { schema: { tags, summary: 'Lưu lịch nghỉ, làm bù của một năm (phiên bản mới)', params: YearParams, body: YearScheduleBody, response: { 200: z.object({ version: z.number() }) } } }, async (req) => {
      const row = await services.calendar.saveSchedule(actorOf(req), req.params.year, req.body, String(req.id));
      return { version: row.version };
    });

    app.post('/calendar/schedules/import', { schema: { tags, summary: 'Nhập tệp lịch nghỉ, làm bù (một hoặc nhiều năm, tất cả hoặc không)', body: ScheduleFile, response: { 200: z.object({ saved: z.array(z.object({ year: z.number(), version: z.number() })) }) } } }, async (req) => {
      const rows = await services.calendar.importFile(actorOf(req), req.body, String(req.id));
      return { saved: rows.map((r) => ({ year: r.year, version: r.version })) };
    });

    app.get('/units/:id/calendar-settings', { schema: { tags, summary: 'Cài đặt lịch làm việc của đơn vị (kế thừa đơn vị cấp trên)', params: IdParams, response: { 200: SettingsOut } } }, async (req) =>
      services.calendar.settings(actorOf(req), req.params.id),
    );
    app.put('/units/:id/calendar-settings', { schema: { tags, summary: 'Lưu cài đặt lịch làm việc riêng của đơn vị', params: IdParams, body: UnitCalendarSettings, response: { 200: SettingsOut } } }, async (req) =>
      services.calendar.saveSettings(actorOf(req), req.params.id, req.body, String(req.id)),
    );

    app.get('/calendar/feed', { schema: { tags, summary: 'Trạng thái liên kết lịch cá nhân (.ics)', response: { 200: FeedOut } } }, async (req) => ({
      ...(await services.calendar.feedStatus(actorOf(req))),
      url: null,
    }));
    app.post('/calendar/feed', { schema: { tags, summary: 'Tạo liên kết lịch cá nhân mới (liên kết cũ hết hiệu lực)', response: { 200: FeedOut } } }, async (req) => {
      const actor = actorOf(req);
      const token = await services.calendar.createFeed(actor);
      return { ...(await services.calendar.feedStatus(actor)), url: `${origin(req)}/api/calendar/ics/${token}` };
    });
    app.delete('/calendar/feed', { schema: { tags, summary: 'Thu hồi liên kết lịch cá nhân', response: { 200: FeedOut } } }, async (req) => {
      const actor = actorOf(req);
      await services.calendar.revokeFeed(actor);
      return { ...(await services.calendar.feedStatus(actor)), url: null };
    });
    // Public by design: the secret in the URL is the credential (calendar apps send no cookie).
    app.get(
      '/calendar/ics/:token',
      { schema: { tags, summary: 'Lịch hạn cá nhân (iCalendar)', params: z.object({ token: z.string().min(20).max(100) }), response: { 200: fileResponse('Lịch iCalendar', 'text/calendar') } }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (req, reply) => {
        const ics = await services.calendar.feedIcs(req.params.token, origin(req));
        return reply.header('Content-Type', 'text/calendar; charset=utf-8').header('Cache-Control', 'private, max-age=300').send(ics);
      },
    );
  };
