/** Routes called by a unit's own cchc server: enrolling its key, sending a signed package. */
import type { Services } from '../../services.js';
import { CONNECTION_HEADER, SIGNATURE_HEADER } from './context.js';
import { MEDIA_TYPES } from './package.js';
import type { RoutesApp } from './route-kit.js';
import { EXCHANGE_TAGS as tags } from './route-kit.js';
import { Ack, EnrolBody, EnrolResult } from './schema.js';

export function registerPeerRoutes(app: RoutesApp, services: Services, publicRateLimit: number) {
  const svc = services.exchange;

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
}
