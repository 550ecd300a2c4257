import type { FeedbackDeadlineSettings } from '../../core/feedback/index.js';
import { AppError } from '../../errors.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { handledUnit, nfc, readableUnit, settingsFor } from './context.js';
import type { FeedbackDeps } from './context.js';
import { findTemplate, insertTemplate, listTemplates, updateTemplate, upsertSettings } from './repository.js';

// ---------------------------------------------------------------- answer templates

export async function templates(deps: FeedbackDeps, actor: Actor, unitId: number) {
  const unit = await readableUnit(deps, actor, unitId);
  return listTemplates(deps.db, unit.id);
}

/** Adds a template (no `id`) or changes one of the unit's own. */
export async function saveTemplate(
  deps: FeedbackDeps,
  actor: Actor,
  unitId: number,
  input: { title: string; body: string },
  id?: number,
  requestId?: string,
) {
  const unit = await handledUnit(deps, actor, unitId);
  const now = deps.clock.now().toISOString();
  const values = { title: nfc(input.title), body: nfc(input.body), updated_at: now };
  if (id !== undefined) {
    const old = await findTemplate(deps.db, id);
    if (!old || old.unit_id !== unit.id || old.removed_at)
      throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu trả lời.');
  }
  return deps.db.transaction().execute(async (tx) => {
    let row;
    if (id !== undefined) {
      await updateTemplate(tx, id, values);
      row = { ...(await findTemplate(tx, id))! };
    } else
      row = await insertTemplate(tx, {
        ...values,
        unit_id: unit.id,
        removed_at: null,
        created_by: actor.userId,
        created_at: now,
      });
    await insertAudit(tx, {
      unitId: unit.id,
      userId: actor.userId,
      entity: 'feedback_template',
      entityId: row.id,
      action: id ? 'update' : 'create',
      after: values,
      at: now,
      requestId: requestId ?? null,
    });
    return row;
  });
}

/** Takes a template out of use (kept for the audit log). */
export async function removeTemplate(deps: FeedbackDeps, actor: Actor, id: number, requestId?: string) {
  const old = await findTemplate(deps.db, id);
  const unit = old ? await findUnitById(deps.db, old.unit_id) : undefined;
  if (!old || !unit || old.removed_at || !policy.readUnit(actor, unit.path))
    throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu trả lời.');
  if (!policy.handleFeedback(actor, unit.id)) throw new AppError('FORBIDDEN');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await updateTemplate(tx, id, { removed_at: now, updated_at: now });
    await insertAudit(tx, {
      unitId: unit.id,
      userId: actor.userId,
      entity: 'feedback_template',
      entityId: id,
      action: 'remove',
      before: { title: old.title },
      at: now,
      requestId: requestId ?? null,
    });
  });
}

// ---------------------------------------------------------------- deadline settings

export async function readSettings(deps: FeedbackDeps, actor: Actor, unitId: number) {
  const unit = await readableUnit(deps, actor, unitId);
  return settingsFor(deps, unit.id);
}

/** Only the unit's own handlers change its limits; existing items keep the deadlines they were given. */
export async function saveSettings(
  deps: FeedbackDeps,
  actor: Actor,
  unitId: number,
  s: FeedbackDeadlineSettings,
  requestId?: string,
) {
  const unit = await handledUnit(deps, actor, unitId);
  const before = await settingsFor(deps, unit.id);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await upsertSettings(tx, {
      unit_id: unit.id,
      classify_days: s.classifyDays,
      forward_days: s.forwardDays,
      answer_days: s.answerDays,
      publish_days: s.publishDays,
      updated_at: now,
    });
    await insertAudit(tx, {
      unitId: unit.id,
      userId: actor.userId,
      entity: 'feedback_settings',
      entityId: unit.id,
      action: 'update',
      before,
      after: s,
      at: now,
      requestId: requestId ?? null,
    });
  });
  return settingsFor(deps, unit.id);
}
