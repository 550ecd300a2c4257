import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import type { Same } from '../../http/contract.js';
import type { Services } from '../../services.js';
import type { FeedbackService } from './service.js';
import { IdParams } from '../units/schema.js';
import { presentDetail, presentListItem, presentPublicAnswer, presentTrack } from './presenter.js';
import {
  ActionBody,
  EnterBody,
  FIELD_LABELS,
  ChallengeOut,
  FeedbackDetail,
  FeedbackFiguresOut,
  FeedbackSettingsOut,
  FeedbackListItem,
  FiguresQuery,
  ListQuery,
  PublicAnswer,
  PublicFeedbackForm,
  PublicAnswersQuery,
  PublicTrack,
  SettingsBody,
  SubmitFields,
  TemplateBody,
  TemplateOut,
  UnitQuery,
} from './schema.js';
import { FEEDBACK_FILE_MAX_BYTES, FEEDBACK_MAX_FILES } from './service.js';
import type { UploadedFile } from './service.js';
import { contentDisposition } from '../files/content-disposition.js';
import { fileResponse, OkResult } from '../../http/contract.js';

const PAGE = 50;
const PUBLIC_PAGE = 20;
/** Submissions one address may send: 5 in 10 minutes (a person rarely sends more; a script is stopped). */
export const FEEDBACK_SUBMIT_LIMIT = { max: 5, timeWindow: '10 minutes' } as const;

/** The public form: text fields and up to 3 files, each refused past 5 MB with a Vietnamese message. */
async function readForm(
  req: FastifyRequest,
): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!req.isMultipart()) throw new AppError('VALIDATION', 'Cần gửi biểu mẫu dưới dạng multipart/form-data.');
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of req.parts({
      limits: { fileSize: FEEDBACK_FILE_MAX_BYTES, files: FEEDBACK_MAX_FILES, fields: 20, fieldSize: 20_000 },
    })) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.file.truncated)
          throw new AppError('FILE_TOO_LARGE', `Tệp đính kèm "${part.filename}" vượt quá 5 MB cho phép.`);
        if (part.filename)
          files.push({ filename: part.filename, bytes: new Uint8Array(Buffer.concat(chunks)) });
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_FILES_LIMIT')
      throw new AppError('VALIDATION', `Chỉ được đính kèm tối đa ${FEEDBACK_MAX_FILES} tệp.`);
    throw e;
  }
  return { fields, files };
}

export const feedbackRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['feedback'];
    const fb = services.feedback;
    const origin = (req: { server: { linkBase: string } }) => req.server.linkBase;
    const publicLimit = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } };

    async function detail(actor: ReturnType<typeof actorOf>, id: number) {
      const d = await fb.detail(actor, id);
      return presentDetail(d.f, d.full, d.due, d.events, d.attachments, d.actions);
    }

    // ------------------------------------------------------------ staff

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
        return (await fb.withDue(rows)).map(({ item, due }) =>
          presentListItem(item, fb.seesPersonalData(actor, item.unit_id), due),
        );
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
          response: {
            200: z.object({ overdue: z.array(FeedbackListItem), dueSoon: z.array(FeedbackListItem) }),
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const lists = await fb.dueLists(actor, req.query.unitId ?? actor.unitId, req.query.subtree === '1');
        const show = ({ item, due }: (typeof lists.overdue)[number]) =>
          presentListItem(item, fb.seesPersonalData(actor, item.unit_id), due);
        return { overdue: lists.overdue.map(show), dueSoon: lists.dueSoon.map(show) };
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
        return fb.figuresFor(
          actor,
          req.query.unitId ?? actor.unitId,
          req.query.from,
          req.query.to,
          req.query.subtree === '1',
        );
      },
    );
    app.get(
      '/feedback/assignees',
      {
        schema: {
          tags,
          summary: 'Cán bộ của đơn vị có thể được phân công xử lý',
          querystring: UnitQuery,
          response: { 200: z.array(z.object({ id: z.number(), fullName: z.string() })) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = req.query.unitId ?? actor.unitId;
        await fb.settings(actor, unitId); // 404 outside the actor's reach
        if (!fb.seesPersonalData(actor, unitId)) throw new AppError('FORBIDDEN');
        return (await services.unitMembers(unitId))
          .filter((u) => u.active === 1)
          .map((u) => ({ id: u.id, fullName: u.full_name }));
      },
    );
    app.get(
      '/feedback/settings',
      {
        schema: {
          tags,
          summary: 'Thời hạn xử lý phản ánh của đơn vị (ngày làm việc)',
          querystring: UnitQuery,
          response: { 200: FeedbackSettingsOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return fb.settings(actor, req.query.unitId ?? actor.unitId);
      },
    );
    app.put(
      '/feedback/settings',
      {
        schema: {
          tags,
          summary: 'Đặt thời hạn xử lý phản ánh của đơn vị',
          body: SettingsBody,
          response: { 200: FeedbackSettingsOut },
        },
      },
      async (req) => {
        const { unitId, ...s } = req.body;
        return fb.saveSettings(actorOf(req), unitId, s, String(req.id));
      },
    );
    const presentTemplate = (t: {
      id: number;
      unit_id: number;
      title: string;
      body: string;
      updated_at: string;
    }) => ({ id: t.id, unitId: t.unit_id, title: t.title, body: t.body, updatedAt: t.updated_at });
    app.get(
      '/feedback/templates',
      {
        schema: {
          tags,
          summary: 'Mẫu trả lời của đơn vị',
          querystring: UnitQuery,
          response: { 200: z.array(TemplateOut) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return (await fb.templates(actor, req.query.unitId ?? actor.unitId)).map(presentTemplate);
      },
    );
    app.post(
      '/feedback/templates',
      { schema: { tags, summary: 'Thêm mẫu trả lời', body: TemplateBody, response: { 200: TemplateOut } } },
      async (req) =>
        presentTemplate(
          await fb.saveTemplate(actorOf(req), req.body.unitId, req.body, undefined, String(req.id)),
        ),
    );
    app.put(
      '/feedback/templates/:id',
      {
        schema: {
          tags,
          summary: 'Sửa mẫu trả lời',
          params: IdParams,
          body: TemplateBody,
          response: { 200: TemplateOut },
        },
      },
      async (req) =>
        presentTemplate(
          await fb.saveTemplate(actorOf(req), req.body.unitId, req.body, req.params.id, String(req.id)),
        ),
    );
    app.delete(
      '/feedback/templates/:id',
      {
        schema: {
          tags,
          summary: 'Bỏ mẫu trả lời (giữ lại trong nhật ký)',
          params: IdParams,
          response: { 200: OkResult },
        },
      },
      async (req) => {
        await fb.removeTemplate(actorOf(req), req.params.id, String(req.id));
        return { ok: true };
      },
    );
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
          params: z.object({
            id: z.coerce.number().int().positive(),
            attachmentId: z.coerce.number().int().positive(),
          }),
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

    // ------------------------------------------------------------ public, no login

    app.get(
      '/public/feedback/form',
      {
        schema: {
          tags: ['public'],
          summary: 'Đơn vị nhận phản ánh và phép tính kiểm tra',
          response: { 200: PublicFeedbackForm },
        },
        config: publicLimit,
      },
      async () => ({
        units: await fb.publicUnits(),
        challenge: await fb.issueChallenge(),
        maxFiles: FEEDBACK_MAX_FILES,
        maxFileMb: FEEDBACK_FILE_MAX_BYTES / 1048576,
      }),
    );
    app.get(
      '/public/feedback/challenge',
      {
        schema: { tags: ['public'], summary: 'Phép tính kiểm tra mới', response: { 200: ChallengeOut } },
        config: publicLimit,
      },
      async () => fb.issueChallenge(),
    );
    app.post(
      '/public/feedback',
      {
        schema: {
          tags: ['public'],
          summary: 'Gửi phản ánh, kiến nghị (multipart: trường văn bản và tối đa 3 tệp ảnh/PDF)',
          response: {
            200: z.object({
              code: z.string(),
              trackingToken: z.string(),
              trackingUrl: z.string(),
              message: z.string(),
            }),
          },
        },
        config: {
          rateLimit: {
            ...FEEDBACK_SUBMIT_LIMIT,
            errorResponseBuilder: () => new AppError('FEEDBACK_RATE_LIMITED'),
          },
        },
      },
      async (req) => {
        const { fields, files } = await readForm(req);
        // A field people never see: only a script fills it in.
        if (fields.website) throw new AppError('FEEDBACK_REJECTED');
        const parsed = SubmitFields.safeParse(fields);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const label = FIELD_LABELS[String(issue.path[0])] ?? String(issue.path[0]);
          throw new AppError('VALIDATION', `${label}: ${issue.message}`);
        }
        const f = parsed.data;
        await fb.checkChallenge(f.challengeToken, f.challengeAnswer);
        const { row, token } = await fb.submit(
          {
            unitId: f.unitId,
            sender: { name: f.name, address: f.address, phone: f.phone, email: f.email || null },
            title: f.title,
            content: f.content,
          },
          files,
          String(req.id),
        );
        return {
          code: row.code,
          trackingToken: token,
          trackingUrl: `${origin(req)}/phan-anh/theo-doi/${token}`,
          message: `Đã nhận phản ánh, kiến nghị số ${row.code}. Hãy lưu lại đường dẫn theo dõi: chỉ bạn có đường dẫn này.`,
        };
      },
    );
    app.get(
      '/public/feedback/track/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'Theo dõi phản ánh qua đường dẫn bí mật',
          params: z.object({ token: z.string().min(10).max(100) }),
          response: { 200: PublicTrack },
        },
        config: publicLimit,
      },
      async (req) => {
        const f = await fb.track(req.params.token);
        const d = await fb.publicEvents(f.id);
        return presentTrack(f, d);
      },
    );
    app.get(
      '/public/feedback/answers',
      {
        schema: {
          tags: ['public'],
          summary: 'Kết quả trả lời phản ánh đã công khai (tìm không dấu)',
          querystring: PublicAnswersQuery,
          response: {
            200: z.object({ items: z.array(PublicAnswer), page: z.number(), pageSize: z.number() }),
          },
        },
        config: publicLimit,
      },
      async (req) => {
        const rows = await fb.published({
          search: req.query.q,
          unitId: req.query.unitId,
          page: req.query.page,
          pageSize: PUBLIC_PAGE,
        });
        return { items: rows.map(presentPublicAnswer), page: req.query.page, pageSize: PUBLIC_PAGE };
      },
    );
  };

// The response schemas describe exactly what the service returns (a field missing from one fails
// the typecheck here instead of being dropped by the serializer).
type Of<K extends keyof FeedbackService> = Awaited<ReturnType<FeedbackService[K]>>;
const shapes: [
  Same<z.infer<typeof FeedbackFiguresOut>, Of<'figuresFor'>>,
  Same<z.infer<typeof FeedbackSettingsOut>, Of<'settings'>>,
  Same<z.infer<typeof ChallengeOut>, Of<'issueChallenge'>>,
  Same<z.infer<typeof PublicFeedbackForm>['units'], Of<'publicUnits'>>,
] = [true, true, true, true];
void shapes;
