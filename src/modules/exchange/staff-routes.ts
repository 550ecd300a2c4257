/** Staff routes of the exchange page: the unit's link to its superior, and the units below. */
import type { FastifyRequest } from 'fastify';
import { contentDisposition } from '../files/content-disposition.js';
import { actorOf } from '../../http/context.js';
import type { Actor } from '../auth/roles.js';
import type { Services } from '../../services.js';
import { ReportPackageV1 } from './package.js';
import type { RoutesApp } from './route-kit.js';
import { EXCHANGE_TAGS as tags } from './route-kit.js';
import {
  ConnectBody,
  ExchangeState,
  IdParams,
  IssueBody,
  IssueResult,
  PackageParams,
  SendBody,
  UnitBody,
  UnitQuery,
} from './schema.js';

/** Does a staff action on a unit (the caller's own unless given), then answers the exchange page. */
function stateAfterOf(svc: Services['exchange']) {
  return async (
    req: FastifyRequest,
    unitId: number | undefined,
    act: (actor: Actor, unitId: number) => Promise<unknown>,
  ) => {
    const actor = actorOf(req);
    const unit = unitId ?? actor.unitId;
    await act(actor, unit);
    return svc.state(actor, unit);
  };
}

/** The unit's side: its page, connecting to the superior, disconnecting, sending, retrying. */
export function registerUnitRoutes(app: RoutesApp, services: Services) {
  const svc = services.exchange;
  const stateAfter = stateAfterOf(svc);

  app.get(
    '/exchange',
    {
      schema: {
        tags,
        summary: 'Liên thông báo cáo: kết nối với cấp trên, các gói đã gửi, các đơn vị cấp dưới kết nối tới',
        querystring: UnitQuery,
        response: { 200: ExchangeState },
      },
    },
    async (req) => stateAfter(req, req.query.unitId, async () => undefined),
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
    async (req) => stateAfter(req, req.body.unitId, (actor, unitId) => svc.connect(actor, unitId, req.body)),
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
    async (req) => stateAfter(req, req.body.unitId, (actor, unitId) => svc.disconnect(actor, unitId)),
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
    async (req) =>
      stateAfter(req, req.body.unitId, (actor, unitId) =>
        svc.send(actor, unitId, req.body.period.toUpperCase()),
      ),
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
    async (req) => stateAfter(req, req.body.unitId, (actor) => svc.retry(actor, req.params.id)),
  );
}

/** The superior's side: connection tokens for the units below, and any period's package. */
export function registerSuperiorRoutes(app: RoutesApp, services: Services) {
  const svc = services.exchange;
  const stateAfter = stateAfterOf(svc);

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
    async (req) => stateAfter(req, req.body.unitId, (actor) => svc.revoke(actor, req.params.id)),
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
}
