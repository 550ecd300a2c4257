import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { contentDisposition } from '../files/content-disposition.js';
import { fileResponse } from '../../http/contract.js';
import { intField, readUpload } from '../../http/multipart.js';
import { UNIT_KIND_KEYS } from '../units/kinds.js';
import type { Services } from '../../services.js';
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

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
} as const;

/** The PAR Index: criteria sets, self-assessment, appraisal, ranking, outputs. Register under `/api`. */
export const parRoutes =
  (services: Services, uploadMaxBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['par'];
    const svc = services.par;
    const consumes = ['multipart/form-data'];

    async function criteriaForm(req: Parameters<typeof readUpload>[0]) {
      const form = await readUpload(req, uploadMaxBytes);
      if (!form.file || form.file.bytes.length === 0)
        throw new AppError('FILE_EMPTY', 'Chưa chọn tệp bộ tiêu chí (.xlsx).');
      return form;
    }

    app.post(
      '/par/criteria-sets/preview',
      {
        schema: {
          tags,
          summary:
            'Đọc thử bộ tiêu chí từ tệp .xlsx: cây tiêu chí, tổng điểm, các chỗ không khớp (không lưu)',
          consumes,
          response: { 200: CriteriaPreviewOut },
        },
      },
      async (req) => {
        actorOf(req);
        const form = await criteriaForm(req);
        return svc.previewCriteria(form.file!);
      },
    );

    app.post(
      '/par/criteria-sets',
      {
        schema: {
          tags,
          summary: 'Nhập bộ tiêu chí (tất cả hoặc không gì cả; mỗi lần nhập là một phiên bản mới của năm)',
          consumes,
          response: { 200: CriteriaImportOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const form = await criteriaForm(req);
        const f = form.fields;
        const year = intField(f, 'year');
        if (!year || year < 2000 || year > 2100)
          throw new AppError('VALIDATION', 'Hãy ghi năm áp dụng của bộ tiêu chí.');
        const name = (f.name ?? '').trim();
        if (name.length < 3) throw new AppError('VALIDATION', 'Hãy ghi tên bộ tiêu chí.');
        const unitKind = f.unitKind?.trim() || null;
        if (unitKind !== null && !(UNIT_KIND_KEYS as readonly string[]).includes(unitKind))
          throw new AppError('VALIDATION', 'Loại đơn vị áp dụng không hợp lệ.');
        return svc.importCriteria(
          actor,
          {
            ownerUnitId: intField(f, 'unitId') ?? actor.unitId,
            name,
            year,
            unitKind,
            source: f.source?.trim() || null,
          },
          form.file!,
        );
      },
    );

    app.get(
      '/par/criteria-sets',
      {
        schema: {
          tags,
          summary: 'Các bộ tiêu chí áp dụng cho đơn vị (của cấp trên) và do đơn vị ban hành',
          querystring: SetQuery,
          response: { 200: SetListOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return svc.listSets(actor, req.query.unitId ?? actor.unitId, req.query.year);
      },
    );

    app.get(
      '/par/criteria-sets/:id',
      {
        schema: {
          tags,
          summary: 'Một bộ tiêu chí: cây tiêu chí và cách chấm từng tiêu chí thành phần',
          params: IdParams,
          response: { 200: SetDetailOut },
        },
      },
      async (req) => svc.setDetail(actorOf(req), req.params.id),
    );

    app.patch(
      '/par/criteria/:id',
      {
        schema: {
          tags,
          summary: 'Sửa một tiêu chí: tên, hướng dẫn, tài liệu kiểm chứng, cách chấm',
          params: IdParams,
          body: CriterionPatch,
          response: { 200: SetDetailOut },
        },
      },
      async (req) => svc.editCriterion(actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/par/units/:unitId/years/:year',
      {
        schema: {
          tags,
          summary: 'Bản tự đánh giá của đơn vị trong năm (hoặc bộ tiêu chí sẽ áp dụng)',
          params: UnitYearParams,
          response: { 200: UnitYearOut },
        },
      },
      async (req) => svc.forUnitYear(actorOf(req), req.params.unitId, req.params.year),
    );

    app.post(
      '/par/units/:unitId/years/:year',
      {
        schema: {
          tags,
          summary: 'Bắt đầu tự đánh giá theo bộ tiêu chí cấp trên ban hành',
          params: UnitYearParams,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.start(actorOf(req), req.params.unitId, req.params.year),
    );

    app.put(
      '/par/units/:unitId/years/:year/previous-index',
      {
        schema: {
          tags,
          summary: 'Nhập một lần Chỉ số CCHC của một năm hệ thống chưa có dữ liệu',
          params: UnitYearParams,
          body: PreviousIndexBody,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await svc.enterPreviousIndex(
          actorOf(req),
          req.params.unitId,
          req.params.year,
          req.body.value,
          req.body.note ?? null,
        );
        return { ok: true as const };
      },
    );

    app.get(
      '/par/assessments/:id',
      {
        schema: {
          tags,
          summary: 'Bản tự đánh giá: cây tiêu chí, điểm, minh chứng, tiến độ, thao tác được phép',
          params: IdParams,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.detail(actorOf(req), req.params.id),
    );

    app.put(
      '/par/assessments/:id/scores/:criterionId',
      {
        schema: {
          tags,
          summary: 'Tự chấm một tiêu chí thành phần (hoặc "không áp dụng") với ghi chú',
          params: LeafParams,
          body: ScoreBody,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.score(actorOf(req), req.params.id, req.params.criterionId, req.body),
    );

    app.post(
      '/par/assessments/:id/scores/:criterionId/evidence',
      {
        schema: {
          tags,
          summary: 'Nộp tệp tài liệu kiểm chứng cho một tiêu chí',
          params: LeafParams,
          consumes,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const form = await readUpload(req, uploadMaxBytes);
        if (!form.file) throw new AppError('FILE_EMPTY', 'Chưa chọn tệp minh chứng.');
        return svc.attachFile(actor, req.params.id, req.params.criterionId, form.file);
      },
    );

    app.post(
      '/par/assessments/:id/scores/:criterionId/links',
      {
        schema: {
          tags,
          summary: 'Gắn minh chứng đã có trong hệ thống: tệp minh chứng của nhiệm vụ, báo cáo đã gửi',
          params: LeafParams,
          body: LinkBody,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.attachLink(actorOf(req), req.params.id, req.params.criterionId, req.body),
    );

    app.post(
      '/par/evidence/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Rút một minh chứng (giữ lại, không xóa)',
          params: IdParams,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.withdrawEvidence(actorOf(req), req.params.id),
    );

    app.get(
      '/par/evidence/:id/file',
      {
        schema: {
          tags,
          summary: 'Tải tệp minh chứng',
          params: IdParams,
          response: { 200: fileResponse('Tệp minh chứng', 'application/octet-stream') },
        },
      },
      async (req, reply) => {
        const f = await svc.evidenceFile(actorOf(req), req.params.id);
        return reply
          .header('content-type', f.type)
          .header('content-disposition', contentDisposition(f.name))
          .send(Buffer.from(f.bytes));
      },
    );

    app.post(
      '/par/assessments/:id/submit',
      {
        schema: {
          tags,
          summary: 'Gửi cấp trên thẩm định (sau đó không sửa điểm tự chấm được nữa)',
          params: IdParams,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.submit(actorOf(req), req.params.id),
    );

    app.put(
      '/par/assessments/:id/scores/:criterionId/appraisal',
      {
        schema: {
          tags,
          summary: 'Thẩm định điểm một tiêu chí (lý do bắt buộc khi điều chỉnh)',
          params: LeafParams,
          body: AppraiseBody,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.appraise(actorOf(req), req.params.id, req.params.criterionId, req.body),
    );

    app.post(
      '/par/assessments/:id/return',
      {
        schema: {
          tags,
          summary: 'Trả lại để đơn vị giải trình',
          params: IdParams,
          body: ReturnBody,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.returnForExplanation(actorOf(req), req.params.id, req.body.reason),
    );

    app.put(
      '/par/assessments/:id/scores/:criterionId/explanation',
      {
        schema: {
          tags,
          summary: 'Giải trình một tiêu chí',
          params: LeafParams,
          body: ExplainBody,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.explain(actorOf(req), req.params.id, req.params.criterionId, req.body.explanation),
    );

    app.post(
      '/par/assessments/:id/explanations',
      {
        schema: {
          tags,
          summary: 'Gửi giải trình cho cấp trên',
          params: IdParams,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.sendExplanations(actorOf(req), req.params.id),
    );

    app.post(
      '/par/assessments/:id/finalize',
      {
        schema: {
          tags,
          summary: 'Kết thúc thẩm định: chỉ số cuối cùng (có thể cộng phần khảo sát)',
          params: IdParams,
          body: FinalizeBody,
          response: { 200: AssessmentOut },
        },
      },
      async (req) => svc.finalize(actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/par/ranking',
      {
        schema: {
          tags,
          summary: 'Xếp hạng Chỉ số CCHC các đơn vị trực thuộc, so với năm trước',
          querystring: RankingQuery,
          response: { 200: RankingOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return svc.ranking(actor, req.query.unitId ?? actor.unitId, req.query.year);
      },
    );

    const Format = z.object({ id: z.coerce.number().int().positive() });
    const files = [
      ['scoring.xlsx', 'xlsx', 'Bảng chấm điểm (.xlsx) theo mẫu của bộ tiêu chí', 'scoringXlsx'],
      ['report.docx', 'docx', 'Báo cáo tự đánh giá (.docx, Nghị định 30/2020)', 'reportDocx'],
      ['evidence.zip', 'zip', 'Bộ tài liệu kiểm chứng (.zip, có mục lục)', 'evidenceZip'],
    ] as const;
    for (const [path, type, summary, fn] of files)
      app.get(
        `/par/assessments/:id/${path}`,
        { schema: { tags, summary, params: Format, response: { 200: fileResponse(summary, TYPES[type]) } } },
        async (req, reply) => {
          const f = await services.parOutputs[fn](actorOf(req), req.params.id);
          return reply
            .header('content-type', TYPES[type])
            .header('content-disposition', contentDisposition(f.filename))
            .send(f.bytes);
        },
      );
  };
