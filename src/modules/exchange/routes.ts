import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.js';
import type { Services } from '../../services.js';
import { MEDIA_TYPES, ReportPackageV1 } from './package.js';
import {
  Ack,
  ConnectBody,
  EnrolBody,
  EnrolResult,
  ExchangeState,
  IdParams,
  IssueBody,
  IssueResult,
  PackageParams,
  SendBody,
  UnitBody,
  UnitQuery,
} from './schema.js';
import { CONNECTION_HEADER, SIGNATURE_HEADER } from './service.js';
import { contentDisposition } from '../files/content-disposition.js';

/**
 * Report exchange with a superior's server. Staff routes need a session; the two `v1` routes are
 * called by another cchc server and are authenticated by the token (enrol) and by the Ed25519
 * signature over the exact body (packages). Register under `/api`.
 */
export const exchangeRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['exchange'];
    const svc = services.exchange;
    const state = (req: Parameters<typeof actorOf>[0], unitId: number | undefined) => {
      const actor = actorOf(req);
      return svc.state(actor, unitId ?? actor.unitId);
    };

    // The package is read as bytes: the signature covers them exactly.
    app.addContentTypeParser(MEDIA_TYPES.package, { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      '/exchange',
      {
        schema: {
          tags,
          summary:
            'Liên thông báo cáo: kết nối với cấp trên, các gói đã gửi, các đơn vị cấp dưới kết nối tới',
          querystring: UnitQuery,
          response: { 200: ExchangeState },
        },
      },
      async (req) => state(req, req.query.unitId),
    );

    app.post(
      '/exchange/link',
      {
        schema: {
          tags,
          summary: 'Kết nối đơn vị với hệ thống cchc của cấp trên (địa chỉ và mã kết nối do cấp trên cấp)',
          body: ConnectBody,
          response: { 200: ExchangeState },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = req.body.unitId ?? actor.unitId;
        await svc.connect(actor, unitId, req.body);
        return svc.state(actor, unitId);
      },
    );

    app.post(
      '/exchange/link/disconnect',
      {
        schema: {
          tags,
          summary: 'Ngắt kết nối với hệ thống cấp trên',
          body: UnitBody,
          response: { 200: ExchangeState },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = req.body.unitId ?? actor.unitId;
        await svc.disconnect(actor, unitId);
        return svc.state(actor, unitId);
      },
    );

    app.post(
      '/exchange/send',
      {
        schema: {
          tags,
          summary: 'Gửi (lại) báo cáo đã nộp của một kỳ lên hệ thống cấp trên',
          body: SendBody,
          response: { 200: ExchangeState },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = req.body.unitId ?? actor.unitId;
        await svc.send(actor, unitId, req.body.period.toUpperCase());
        return svc.state(actor, unitId);
      },
    );

    app.post(
      '/exchange/deliveries/:id/retry',
      {
        schema: {
          tags,
          summary: 'Gửi lại ngay một gói báo cáo',
          params: IdParams,
          body: UnitBody,
          response: { 200: ExchangeState },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await svc.retry(actor, req.params.id);
        return svc.state(actor, req.body.unitId ?? actor.unitId);
      },
    );

    app.post(
      '/exchange/connections',
      {
        schema: {
          tags,
          summary: 'Cấp mã kết nối liên thông cho một đơn vị cấp dưới (mã chỉ hiện một lần)',
          body: IssueBody,
          response: { 200: IssueResult },
        },
      },
      async (req) => svc.issue(actorOf(req), req.body.unitId),
    );

    app.post(
      '/exchange/connections/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Thu hồi kết nối của một đơn vị cấp dưới',
          params: IdParams,
          body: UnitBody,
          response: { 200: ExchangeState },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await svc.revoke(actor, req.params.id);
        return svc.state(actor, req.body.unitId ?? actor.unitId);
      },
    );

    app.get(
      '/exchange/reports/:unitId/:period/package.json',
      {
        schema: {
          tags,
          summary: 'Gói số liệu báo cáo đã gửi (JSON, định dạng ReportPackageV1) cho hệ thống khác',
          params: PackageParams,
          response: {
            200: {
              description: 'Gói báo cáo, đúng từng byte đã gửi hoặc đã nhận',
              content: { 'application/json': { schema: ReportPackageV1 } },
            },
          },
        },
      },
      async (req, reply) => {
        const bytes = await svc.packageOf(actorOf(req), req.params.unitId, req.params.period.toUpperCase());
        return (
          reply
            .type('application/json; charset=utf-8')
            .header(
              'Content-Disposition',
              contentDisposition(`bao-cao-${req.params.unitId}-${req.params.period.toUpperCase()}.json`),
            )
            // The stored bytes as they are (fastify sends a Buffer unserialised); the schema documents them.
            .send(Buffer.from(bytes) as unknown as ReportPackageV1)
        );
      },
    );

    // ---- Called by a unit's own cchc server -------------------------------------------------

    app.post(
      '/exchange/v1/enrol',
      {
        schema: {
          tags,
          summary: 'Máy chủ của đơn vị cấp dưới đăng ký khóa công khai bằng mã kết nối',
          body: EnrolBody,
          response: { 200: EnrolResult },
        },
        config: { sessionless: true, rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } },
      },
      async (req) => svc.enrol(req.body),
    );

    app.post(
      '/exchange/v1/packages',
      {
        schema: {
          tags,
          summary: 'Nhận một gói báo cáo liên thông (ReportPackageV1) đã ký',
          description:
            `Thân yêu cầu: một ReportPackageV1 (${MEDIA_TYPES.package}). Tiêu đề ${CONNECTION_HEADER}: mã kết nối; ` +
            `${SIGNATURE_HEADER}: "ed25519=" + chữ ký Ed25519 (base64) trên đúng các byte của thân yêu cầu. ` +
            'Gói đã nhận (cùng mã, cùng nội dung) được xác nhận lại; gói sai chữ ký bị từ chối (401).',
          consumes: [MEDIA_TYPES.package],
          response: { 200: Ack },
        },
        config: { sessionless: true, rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } },
      },
      async (req) => {
        const body = req.body as Buffer | undefined;
        const header = (name: string) => {
          const v = req.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        return svc.receive(
          header(CONNECTION_HEADER),
          header(SIGNATURE_HEADER),
          new Uint8Array(body ?? Buffer.alloc(0)),
        );
      },
    );
  };
