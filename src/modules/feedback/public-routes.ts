import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { presentPublicAnswer, presentTrack } from './presenter.js';
import {
  ChallengeOut,
  FIELD_LABELS,
  PublicAnswersOut,
  PublicAnswersQuery,
  PublicFeedbackForm,
  PublicTrack,
  SubmitFields,
  SubmitOut,
  TrackParams,
} from './schema.js';
import { FEEDBACK_FILE_MAX_BYTES, FEEDBACK_MAX_FILES } from './service.js';
import type { FeedbackService, UploadedFile } from './service.js';

const PUBLIC_PAGE = 20;
const tags = ['public'];
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

/** The form's fields checked, the first problem named by its field's Vietnamese label. */
function parseFields(fields: Record<string, string>) {
  // A field people never see: only a script fills it in.
  if (fields.website) throw new AppError('FEEDBACK_REJECTED');
  const parsed = SubmitFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const label = FIELD_LABELS[String(issue.path[0])] ?? String(issue.path[0]);
    throw new AppError('VALIDATION', `${label}: ${issue.message}`);
  }
  return parsed.data;
}

/** The public side, no login: the form, a new challenge, submission, tracking, published answers. */
export const feedbackPublicRoutes =
  (fb: FeedbackService, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } };

    app.get(
      '/public/feedback/form',
      {
        schema: {
          tags,
          summary: 'Đơn vị nhận phản ánh và phép tính kiểm tra',
          response: { 200: PublicFeedbackForm },
        },
        config,
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
      { schema: { tags, summary: 'Phép tính kiểm tra mới', response: { 200: ChallengeOut } }, config },
      async () => fb.issueChallenge(),
    );
    app.post(
      '/public/feedback',
      {
        schema: {
          tags,
          summary: 'Gửi phản ánh, kiến nghị (multipart: trường văn bản và tối đa 3 tệp ảnh/PDF)',
          response: { 200: SubmitOut },
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
        const f = parseFields(fields);
        await fb.checkChallenge(f.challengeToken, f.challengeAnswer);
        const sender = { name: f.name, address: f.address, phone: f.phone, email: f.email || null };
        const input = { unitId: f.unitId, sender, title: f.title, content: f.content };
        const { row, token } = await fb.submit(input, files, String(req.id));
        return {
          code: row.code,
          trackingToken: token,
          trackingUrl: `${req.server.linkBase}/phan-anh/theo-doi/${token}`,
          message: `Đã nhận phản ánh, kiến nghị số ${row.code}. Hãy lưu lại đường dẫn theo dõi: chỉ bạn có đường dẫn này.`,
        };
      },
    );
    app.get(
      '/public/feedback/track/:token',
      {
        schema: {
          tags,
          summary: 'Theo dõi phản ánh qua đường dẫn bí mật',
          params: TrackParams,
          response: { 200: PublicTrack },
        },
        config,
      },
      async (req) => {
        const f = await fb.track(req.params.token);
        return presentTrack(f, await fb.publicEvents(f.id));
      },
    );
    app.get(
      '/public/feedback/answers',
      {
        schema: {
          tags,
          summary: 'Kết quả trả lời phản ánh đã công khai (tìm không dấu)',
          querystring: PublicAnswersQuery,
          response: { 200: PublicAnswersOut },
        },
        config,
      },
      async (req) => {
        const q = req.query;
        const rows = await fb.published({
          search: q.q,
          unitId: q.unitId,
          page: q.page,
          pageSize: PUBLIC_PAGE,
        });
        return { items: rows.map(presentPublicAnswer), page: q.page, pageSize: PUBLIC_PAGE };
      },
    );
  };
