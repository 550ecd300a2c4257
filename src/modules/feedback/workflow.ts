import {
  addFeedbackDays,
  checkAction,
  currentDue,
  foldForSearch,
  nextStatus,
} from '../../core/feedback/index.js';
import type { FeedbackStatus } from '../../core/feedback/index.js';
import { AppError } from '../../errors.js';
import { insertAudit } from '../audit/repository.js';
import type { Actor } from '../auth/roles.js';
import { findUserById } from '../users/repository.js';
import { calendarOf, iso, loadReadable, ms, nfc, rightsOf, settingsFor } from './context.js';
import type { FeedbackDeps } from './context.js';
import { insertFeedbackEvent, lockFeedback, updateFeedback } from './repository.js';
import type { FeedbackWithScope } from './repository.js';
import type { FeedbackCategory } from '../../core/feedback/index.js';

export type ActionInput =
  | { kind: 'classify'; category: FeedbackCategory; note?: string | null | undefined }
  | { kind: 'forward'; to: string; note?: string | null | undefined }
  | { kind: 'assign'; assigneeId: number }
  | { kind: 'answer'; text: string }
  | { kind: 'return'; reason: string }
  | { kind: 'approve'; note?: string | null | undefined }
  | { kind: 'publish'; title: string; content: string; answer: string }
  | { kind: 'withdraw'; reason: string };

type Patch = Record<string, unknown>;
interface StepContext {
  deps: FeedbackDeps;
  actor: Actor;
  f: FeedbackWithScope;
  nowMs: number;
  nowIso: string;
}

/** The columns one step changes, and whether it came after its step's deadline. */
async function stepPatch(c: StepContext, input: ActionInput): Promise<{ patch: Patch; late: boolean }> {
  const { f, nowMs, nowIso } = c;
  switch (input.kind) {
    case 'classify':
      return {
        patch: { category: input.category, classify_note: input.note?.trim() || null },
        late: nowMs > ms(f.classify_due_at),
      };
    case 'forward':
      return { patch: { forwarded_to: nfc(input.to) }, late: nowMs > ms(f.forward_due_at) };
    case 'assign': {
      const user = await findUserById(c.deps.db, input.assigneeId);
      if (!user || user.unit_id !== f.unit_id || user.active !== 1)
        throw new AppError('VALIDATION', 'Người được phân công phải là cán bộ đang làm việc tại đơn vị.');
      return { patch: { assignee_id: user.id }, late: false };
    }
    case 'answer':
      return {
        patch: { answer_text: nfc(input.text), answered_by: c.actor.userId, answered_at: nowIso },
        late: false,
      };
    case 'approve': {
      const [settings, cal] = await Promise.all([
        settingsFor(c.deps, f.unit_id),
        calendarOf(c.deps, f.unit_id),
      ]);
      const late = nowMs > ms(f.answer_due_at);
      const patch = {
        approved_by: c.actor.userId,
        approved_at: nowIso,
        answered_on_time: late ? 0 : 1,
        publish_due_at: iso(addFeedbackDays(nowMs, settings.publishDays, cal)),
      };
      return { patch, late };
    }
    case 'publish':
      return publishPatch(c, input);
    case 'withdraw':
      return { patch: { publish_withdrawn_at: nowIso }, late: false };
    case 'return':
      return { patch: {}, late: false };
  }
}

function publishPatch({ f, nowMs, nowIso }: StepContext, input: Extract<ActionInput, { kind: 'publish' }>) {
  const title = nfc(input.title);
  const content = nfc(input.content);
  const answer = nfc(input.answer);
  const patch = {
    published_title: title,
    published_content: content,
    published_answer: answer,
    published_at: nowIso,
    publish_withdrawn_at: null,
    search_text: foldForSearch(`${f.code} ${title} ${content} ${answer} ${f.unit_name}`),
  };
  const late = f.publish_due_at !== null && nowMs > ms(f.publish_due_at) && f.published_at === null;
  return { patch, late };
}

/** Refuses a step core/feedback does not allow: FORBIDDEN for a lack of rights, CONFLICT otherwise. */
function checkStep(actor: Actor, f: FeedbackWithScope, input: ActionInput) {
  const rights = rightsOf(actor, f.unit_id);
  const problem = checkAction(f.status as FeedbackStatus, input.kind, rights);
  const forbidden =
    !rights.handle || ((input.kind === 'approve' || input.kind === 'return') && !rights.approve);
  if (problem) throw new AppError(forbidden ? 'FORBIDDEN' : 'CONFLICT', problem);
}

/** One workflow step, checked by core/feedback; every step is audited and kept as an event. */
export async function actOnFeedback(
  deps: FeedbackDeps,
  actor: Actor,
  id: number,
  input: ActionInput,
  requestId?: string,
): Promise<void> {
  const f = await loadReadable(deps, actor, id);
  const status = f.status as FeedbackStatus;
  checkStep(actor, f, input);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const next = nextStatus(status, input.kind, input.kind === 'classify' ? input.category : undefined);
  const step = await stepPatch({ deps, actor, f, nowMs: now.getTime(), nowIso }, input);
  const patch: Patch = { status: next, updated_at: nowIso, ...step.patch };
  const deadlines = {
    classifyDue: ms(f.classify_due_at),
    forwardDue: ms(f.forward_due_at),
    answerDue: ms(f.answer_due_at),
  };
  const publishDue = (patch.publish_due_at as string | undefined) ?? f.publish_due_at;
  const due = currentDue(next, deadlines, publishDue ? ms(publishDue) : null);
  patch.due_at = due === null ? null : iso(due);
  if (due === null && f.closed_at === null) patch.closed_at = nowIso;
  const { kind, ...data } = input;
  await deps.db.transaction().execute(async (tx) => {
    // The step was decided on the row as read above: if another handler moved it on meanwhile,
    // refuse rather than apply a transition from a state that is gone.
    const cur = await lockFeedback(tx, f.id);
    if (!cur || cur.status !== f.status || cur.updated_at !== f.updated_at)
      throw new AppError('CHANGED_MEANWHILE');
    await updateFeedback(tx, f.id, patch);
    await insertFeedbackEvent(tx, {
      feedback_id: f.id,
      kind,
      at: nowIso,
      data_json: JSON.stringify(data),
      late: step.late ? 1 : 0,
      actor_id: actor.userId,
    });
    await insertAudit(tx, {
      unitId: f.unit_id,
      userId: actor.userId,
      entity: 'feedback',
      entityId: f.id,
      action: kind,
      before: { status },
      after: { status: next, ...data },
      at: nowIso,
      requestId: requestId ?? null,
    });
  });
}
