import type { WorkingCalendar } from '../../core/calendar/index.js';
import { allowedActions, isFeedbackStatus } from '../../core/feedback/index.js';
import type { DueState, FeedbackStatus } from '../../core/feedback/index.js';
import { AppError } from '../../errors.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { readBlob } from '../files/repository.js';
import { calendarOf, dueOf, loadReadable, readableUnit, rightsOf } from './context.js';
import type { FeedbackDeps } from './context.js';
import { listAttachments, listFeedback, listFeedbackEvents, logFeedbackAccess } from './repository.js';
import type { FeedbackWithScope } from './repository.js';

export interface ListFilter {
  unitId?: number | undefined;
  subtree?: boolean | undefined;
  status?: string | undefined;
  state?: 'open' | 'overdue' | 'closed' | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export type WithDue = { item: FeedbackWithScope; due: DueState };

/** The register of a unit (or its subtree) the caller reads. */
export async function listRegister(deps: FeedbackDeps, actor: Actor, f: ListFilter) {
  const unit = await readableUnit(deps, actor, f.unitId ?? actor.unitId);
  if (f.status && !isFeedbackStatus(f.status)) throw new AppError('VALIDATION', 'Trạng thái không hợp lệ.');
  return listFeedback(deps.db, {
    path: unit.path,
    unitId: f.subtree ? undefined : unit.id,
    status: f.status,
    state: f.state,
    now: deps.clock.now().toISOString(),
    search: f.search,
    limit: f.limit,
    offset: f.offset,
  });
}

/** Each row with its due state, each unit's calendar read once. */
export async function withDue(deps: FeedbackDeps, rows: FeedbackWithScope[]): Promise<WithDue[]> {
  const cals = new Map<number, WorkingCalendar>();
  const out: WithDue[] = [];
  for (const f of rows) {
    let cal = cals.get(f.unit_id);
    if (!cal && f.due_at) cals.set(f.unit_id, (cal = await calendarOf(deps, f.unit_id)));
    out.push({ item: f, due: await dueOf(deps, f, cal) });
  }
  return out;
}

/** Open items past their step's deadline, and those within 2 working days of it. */
export async function dueLists(deps: FeedbackDeps, actor: Actor, unitId: number, subtree: boolean) {
  const rows = await listRegister(deps, actor, { unitId, subtree, state: 'open', limit: 1000, offset: 0 });
  const all = await withDue(
    deps,
    rows.filter((f) => f.due_at),
  );
  return {
    overdue: all.filter((x) => x.due === 'overdue'),
    dueSoon: all.filter((x) => x.due === 'due_soon'),
  };
}

/** One item with its history, attachments, due state and the steps the caller may take. */
export async function feedbackDetail(deps: FeedbackDeps, actor: Actor, id: number) {
  const f = await loadReadable(deps, actor, id);
  const full = policy.handleFeedback(actor, f.unit_id);
  if (full)
    await logFeedbackAccess(deps.db, {
      userId: actor.userId,
      unitId: f.unit_id,
      detail: `Xem phản ánh ${f.code}`,
      at: deps.clock.now().toISOString(),
    });
  const [events, attachments, due] = await Promise.all([
    listFeedbackEvents(deps.db, f.id),
    listAttachments(deps.db, f.id),
    dueOf(deps, f),
  ]);
  const actions = allowedActions(f.status as FeedbackStatus, rightsOf(actor, f.unit_id));
  return { f, full, events, attachments, due, actions };
}

/** An attachment's bytes, for the unit's handlers only; each download is logged. */
export async function feedbackAttachment(deps: FeedbackDeps, actor: Actor, id: number, attachmentId: number) {
  const f = await loadReadable(deps, actor, id);
  if (!policy.handleFeedback(actor, f.unit_id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ xử lý phản ánh của đơn vị mới xem được tệp đính kèm.');
  const a = (await listAttachments(deps.db, f.id)).find((x) => x.id === attachmentId);
  if (!a) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
  const bytes = await readBlob(deps.db, a.blob_id);
  if (!bytes) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
  await logFeedbackAccess(deps.db, {
    userId: actor.userId,
    unitId: f.unit_id,
    detail: `Tải tệp đính kèm của phản ánh ${f.code}`,
    at: deps.clock.now().toISOString(),
  });
  return { ...a, bytes };
}
