/** Use cases: the steps after receipt (checked by the core's transitions) and the dossier's flags. */
import { randomBytes } from 'node:crypto';
import { replay, validateTransition } from '../../core/dossier/index.js';
import type { DossierEvent, ReturnMethod, TimeLimit } from '../../core/dossier/index.js';
import { AppError } from '../../errors.js';
import { sha256 } from '../../lib/hash.js';
import { insertAudit } from '../audit/repository.js';
import type { Actor } from '../auth/roles.js';
import { iso, loadHandled, ms, toEvents } from './context.js';
import type { DossiersContext } from './context.js';
import { insertDossierEvent, listDossierEvents, lockDossier, updateDossier } from './repository.js';
import { dossierSummaryColumns } from './summary.js';

/** The steps staff record after receipt; `at` defaults to now. */
export type StepInput =
  | { kind: 'supplement_requested'; reason: string; items?: string[] | undefined; at?: string | undefined }
  | { kind: 'supplement_received'; at?: string | undefined }
  | { kind: 'refused'; reasons: string[]; at?: string | undefined }
  | { kind: 'transferred'; from: string; to: string; note?: string | undefined; at?: string | undefined }
  | { kind: 'resolved'; at?: string | undefined }
  | { kind: 'returned'; method: ReturnMethod; at?: string | undefined }
  | { kind: 'withdrawn'; at?: string | undefined }
  | { kind: 'apology_issued'; newAppointment: string; reason: string; at?: string | undefined };

export interface DossierFlags {
  paidOnline?: boolean | undefined;
  digitised?: boolean | undefined;
  electronicResult?: boolean | undefined;
  signedResult?: boolean | undefined;
  complaint?: boolean | undefined;
}

const flag = (b: boolean | undefined, current: number) => (b === undefined ? current : b ? 1 : 0);

/** Records one step; refuses an impossible one with the core's Vietnamese reason. */
export async function step(
  ctx: DossiersContext,
  actor: Actor,
  id: number,
  input: StepInput,
  requestId?: string,
): Promise<{ ratingToken: string | null }> {
  const { db, clock, calendar, lookups } = ctx;
  const d = await loadHandled(ctx, actor, id);
  const now = clock.now();
  const at = input.at ? ms(input.at) : now.getTime();
  if (Number.isNaN(at) || at > now.getTime() + 60_000)
    throw new AppError('VALIDATION', 'Thời điểm không hợp lệ.');
  const { at: _at, kind, ...data } = input;
  const event = {
    ...data,
    kind,
    at,
    ...(kind === 'apology_issued' ? { newAppointment: ms(input.newAppointment) } : {}),
  } as DossierEvent;
  let ratingToken: string | null = null;
  // Read outside the transaction: on SQLite the transaction holds the only connection.
  const cal = (await calendar.forUnit(d.unit_id)).calendar;
  const limit = { unit: d.limit_unit as TimeLimit['unit'], amount: d.limit_amount };
  await db.transaction().execute(async (tx) => {
    // The step is checked against the events as they are under the row lock: two clerks
    // recording "resolved" at once give one event and one refusal, not two events.
    await lockDossier(tx, d.id);
    const before = replay(toEvents(await listDossierEvents(tx, d.id)), {
      limit,
      calendar: cal,
      asOf: at,
    });
    const problem = validateTransition(before, event);
    if (problem) throw new AppError('VALIDATION', problem);
    const stored = kind === 'apology_issued' ? { ...data, newAppointment: input.newAppointment } : data;
    // The core reads `newAppointment` as a moment: keep it as a number in the stored event.
    const json =
      kind === 'apology_issued'
        ? JSON.stringify({ ...stored, newAppointment: ms(input.newAppointment) })
        : JSON.stringify(stored);
    await insertDossierEvent(tx, {
      dossier_id: d.id,
      kind,
      at: iso(at),
      data_json: json,
      actor_id: actor.userId,
      created_at: now.toISOString(),
    });
    const events = toEvents([...(await listDossierEvents(tx, d.id))]);
    const state = replay(events, { limit, calendar: cal, asOf: now.getTime() });
    const patch: Record<string, unknown> = {
      ...dossierSummaryColumns(state),
      updated_at: now.toISOString(),
    };
    if (kind === 'returned') {
      ratingToken = randomBytes(18).toString('base64url');
      patch.rating_token_hash = sha256(ratingToken);
    }
    await updateDossier(tx, d.id, patch);
    lookups.delete(d.code);
    await insertAudit(tx, {
      unitId: d.unit_id,
      userId: actor.userId,
      entity: 'dossier',
      entityId: d.id,
      action: kind,
      after: { ...stored, at: iso(at) },
      at: now.toISOString(),
      requestId,
    });
  });
  return { ratingToken };
}

export async function setFlags(
  ctx: DossiersContext,
  actor: Actor,
  id: number,
  flags: DossierFlags,
  requestId?: string,
) {
  const { db, clock } = ctx;
  const d = await loadHandled(ctx, actor, id);
  const now = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    // The flags not given keep their value as it is under the row lock (not as read before).
    const cur = (await lockDossier(tx, id))!;
    const before = {
      paid_online: cur.paid_online,
      digitised: cur.digitised,
      electronic_result: cur.electronic_result,
      signed_result: cur.signed_result,
      complaint: cur.complaint,
    };
    const next = {
      paid_online: flag(flags.paidOnline, cur.paid_online),
      digitised: flag(flags.digitised, cur.digitised),
      electronic_result: flag(flags.electronicResult, cur.electronic_result),
      signed_result: flag(flags.signedResult, cur.signed_result),
      complaint: flag(flags.complaint, cur.complaint),
    };
    await updateDossier(tx, id, { ...next, updated_at: now });
    await insertAudit(tx, {
      unitId: d.unit_id,
      userId: actor.userId,
      entity: 'dossier',
      entityId: id,
      action: 'flags',
      before,
      after: next,
      at: now,
      requestId,
    });
  });
}
