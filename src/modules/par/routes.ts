/**
 * The PAR Index routes, one registrar per use case (criteria sets, self-assessment, evidence,
 * appraisal, results, outputs). Register under `/api`. Every route has the same shape: tag `par`,
 * a summary, its zod schemas, and a call of one named use case with the signed-in actor.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { contentDisposition } from '../files/content-disposition.js';
import { fileResponse } from '../../http/contract.js';
import { intField, readUpload } from '../../http/multipart.js';
import { PAR_LIMITS } from '../../shared/par.js';
import type { Services } from '../../services.js';
import { UNIT_KIND_KEYS } from '../units/kinds.js';
import {
  AppraiseBody,
  AssessmentOut,
  CriteriaImportOut,
  CriteriaPreviewOut,
  CriterionPatch,
  ExplainBody,
  FinalizeBody,
  IdParams,
  LeafParams,
  LinkBody,
  Ok,
  PreviousIndexBody,
  RankingOut,
  RankingQuery,
  ReturnBody,
  ScoreBody,
  SetDetailOut,
  SetListOut,
  SetQuery,
  UnitYearOut,
  UnitYearParams,
} from './schema.js';
import type { ParService } from './service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
} as const;

const consumes = ['multipart/form-data'];

/** The route options every PAR route shares: the `par` tag, its summary and its schemas. */
const spec = <S extends object>(summary: string, schema: S) => ({
  schema: { tags: ['par'], summary, ...schema },
});
/** A route that answers with the assessment as it stands after the change. */
const assessment = <S extends object>(summary: string, schema: S) =>
  spec(summary, { ...schema, response: { 200: AssessmentOut } });

async function criteriaForm(req: FastifyRequest, uploadMaxBytes: number) {
  const form = await readUpload(req, uploadMaxBytes);
  if (!form.file || form.file.bytes.length === 0)
    throw new AppError('FILE_EMPTY', 'Chưa chọn tệp bộ tiêu chí (.xlsx).');
  return { fields: form.fields, file: form.file };
}

/** The fields of the criteria import form, checked as the form asks for them. */
function setFields(f: Record<string, string>) {
  const year = intField(f, 'year');
  if (!year || year < PAR_LIMITS.yearMin || year > PAR_LIMITS.yearMax)
    throw new AppError('VALIDATION', 'Hãy ghi năm áp dụng của bộ tiêu chí.');
  const name = (f.name ?? '').trim();
  if (name.length < PAR_LIMITS.setNameMin) throw new AppError('VALIDATION', 'Hãy ghi tên bộ tiêu chí.');
  const unitKind = f.unitKind?.trim() || null;
  if (unitKind !== null && !(UNIT_KIND_KEYS as readonly string[]).includes(unitKind))
    throw new AppError('VALIDATION', 'Loại đơn vị áp dụng không hợp lệ.');
  return { name, year, unitKind, source: f.source?.trim() || null };
}

function criteriaSetRoutes(app: App, svc: ParService, uploadMaxBytes: number) {
  app.post(
    '/par/criteria-sets/preview',
    spec('Đọc thử bộ tiêu chí từ tệp .xlsx: cây tiêu chí, tổng điểm, các chỗ không khớp (không lưu)', {
      consumes,
      response: { 200: CriteriaPreviewOut },
    }),
    async (req) => {
      actorOf(req);
      return svc.previewCriteria((await criteriaForm(req, uploadMaxBytes)).file);
    },
  );
  app.post(
    '/par/criteria-sets',
    spec('Nhập bộ tiêu chí (tất cả hoặc không gì cả; mỗi lần nhập là một phiên bản mới của năm)', {
      consumes,
      response: { 200: CriteriaImportOut },
    }),
    async (req) => {
      const actor = actorOf(req);
      const form = await criteriaForm(req, uploadMaxBytes);
      const input = setFields(form.fields);
      return svc.importCriteria(
        actor,
        { ownerUnitId: intField(form.fields, 'unitId') ?? actor.unitId, ...input },
        form.file,
      );
    },
  );
  app.get(
    '/par/criteria-sets',
    spec('Các bộ tiêu chí áp dụng cho đơn vị (của cấp trên) và do đơn vị ban hành', {
      querystring: SetQuery,
      response: { 200: SetListOut },
    }),
    async (req) => {
      const actor = actorOf(req);
      return svc.listSets(actor, req.query.unitId ?? actor.unitId, req.query.year);
    },
  );
  app.get(
    '/par/criteria-sets/:id',
    spec('Một bộ tiêu chí: cây tiêu chí và cách chấm từng tiêu chí thành phần', {
      params: IdParams,
      response: { 200: SetDetailOut },
    }),
    async (req) => svc.setDetail(actorOf(req), req.params.id),
  );
  app.patch(
    '/par/criteria/:id',
    spec('Sửa một tiêu chí: tên, hướng dẫn, tài liệu kiểm chứng, cách chấm', {
      params: IdParams,
      body: CriterionPatch,
      response: { 200: SetDetailOut },
    }),
    async (req) => svc.editCriterion(actorOf(req), req.params.id, req.body),
  );
}

function selfAssessmentRoutes(app: App, svc: ParService) {
  app.get(
    '/par/units/:unitId/years/:year',
    spec('Bản tự đánh giá của đơn vị trong năm (hoặc bộ tiêu chí sẽ áp dụng)', {
      params: UnitYearParams,
      response: { 200: UnitYearOut },
    }),
    async (req) => svc.forUnitYear(actorOf(req), req.params.unitId, req.params.year),
  );
  app.post(
    '/par/units/:unitId/years/:year',
    assessment('Bắt đầu tự đánh giá theo bộ tiêu chí cấp trên ban hành', { params: UnitYearParams }),
    async (req) => svc.start(actorOf(req), req.params.unitId, req.params.year),
  );
  app.get(
    '/par/assessments/:id',
    assessment('Bản tự đánh giá: cây tiêu chí, điểm, minh chứng, tiến độ, thao tác được phép', {
      params: IdParams,
    }),
    async (req) => svc.detail(actorOf(req), req.params.id),
  );
  app.put(
    '/par/assessments/:id/scores/:criterionId',
    assessment('Tự chấm một tiêu chí thành phần (hoặc "không áp dụng") với ghi chú', {
      params: LeafParams,
      body: ScoreBody,
    }),
    async (req) => svc.score(actorOf(req), req.params.id, req.params.criterionId, req.body),
  );
  app.post(
    '/par/assessments/:id/submit',
    assessment('Gửi cấp trên thẩm định (sau đó không sửa điểm tự chấm được nữa)', { params: IdParams }),
    async (req) => svc.submit(actorOf(req), req.params.id),
  );
}

function evidenceRoutes(app: App, svc: ParService, uploadMaxBytes: number) {
  app.post(
    '/par/assessments/:id/scores/:criterionId/evidence',
    assessment('Nộp tệp tài liệu kiểm chứng cho một tiêu chí', { params: LeafParams, consumes }),
    async (req) => {
      const actor = actorOf(req);
      const form = await readUpload(req, uploadMaxBytes);
      if (!form.file) throw new AppError('FILE_EMPTY', 'Chưa chọn tệp minh chứng.');
      return svc.attachFile(actor, req.params.id, req.params.criterionId, form.file);
    },
  );
  app.post(
    '/par/assessments/:id/scores/:criterionId/links',
    assessment('Gắn minh chứng đã có trong hệ thống: tệp minh chứng của nhiệm vụ, báo cáo đã gửi', {
      params: LeafParams,
      body: LinkBody,
    }),
    async (req) => svc.attachLink(actorOf(req), req.params.id, req.params.criterionId, req.body),
  );
  app.post(
    '/par/evidence/:id/withdraw',
    assessment('Rút một minh chứng (giữ lại, không xóa)', { params: IdParams }),
    async (req) => svc.withdrawEvidence(actorOf(req), req.params.id),
  );
  app.get(
    '/par/evidence/:id/file',
    spec('Tải tệp minh chứng', {
      params: IdParams,
      response: { 200: fileResponse('Tệp minh chứng', 'application/octet-stream') },
    }),
    async (req, reply) => {
      const f = await svc.evidenceFile(actorOf(req), req.params.id);
      return reply
        .header('content-type', f.type)
        .header('content-disposition', contentDisposition(f.name))
        .send(Buffer.from(f.bytes));
    },
  );
}

function appraisalRoutes(app: App, svc: ParService) {
  app.put(
    '/par/assessments/:id/scores/:criterionId/appraisal',
    assessment('Thẩm định điểm một tiêu chí (lý do bắt buộc khi điều chỉnh)', {
      params: LeafParams,
      body: AppraiseBody,
    }),
    async (req) => svc.appraise(actorOf(req), req.params.id, req.params.criterionId, req.body),
  );
  app.post(
    '/par/assessments/:id/return',
    assessment('Trả lại để đơn vị giải trình', { params: IdParams, body: ReturnBody }),
    async (req) => svc.returnForExplanation(actorOf(req), req.params.id, req.body.reason),
  );
  app.put(
    '/par/assessments/:id/scores/:criterionId/explanation',
    assessment('Giải trình một tiêu chí', { params: LeafParams, body: ExplainBody }),
    async (req) => svc.explain(actorOf(req), req.params.id, req.params.criterionId, req.body.explanation),
  );
  app.post(
    '/par/assessments/:id/explanations',
    assessment('Gửi giải trình cho cấp trên', { params: IdParams }),
    async (req) => svc.sendExplanations(actorOf(req), req.params.id),
  );
  app.post(
    '/par/assessments/:id/finalize',
    assessment('Kết thúc thẩm định: chỉ số cuối cùng (có thể cộng phần khảo sát)', {
      params: IdParams,
      body: FinalizeBody,
    }),
    async (req) => svc.finalize(actorOf(req), req.params.id, req.body),
  );
}

function resultRoutes(app: App, svc: ParService) {
  app.put(
    '/par/units/:unitId/years/:year/previous-index',
    spec('Nhập một lần Chỉ số CCHC của một năm hệ thống chưa có dữ liệu', {
      params: UnitYearParams,
      body: PreviousIndexBody,
      response: { 200: Ok },
    }),
    async (req) => {
      const { unitId, year } = req.params;
      await svc.enterPreviousIndex(actorOf(req), unitId, year, req.body.value, req.body.note ?? null);
      return { ok: true as const };
    },
  );
  app.get(
    '/par/ranking',
    spec('Xếp hạng Chỉ số CCHC các đơn vị trực thuộc, so với năm trước', {
      querystring: RankingQuery,
      response: { 200: RankingOut },
    }),
    async (req) => {
      const actor = actorOf(req);
      return svc.ranking(actor, req.query.unitId ?? actor.unitId, req.query.year);
    },
  );
}

const OUTPUT_FILES = [
  ['scoring.xlsx', 'xlsx', 'Bảng chấm điểm (.xlsx) theo mẫu của bộ tiêu chí', 'scoringXlsx'],
  ['report.docx', 'docx', 'Báo cáo tự đánh giá (.docx, Nghị định 30/2020)', 'reportDocx'],
  ['evidence.zip', 'zip', 'Bộ tài liệu kiểm chứng (.zip, có mục lục)', 'evidenceZip'],
] as const;

function outputRoutes(app: App, outputs: Services['parOutputs']) {
  const Format = z.object({ id: z.coerce.number().int().positive() });
  for (const [path, type, summary, fn] of OUTPUT_FILES)
    app.get(
      `/par/assessments/:id/${path}`,
      spec(summary, { params: Format, response: { 200: fileResponse(summary, TYPES[type]) } }),
      async (req, reply) => {
        const f = await outputs[fn](actorOf(req), req.params.id);
        return reply
          .header('content-type', TYPES[type])
          .header('content-disposition', contentDisposition(f.filename))
          .send(f.bytes);
      },
    );
}

/** The PAR Index: criteria sets, self-assessment, appraisal, ranking, outputs. Register under `/api`. */
export const parRoutes =
  (services: Services, uploadMaxBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    criteriaSetRoutes(app, services.par, uploadMaxBytes);
    selfAssessmentRoutes(app, services.par);
    evidenceRoutes(app, services.par, uploadMaxBytes);
    appraisalRoutes(app, services.par);
    resultRoutes(app, services.par);
    outputRoutes(app, services.parOutputs);
  };
