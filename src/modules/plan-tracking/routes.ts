import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TARGET_METRICS } from '../../core/metrics/index.js';
import { AppError } from '../../errors.js';
import { actorOf } from '../../http/context.js';
import { intField, readUpload } from '../../http/multipart.js';
import { parseJson } from '../../lib/json.js';
import type { EvidenceRow } from '../../db/tables.js';
import type { Services } from '../../services.js';
import { fileResponse, OkResult } from '../../http/contract.js';
import { policy } from '../auth/policy.js';
import { presentTarget, presentTask } from '../plans/presenter.js';
import { TargetOut } from '../plans/schema.js';
import { IdParams } from '../units/schema.js';
import type { EvidenceOut } from './schema.js';
import {
  EventBody,
  EvidenceOut as EvidenceOutSchema,
  MyTaskOut,
  OccurrencePatchBody,
  TaskDetail,
  TaskPatchBody,
} from './schema.js';
import { sendDownload } from '../files/download.js';

export function presentEvidence(e: EvidenceRow & { uploader_name: string }): EvidenceOut {
  return {
    id: e.id,
    filename: e.filename,
    contentType: e.content_type,
    size: e.size,
    deliverableIndex: e.deliverable_index,
    occurrenceId: e.occurrence_id,
    note: e.note,
    uploadedBy: e.uploader_name,
    uploadedAt: e.uploaded_at,
  };
}

const TargetPatchBody = z.object({
  achievedValue: z.number().min(0).max(1_000_000).nullable().optional(),
  achievedText: z.string().max(2000).nullable().optional(),
  achievedNote: z.string().max(10_000).nullable().optional(),
  assessedState: z.enum(['met', 'not_met']).nullable().optional(),
  metric: z.enum(TARGET_METRICS).nullable().optional(),
});

export const taskRoutes =
  (services: Services, uploadMaxBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    async function detail(actor: ReturnType<typeof actorOf>, id: number) {
      const { task, assignees } = await services.tasks.loadReadable(actor, id);
      const [evidence, history, occurrences] = await Promise.all([
        services.evidence.list(actor, { taskId: id }),
        services.tasks.history(actor, id),
        services.tasks.occurrences(id),
      ]);
      const members = policy.editPlan(actor, task.unit_id) ? await services.unitMembers(task.unit_id) : [];
      return {
        task: presentTask(
          actor,
          task,
          assignees.map((a) => ({ id: a.id, fullName: a.full_name })),
          evidence.length,
          occurrences,
          services.today(),
        ),
        evidence: evidence.map(presentEvidence),
        history: history.map((h) => ({
          id: h.id,
          at: h.at,
          action: h.action,
          userName: h.user_name,
          before: parseJson<unknown>(h.before_json, null),
          after: parseJson<unknown>(h.after_json, null),
        })),
        members: members.map((m) => ({ id: m.id, fullName: m.full_name })),
      };
    }

    app.get(
      '/tasks/mine',
      { schema: { tags: ['tasks'], summary: 'Việc của tôi', response: { 200: z.array(MyTaskOut) } } },
      async (req) => {
        const actor = actorOf(req);
        const today = services.today();
        const me = [{ id: actor.userId, fullName: actor.fullName }];
        return (await services.tasks.mine(actor)).map(({ task, evidenceCount, occurrences }) => ({
          ...presentTask(actor, task, me, evidenceCount, occurrences, today),
          planTitle: task.plan_title,
          year: task.plan_year,
        }));
      },
    );
    app.get(
      '/tasks/:id',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Nhiệm vụ: minh chứng và lịch sử',
          params: IdParams,
          response: { 200: TaskDetail },
        },
      },
      async (req) => detail(actorOf(req), req.params.id),
    );
    app.patch(
      '/tasks/:id',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Cập nhật tiến độ, phân công',
          params: IdParams,
          body: TaskPatchBody,
          response: { 200: TaskDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await services.tasks.update(actor, req.params.id, req.body, String(req.id));
        return detail(actor, req.params.id);
      },
    );

    app.patch(
      '/occurrences/:id',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Cập nhật một kỳ thực hiện của nhiệm vụ',
          params: IdParams,
          body: OccurrencePatchBody,
          response: { 200: TaskDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const taskId = await services.tasks.updateOccurrence(actor, req.params.id, req.body, String(req.id));
        return detail(actor, taskId);
      },
    );
    app.post(
      '/tasks/:id/events',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Ghi nhận sự kiện phát sinh (nhiệm vụ "Khi có…")',
          params: IdParams,
          body: EventBody,
          response: { 200: TaskDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await services.tasks.recordEvent(actor, req.params.id, req.body, String(req.id));
        return detail(actor, req.params.id);
      },
    );

    registerEvidenceRoutes(app, services, uploadMaxBytes);
    registerTargetRoutes(app, services);
  };

type App = Parameters<FastifyPluginAsyncZod>[0];

/** Evidence of tasks and targets: list, upload, download, withdraw. */
function registerEvidenceRoutes(app: App, services: Services, uploadMaxBytes: number): void {
  const evidenceTags = ['evidence'];
  for (const kind of ['tasks', 'targets'] as const) {
    const owner = (id: number) => (kind === 'tasks' ? { taskId: id } : { targetId: id });
    app.get(
      `/${kind}/:id/evidence`,
      { schema: { tags: evidenceTags, params: IdParams, response: { 200: z.array(EvidenceOutSchema) } } },
      async (req) => (await services.evidence.list(actorOf(req), owner(req.params.id))).map(presentEvidence),
    );
    app.post(
      `/${kind}/:id/evidence`,
      {
        schema: {
          tags: evidenceTags,
          summary: 'Tải lên tệp minh chứng',
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 200: EvidenceOutSchema },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const form = await readUpload(req, uploadMaxBytes);
        if (!form.file) throw new AppError('FILE_EMPTY', 'Chưa chọn tệp minh chứng.');
        const ev = await services.evidence.upload(
          actor,
          owner(req.params.id),
          form.file,
          {
            deliverableIndex: intField(form.fields, 'deliverableIndex') ?? null,
            occurrenceId: intField(form.fields, 'occurrenceId') ?? null,
            note: form.fields.note?.slice(0, 2000) ?? null,
          },
          String(req.id),
        );
        return presentEvidence({ ...ev, uploader_name: actor.fullName });
      },
    );
  }

  app.get(
    '/evidence/:id/download',
    {
      schema: {
        tags: evidenceTags,
        summary: 'Tải tệp minh chứng',
        params: IdParams,
        response: { 200: fileResponse('Tệp minh chứng', 'application/octet-stream') },
      },
    },
    async (req, reply) => {
      const file = await services.evidence.download(actorOf(req), req.params.id);
      return sendDownload(reply, { data: file.data, filename: file.filename, mime: file.contentType });
    },
  );
  app.post(
    '/evidence/:id/withdraw',
    {
      schema: {
        tags: evidenceTags,
        summary: 'Rút tệp minh chứng (không xóa)',
        params: IdParams,
        response: { 200: OkResult },
      },
    },
    async (req) => {
      await services.evidence.withdraw(actorOf(req), req.params.id, String(req.id));
      return { ok: true };
    },
  );
}

/** A target's achieved value and assessment. */
function registerTargetRoutes(app: App, services: Services): void {
  app.patch(
    '/targets/:id',
    {
      schema: {
        tags: ['targets'],
        summary: 'Cập nhật kết quả đạt được của chỉ tiêu',
        params: IdParams,
        body: TargetPatchBody,
        response: { 200: TargetOut },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const t = await services.targets.update(actor, req.params.id, req.body, String(req.id));
      const evidence = await services.evidence.list(actor, { targetId: t.id });
      const measured = t.metric ? await services.plans.measuredFor(t.plan_id) : null;
      return presentTarget(
        actor,
        t,
        { unitId: t.unit_id, planStatus: t.plan_status },
        evidence.length,
        measured,
      );
    },
  );
}
