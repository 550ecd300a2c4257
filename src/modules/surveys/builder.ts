import { randomBytes } from 'node:crypto';
import { surveyProblems } from '../../core/survey/index.js';
import type { SurveyQuestion } from '../../core/survey/index.js';
import { AppError } from '../../errors.js';
import { sha256 } from '../../lib/hash.js';
import { SURVEY_LIMITS } from '../../shared/surveys.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { loadWritable, readableUnit } from './context.js';
import type { SurveyInput, SurveysDeps } from './context.js';
import {
  countResponses,
  insertInvitations,
  insertSurvey,
  invitationCounts,
  listSurveys,
  lockSurvey,
  updateSurvey,
} from './repository.js';
import type { SurveyWithScope } from './repository.js';

export const MAX_INVITATIONS = SURVEY_LIMITS.invitations;

const nfc = (s: string) => s.normalize('NFC').trim();

function checkInput(input: SurveyInput) {
  const problems = surveyProblems(input.questions);
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join(' '), { problems });
  if (input.opensOn && input.closesOn && input.opensOn > input.closesOn)
    throw new AppError('VALIDATION', 'Ngày kết thúc khảo sát phải sau ngày bắt đầu.');
}

const normQuestions = (qs: SurveyQuestion[]): SurveyQuestion[] =>
  qs.map((q) => ({
    key: q.key,
    kind: q.kind,
    text: nfc(q.text),
    required: q.required,
    ...(q.kind === 'single' || q.kind === 'multiple' ? { options: (q.options ?? []).map(nfc) } : {}),
    ...(q.satisfaction ? { satisfaction: true } : {}),
    ...(q.satisfaction && q.kind === 'single' ? { satisfiedOptions: q.satisfiedOptions ?? [] } : {}),
    ...(q.satisfaction && q.kind === 'single' && q.verySatisfiedOption !== undefined
      ? { verySatisfiedOption: q.verySatisfiedOption }
      : {}),
  }));

/** The columns a create or an edit writes from the builder's input. */
const surveyColumns = (input: SurveyInput, questionsJson: string) => ({
  title: nfc(input.title),
  description: nfc(input.description ?? ''),
  questions_json: questionsJson,
  anonymous: input.anonymous ? 1 : 0,
  published: input.published ? 1 : 0,
  opens_on: input.opensOn ?? null,
  closes_on: input.closesOn ?? null,
});

export async function listUnitSurveys(deps: SurveysDeps, actor: Actor, unitId: number) {
  await readableUnit(deps, actor, unitId);
  return listSurveys(deps.db, unitId);
}

export async function createSurvey(
  deps: SurveysDeps,
  actor: Actor,
  unitId: number,
  input: SurveyInput & { template?: string | undefined },
  requestId?: string,
) {
  await readableUnit(deps, actor, unitId);
  if (!policy.manageSurveys(actor, unitId))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới tạo được khảo sát.');
  checkInput(input);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const row = await insertSurvey(tx, {
      unit_id: unitId,
      slug: randomBytes(9).toString('base64url'),
      ...surveyColumns(input, JSON.stringify(normQuestions(input.questions))),
      template: input.template ?? null,
      removed_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await insertAudit(tx, {
      unitId,
      userId: actor.userId,
      entity: 'survey',
      entityId: row.id,
      action: 'create',
      after: { title: row.title, template: row.template },
      at: now,
      requestId,
    });
    return row;
  });
}

/** Edits a survey; its questions and mode are locked once it has an answer. */
export async function updateSurveyUseCase(
  deps: SurveysDeps,
  actor: Actor,
  id: number,
  input: SurveyInput,
  requestId?: string,
) {
  const s = await loadWritable(deps, actor, id);
  checkInput(input);
  const questions = JSON.stringify(normQuestions(input.questions));
  const anonymous = input.anonymous ? 1 : 0;
  const changesLocked = (cur: { questions_json: string; anonymous: number } | undefined) =>
    questions !== cur?.questions_json || anonymous !== cur.anonymous;
  if ((await countResponses(deps.db, id)) > 0 && changesLocked(s)) throw new AppError('SURVEY_LOCKED');
  const now = deps.clock.now().toISOString();
  const patch = { ...surveyColumns(input, questions), updated_at: now };
  await deps.db.transaction().execute(async (tx) => {
    // Checked again under the lock: an answer that came in meanwhile locks the questions.
    const cur = await lockSurvey(tx, id, 'update');
    if ((await countResponses(tx, id)) > 0 && changesLocked(cur)) throw new AppError('SURVEY_LOCKED');
    await updateSurvey(tx, id, patch);
    const shown = (x: {
      title: string;
      published: number;
      opens_on: string | null;
      closes_on: string | null;
    }) => ({
      title: x.title,
      published: x.published,
      opens_on: x.opens_on,
      closes_on: x.closes_on,
    });
    await insertAudit(tx, {
      unitId: s.unit_id,
      userId: actor.userId,
      entity: 'survey',
      entityId: id,
      action: 'update',
      before: shown(s),
      after: shown(patch),
      at: now,
      requestId,
    });
  });
  return { ...s, ...patch };
}

/** Archives a survey (its answers are kept, and no longer counted in the unit's rate). */
export async function removeSurvey(deps: SurveysDeps, actor: Actor, id: number, requestId?: string) {
  const s = await loadWritable(deps, actor, id);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await updateSurvey(tx, id, { removed_at: now, updated_at: now });
    await insertAudit(tx, {
      unitId: s.unit_id,
      userId: actor.userId,
      entity: 'survey',
      entityId: id,
      action: 'remove',
      at: now,
      requestId,
    });
  });
  await deps.onAnswer?.(s.unit_id);
}

export async function surveyStats({ db }: SurveysDeps, s: SurveyWithScope) {
  const [responses, invitations] = await Promise.all([countResponses(db, s.id), invitationCounts(db, s.id)]);
  return { responses, invitations };
}

/** N new invitation tokens (returned once: only their sha256 is stored). */
export async function inviteToSurvey(
  deps: SurveysDeps,
  actor: Actor,
  id: number,
  count: number,
  requestId?: string,
): Promise<string[]> {
  const s = await loadWritable(deps, actor, id);
  if (s.anonymous === 1)
    throw new AppError(
      'VALIDATION',
      'Khảo sát ẩn danh theo trình duyệt không dùng mã mời: hãy chuyển sang chế độ "theo mã mời".',
    );
  if (!Number.isInteger(count) || count < 1 || count > MAX_INVITATIONS)
    throw new AppError('VALIDATION', `Số mã mời từ 1 đến ${MAX_INVITATIONS}.`);
  const tokens = Array.from({ length: count }, () => randomBytes(12).toString('base64url'));
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await insertInvitations(tx, id, tokens.map(sha256), now);
    await insertAudit(tx, {
      unitId: s.unit_id,
      userId: actor.userId,
      entity: 'survey',
      entityId: id,
      action: 'invite',
      after: { count },
      at: now,
      requestId,
    });
  });
  return tokens;
}
