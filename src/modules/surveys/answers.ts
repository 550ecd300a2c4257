import { checkAnswers, responseSatisfaction } from '../../core/survey/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { SurveyRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { vietnamToday } from '../../lib/clock.js';
import { sha256 } from '../../lib/hash.js';
import { insertAudit } from '../audit/repository.js';
import { questionsOf, surveyState } from './context.js';
import type { SurveysDeps } from './context.js';
import {
  findBrowserResponse,
  findInvitation,
  findSurveyBySlug,
  insertResponse,
  lockSurvey,
  useInvitation,
} from './repository.js';

export interface AnswerInput {
  answers: Record<string, unknown>;
  token?: string | undefined;
  browserId?: string | undefined;
}

type NewResponse = Omit<Parameters<typeof insertResponse>[1], 'invitation_id' | 'browser_id'>;

async function surveyBySlug({ db }: SurveysDeps, slug: string) {
  const s = await findSurveyBySlug(db, slug);
  if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy khảo sát. Vui lòng kiểm tra lại đường dẫn.');
  return s;
}

/** The public form, by its slug; throws 404 for an unknown or removed survey. */
export async function publicSurveyForm(deps: SurveysDeps, slug: string) {
  const s = await surveyBySlug(deps, slug);
  return { survey: s, state: surveyState(s, vietnamToday(deps.clock)), questions: questionsOf(s) };
}

/**
 * Inside the answer's transaction: the survey still has the questions the answers were checked
 * against and still takes answers (an edit or a close may have come meanwhile).
 */
async function stillAsAnswered(deps: SurveysDeps, tx: Q, s: SurveyRow) {
  const cur = await lockSurvey(tx, s.id, 'share');
  if (!cur || cur.questions_json !== s.questions_json) throw new AppError('CHANGED_MEANWHILE');
  if (surveyState({ ...s, ...cur }, vietnamToday(deps.clock)) !== 'open') throw new AppError('SURVEY_CLOSED');
}

/** One answer per invitation token: a token is used once. */
async function answerByInvitation(
  deps: SurveysDeps,
  s: SurveyRow,
  base: NewResponse,
  token: string | undefined,
) {
  if (!token) throw new AppError('SURVEY_TOKEN');
  const inv = await findInvitation(deps.db, s.id, sha256(token));
  if (!inv)
    throw new AppError(
      'SURVEY_TOKEN',
      'Mã mời không đúng. Vui lòng dùng đúng đường dẫn (mã QR) được gửi cho bạn.',
    );
  if (inv.used_at !== null)
    throw new AppError('SURVEY_ANSWERED', 'Mã mời này đã được dùng để trả lời. Cảm ơn bạn!');
  await deps.db.transaction().execute(async (tx) => {
    await stillAsAnswered(deps, tx, s);
    if (!(await useInvitation(tx, inv.id, base.submitted_at)))
      throw new AppError('SURVEY_ANSWERED', 'Mã mời này đã được dùng để trả lời. Cảm ơn bạn!');
    const rid = await insertResponse(tx, { ...base, invitation_id: inv.id, browser_id: null });
    await auditAnswer(tx, s, rid, base.submitted_at, { surveyId: s.id, invitation: true });
  });
}

/** One answer per browser for an anonymous survey (the browser's id is unique per survey). */
async function answerByBrowser(
  deps: SurveysDeps,
  s: SurveyRow,
  base: NewResponse,
  browserId: string | undefined,
) {
  if (!browserId)
    throw new AppError(
      'VALIDATION',
      'Thiếu mã trình duyệt: vui lòng bật cookie/lưu trữ của trình duyệt rồi thử lại.',
    );
  if (await findBrowserResponse(deps.db, s.id, browserId)) throw new AppError('SURVEY_ANSWERED');
  await deps.db.transaction().execute(async (tx) => {
    await stillAsAnswered(deps, tx, s);
    const rid = await insertResponse(tx, { ...base, invitation_id: null, browser_id: browserId });
    await auditAnswer(tx, s, rid, base.submitted_at, { surveyId: s.id });
  });
}

const auditAnswer = (tx: Q, s: SurveyRow, rid: number, at: string, after: object) =>
  insertAudit(tx, {
    unitId: s.unit_id,
    userId: null,
    entity: 'survey_response',
    entityId: rid,
    action: 'answer',
    after,
    at,
  });

/**
 * One answer: per invitation token (a token is used once), or per browser for an anonymous
 * survey (the browser's id is unique per survey in the database). Answers are never deleted.
 */
export async function answerSurvey(deps: SurveysDeps, slug: string, input: AnswerInput) {
  const s = await surveyBySlug(deps, slug);
  if (surveyState(s, vietnamToday(deps.clock)) !== 'open') throw new AppError('SURVEY_CLOSED');
  const questions = questionsOf(s);
  const checked = checkAnswers(questions, input.answers);
  if (!checked.ok) throw new AppError('VALIDATION', checked.message);
  const counts = responseSatisfaction(questions, checked.answers);
  const base: NewResponse = {
    survey_id: s.id,
    unit_id: s.unit_id,
    answers_json: JSON.stringify(checked.answers),
    very_satisfied: counts.verySatisfied,
    satisfied: counts.satisfied,
    not_satisfied: counts.notSatisfied,
    submitted_at: deps.clock.now().toISOString(),
  };
  try {
    if (s.anonymous === 0) await answerByInvitation(deps, s, base, input.token);
    else await answerByBrowser(deps, s, base, input.browserId);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('SURVEY_ANSWERED');
    throw e;
  }
  await deps.onAnswer?.(s.unit_id);
}
