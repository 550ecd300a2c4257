import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIGURE_DEFINITIONS } from '../../core/metrics/index.js';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { IdParams } from '../units/schema.js';
import { FORMS, dossierForm, registerWorkbook } from './forms.js';
import { presentDetail, presentListItem, presentProcedure } from './presenter.js';
import {
  DossierDetail,
  DossierPage,
  FiguresOut,
  FiguresQuery,
  FlagsBody,
  ListQuery,
  ProcedureBody,
  ProcedureOut,
  PublicDossier,
  AccessLogEntry,
  DueSoonItem,
  RatingBody,
  RatingTarget,
  ReceiveBody,
  StepBody,
} from './schema.js';
import { contentDisposition } from '../files/content-disposition.js';
import { AppError } from '../../errors.js';
import { fileResponse, OkMessage } from '../../http/contract.js';

const PAGE = 50;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const dossierRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['dossiers'];
    const origin = (req: { server: { linkBase: string } }) => req.server.linkBase;

    async function detail(actor: ReturnType<typeof actorOf>, id: number) {
      const d = await services.dossiers.loadReadable(actor, id);
      const full = services.dossiers.seesPersonalData(actor, d.unit_id);
      if (full) await services.dossiers.logAccess(actor, d, 'view', 'Xem chi tiết hồ sơ');
      const [state, events] = await Promise.all([services.dossiers.stateOf(d), services.dossiers.events(d)]);
      return presentDetail(d, state, events, full);
    }

    app.get('/procedures', { schema: { tags, summary: 'Danh mục thủ tục hành chính của đơn vị', querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }), response: { 200: z.array(ProcedureOut) } } }, async (req) => {
      const actor = actorOf(req);
      return (await services.dossiers.procedures(actor, req.query.unitId ?? actor.unitId)).map(presentProcedure);
    });
    app.post('/procedures', { schema: { tags, summary: 'Thêm thủ tục vào danh mục', body: ProcedureBody.extend({ unitId: z.number().int().positive() }), response: { 200: ProcedureOut } } }, async (req) =>
      presentProcedure(await services.dossiers.saveProcedure(actorOf(req), req.body.unitId, req.body, undefined, String(req.id))),
    );
    app.put('/procedures/:id', { schema: { tags, summary: 'Sửa thủ tục', params: IdParams, body: ProcedureBody.extend({ unitId: z.number().int().positive() }), response: { 200: ProcedureOut } } }, async (req) =>
      presentProcedure(await services.dossiers.saveProcedure(actorOf(req), req.body.unitId, req.body, req.params.id, String(req.id))),
    );

    app.post('/dossiers', { schema: { tags, summary: 'Tiếp nhận hồ sơ (Mẫu 01)', body: ReceiveBody, response: { 200: DossierDetail } } }, async (req) => {
      const actor = actorOf(req);
      const row = await services.dossiers.receive(actor, req.body, String(req.id));
      return detail(actor, row.id);
    });
    app.get('/dossiers', { schema: { tags, summary: 'Sổ theo dõi hồ sơ (một trang và tổng số dòng)', querystring: ListQuery, response: { 200: DossierPage } } }, async (req) => {
      const actor = actorOf(req);
      const q = req.query;
      const { rows, total } = await services.dossiers.page(actor, { unitId: q.unitId, subtree: q.subtree === '1', status: q.status, from: q.from ? `${q.from}T00:00:00` : undefined, to: q.to ? `${q.to}T23:59:59` : undefined, search: q.q, limit: PAGE, offset: (q.page - 1) * PAGE });
      const now = services.nowIso();
      return { items: rows.map((d) => presentListItem(d, services.dossiers.seesPersonalData(actor, d.unit_id), now)), total, page: q.page, pageSize: PAGE };
    });
    app.get(
      '/dossiers/figures',
      { schema: { tags, summary: 'Số liệu giải quyết hồ sơ của một kỳ (kỳ chưa kết thúc tính đến hiện tại)', querystring: FiguresQuery, response: { 200: FiguresOut } } },
      async (req) => {
        const actor = actorOf(req);
        const figures = await services.dossiers.figures(actor, req.query.unitId ?? actor.unitId, req.query.from, req.query.to, req.query.subtree === '1');
        const period = { from: new Date(figures.period.from).toISOString(), to: new Date(figures.period.to).toISOString() };
        return { ...figures, period, definitions: FIGURE_DEFINITIONS };
      },
    );
    app.get('/dossiers/due-soon', { schema: { tags, summary: 'Hồ sơ sắp đến hạn, quá hạn', querystring: z.object({ unitId: z.coerce.number().int().positive().optional(), subtree: z.enum(['0', '1']).optional() }), response: { 200: z.array(DueSoonItem) } } }, async (req) => {
      const actor = actorOf(req);
      const items = await services.dossiers.dueSoonList(actor, req.query.unitId ?? actor.unitId, req.query.subtree === '1');
      return items.map(({ dossier, state }) => ({ ...presentListItem(dossier, services.dossiers.seesPersonalData(actor, dossier.unit_id), services.nowIso()), late: state.late, atRisk: state.atRisk, apologyRequired: state.apologyRequired }));
    });
    app.get('/dossiers/register.xlsx', { schema: { tags, summary: 'Mẫu 06: Sổ theo dõi hồ sơ (.xlsx)', querystring: FiguresQuery, response: { 200: fileResponse('Sổ theo dõi hồ sơ', XLSX) } } }, async (req, reply) => {
      const actor = actorOf(req);
      const unit = await services.units.get(actor, req.query.unitId ?? actor.unitId);
      if (!services.dossiers.seesPersonalData(actor, unit.id)) throw new AppError('FORBIDDEN', 'Chỉ cán bộ xử lý hồ sơ của đơn vị mới xuất được sổ có thông tin cá nhân.');
      const rows = await services.dossiers.list(actor, { unitId: unit.id, from: `${req.query.from}T00:00:00`, to: `${req.query.to}T23:59:59`, limit: 100_000, offset: 0 });
      await services.dossiers.logAccess(actor, { id: null, unit_id: unit.id }, 'export', `Xuất Mẫu 06 từ ${req.query.from} đến ${req.query.to} (${rows.length} hồ sơ)`);
      const buf = await registerWorkbook(unit, { from: req.query.from, to: req.query.to }, rows);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', contentDisposition(`so-theo-doi-ho-so-${req.query.from}-${req.query.to}.xlsx`)).send(buf);
    });
    app.get('/dossiers/access-log', { schema: { tags, summary: 'Nhật ký truy cập thông tin cá nhân', querystring: z.object({ unitId: z.coerce.number().int().positive().optional(), dossierId: z.coerce.number().int().positive().optional() }), response: { 200: z.array(AccessLogEntry) } } }, async (req) => {
      const actor = actorOf(req);
      const rows = await services.dossiers.accessLog(actor, req.query.unitId ?? actor.unitId, req.query.dossierId);
      return rows.map((r) => ({ at: r.at, user: r.user_name, kind: r.kind, dossierId: r.dossier_id, detail: r.detail }));
    });
    app.post('/dossiers/:id/rating-link', { schema: { tags, summary: 'Cấp lại liên kết đánh giá cho người dân (liên kết cũ hết hiệu lực)', params: IdParams, response: { 200: z.object({ ratingUrl: z.string() }) } } }, async (req) => {
      const token = await services.dossiers.reissueRatingLink(actorOf(req), req.params.id, String(req.id));
      return { ratingUrl: `${origin(req)}/danh-gia/${token}` };
    });
    app.get('/dossiers/:id', { schema: { tags, summary: 'Chi tiết hồ sơ', params: IdParams, response: { 200: DossierDetail } } }, async (req) => detail(actorOf(req), req.params.id));
    app.post(
      '/dossiers/:id/steps',
      { schema: { tags, summary: 'Ghi một bước xử lý hồ sơ', params: IdParams, body: StepBody, response: { 200: DossierDetail.extend({ ratingUrl: z.string().nullable() }) } } },
      async (req) => {
        const actor = actorOf(req);
        const { ratingToken } = await services.dossiers.step(actor, req.params.id, req.body, String(req.id));
        return { ...(await detail(actor, req.params.id)), ratingUrl: ratingToken ? `${origin(req)}/danh-gia/${ratingToken}` : null };
      },
    );
    app.patch('/dossiers/:id/flags', { schema: { tags, summary: 'Thanh toán trực tuyến, số hóa, kết quả điện tử', params: IdParams, body: FlagsBody, response: { 200: DossierDetail } } }, async (req) => {
      const actor = actorOf(req);
      await services.dossiers.setFlags(actor, req.params.id, req.body, String(req.id));
      return detail(actor, req.params.id);
    });
    app.get('/dossiers/:id/forms/:form', { schema: { tags, summary: 'Tải Mẫu 01–05 (.docx)', params: z.object({ id: z.coerce.number().int().positive(), form: z.enum(FORMS) }), response: { 200: fileResponse('Phiếu (.docx)', DOCX) } } }, async (req, reply) => {
      const actor = actorOf(req);
      const d = await services.dossiers.loadReadable(actor, req.params.id);
      if (!services.dossiers.seesPersonalData(actor, d.unit_id)) throw new AppError('FORBIDDEN', 'Chỉ cán bộ xử lý hồ sơ của đơn vị mới in được phiếu.');
      const [state, events, unit] = await Promise.all([services.dossiers.stateOf(d), services.dossiers.events(d), services.units.get(actor, d.unit_id)]);
      await services.dossiers.logAccess(actor, d, 'export', `Tải ${req.params.form}`);
      const buf = await dossierForm(req.params.form, d, unit, state, events, { lookupUrl: `${origin(req)}/tra-cuu/${encodeURIComponent(d.code)}`, userName: actor.fullName });
      return reply.header('Content-Type', DOCX).header('Content-Disposition', contentDisposition(`${req.params.form}-${d.code}.docx`)).send(buf);
    });

    // Public, no login: a citizen follows a dossier by its code, and rates it once through a secret link.
    app.get(
      '/public/dossiers/:code',
      { schema: { tags: ['public'], summary: 'Tra cứu tình trạng hồ sơ', params: z.object({ code: z.string().min(5).max(64) }), response: { 200: PublicDossier } }, config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } } },
      // Already JSON text (cached): fastify sends a string as it is; the schema documents its shape.
      async (req, reply) =>
        reply
          .type('application/json; charset=utf-8')
          .send((await services.dossiers.publicLookup(req.params.code)) as unknown as z.infer<typeof PublicDossier>),
    );
    app.get('/public/ratings/:token', { schema: { tags: ['public'], summary: 'Hồ sơ cần đánh giá', params: z.object({ token: z.string().min(10).max(100) }), response: { 200: RatingTarget } }, config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } } }, async (req) => {
      const d = await services.dossiers.ratingTarget(req.params.token);
      return { code: d.code, unitName: d.unit_name, procedureName: d.procedure_name, rated: d.rated_at !== null };
    });
    app.post('/public/ratings/:token', { schema: { tags: ['public'], summary: 'Đánh giá mức độ hài lòng (một lần)', params: z.object({ token: z.string().min(10).max(100) }), body: RatingBody, response: { 200: OkMessage } }, config: { rateLimit: { max: Math.max(1, Math.round(publicRateLimit / 6)), timeWindow: '1 minute' } } }, async (req) => {
      await services.dossiers.rate(req.params.token, req.body);
      return { ok: true, message: 'Cảm ơn bạn đã đánh giá.' };
    });
  };
