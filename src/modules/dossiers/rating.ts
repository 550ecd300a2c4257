/** Use cases of the citizen: the public lookup by code, and the one rating through a secret link. */
import { randomBytes } from 'node:crypto';
import { DOSSIER_STATUS_LABELS } from '../../core/dossier/index.js';
import type { DossierStatus } from '../../core/dossier/index.js';
import { maskName } from '../../core/privacy/mask.js';
import { AppError } from '../../errors.js';
import { sha256 } from '../../lib/hash.js';
import { insertAudit } from '../audit/repository.js';
import type { Actor } from '../auth/roles.js';
import { loadHandled } from './context.js';
import type { DossiersContext } from './context.js';
import {
  claimRatingLink,
  findDossierByCode,
  findDossierByRatingToken,
  lockDossier,
  updateDossier,
} from './repository.js';
import type { DossierWithScope } from './repository.js';

/** What the public lookup shows of a dossier: no personal data beyond a masked name. */
export function publicView(d: DossierWithScope) {
  return {
    code: d.code,
    unitName: d.unit_name,
    procedureName: d.procedure_name,
    applicantName: maskName(d.applicant_name),
    receivedAt: d.received_at,
    appointmentAt: d.appointment_at,
    apologyAppointmentAt: d.apology_appointment_at,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus] ?? d.status,
    endedAt: d.ended_at,
  };
}

/** The public view of a dossier as JSON text (cached briefly). */
export async function publicLookup(ctx: DossiersContext, codeRaw: string): Promise<string> {
  const { db, lookups } = ctx;
  const code = codeRaw.trim().toUpperCase();
  const hit = lookups.get(code);
  if (hit) return hit;
  const d = await findDossierByCode(db, code);
  if (!d)
    throw new AppError(
      'NOT_FOUND',
      'Không tìm thấy hồ sơ với mã này. Vui lòng kiểm tra lại mã trên giấy hẹn.',
    );
  const json = JSON.stringify(publicView(d));
  lookups.set(code, json);
  return json;
}

/** The citizen's one rating of a returned dossier, through the secret link. */
export async function rate(
  ctx: DossiersContext,
  token: string,
  input: {
    rating: 'very_satisfied' | 'satisfied' | 'not_satisfied';
    criteria?: Record<string, string> | undefined;
    comment?: string | null | undefined;
  },
) {
  const { db, clock } = ctx;
  const hash = sha256(token);
  const d = await findDossierByRatingToken(db, hash);
  if (!d) throw new AppError('NOT_FOUND', 'Liên kết đánh giá không hợp lệ.');
  const rated = () => new AppError('CONFLICT', 'Hồ sơ này đã được đánh giá. Cảm ơn bạn!');
  if (d.rated_at) throw rated();
  const now = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    // Once per link: checked under the row lock and recorded in `rating_use` (unique token and
    // dossier), so eight simultaneous posts of one link give one rating and seven refusals.
    const cur = await lockDossier(tx, d.id);
    if (!cur || cur.rating_token_hash !== hash)
      throw new AppError('NOT_FOUND', 'Liên kết đánh giá không hợp lệ.');
    if (cur.rated_at || !(await claimRatingLink(tx, hash, d.id, now))) throw rated();
    await updateDossier(tx, d.id, {
      rating: input.rating,
      rating_criteria_json: input.criteria ? JSON.stringify(input.criteria) : null,
      rating_comment: input.comment ?? null,
      rated_at: now,
      updated_at: now,
    });
    await insertAudit(tx, {
      unitId: d.unit_id,
      userId: null,
      entity: 'dossier',
      entityId: d.id,
      action: 'rated',
      after: { rating: input.rating },
      at: now,
    });
  });
}

/**
 * Issues the citizen's rating link again (lost paper, a mistyped address): a new secret replaces
 * the old one, which stops working. Only for a returned dossier not yet rated.
 */
export async function reissueRatingLink(
  ctx: DossiersContext,
  actor: Actor,
  id: number,
  requestId?: string,
): Promise<string> {
  const { db, clock } = ctx;
  const d = await loadHandled(ctx, actor, id);
  if (d.status !== 'returned')
    throw new AppError('CONFLICT', 'Chỉ cấp liên kết đánh giá cho hồ sơ đã trả kết quả.');
  const ratedAlready = () => new AppError('CONFLICT', 'Hồ sơ này đã được người dân đánh giá.');
  if (d.rated_at) throw ratedAlready();
  const token = randomBytes(18).toString('base64url');
  const now = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    if ((await lockDossier(tx, d.id))?.rated_at) throw ratedAlready();
    await updateDossier(tx, d.id, { rating_token_hash: sha256(token), updated_at: now });
    await insertAudit(tx, {
      unitId: d.unit_id,
      userId: actor.userId,
      entity: 'dossier',
      entityId: d.id,
      action: 'rating_link_reissued',
      at: now,
      requestId,
    });
  });
  return token;
}

export async function ratingTarget(ctx: DossiersContext, token: string) {
  const { db } = ctx;
  const d = await findDossierByRatingToken(db, sha256(token));
  if (!d) throw new AppError('NOT_FOUND', 'Liên kết đánh giá không hợp lệ.');
  return d;
}
