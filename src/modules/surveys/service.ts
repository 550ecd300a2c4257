import { isUniqueViolation } from '../../db/errors.js';
import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import type { Figure } from '../../core/metrics/index.js';
import {
  answerText,
  checkAnswers,
  questionResults,
  responseSatisfaction,
  surveyProblems,
  surveySatisfaction,
  surveyTemplate,
} from '../../core/survey/index.js';
import type { SurveyAnswers, SurveyQuestion } from '../../core/survey/index.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { parseJson } from '../../lib/json.js';
import type { Q } from '../../db/types.js';
import type { SurveyRow } from '../../db/tables.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import {
  countResponses,
  lockSurvey,
  findBrowserResponse,
  findInvitation,
  findSurvey,
  findSurveyBySlug,
  insertInvitations,
  insertResponse,
  insertSurvey,
  invitationCounts,
  listResponses,
  listSurveys,
  satisfactionCounts,
  updateSurvey,
  useInvitation,
} from './repository.js';
import type { SurveyWithScope } from './repository.js';

export interface SurveyInput {
  title: string;
  description?: string | undefined;
  questions: SurveyQuestion[];
  anonymous: boolean;
  published: boolean;
  opensOn?: string | null | undefined;
  closesOn?: string | null | undefined;
}

export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
export const MAX_INVITATIONS = 1000;

/** Whether a survey takes answers today (Vietnam date): published, opened, not closed. */
export function surveyState(
  s: Pick<SurveyRow, 'published' | 'opens_on' | 'closes_on' | 'removed_at'>,
  today: string,
): SurveyState {
  if (s.removed_at !== null) return 'closed';
  if (s.closes_on !== null && today > s.closes_on) return 'closed';
  if (s.published !== 1) return 'draft';
  if (s.opens_on !== null && today < s.opens_on) return 'scheduled';
  return 'open';
}

export const questionsOf = (s: Pick<SurveyRow, 'questions_json'>) =>
  parseJson<SurveyQuestion[]>(s.questions_json, []);

/** 'YYYY-MM-DD' days in Vietnam → ISO instants of the first and last millisecond. */
export function dayBounds(from: string, to: string): { fromIso: string; toIso: string } {
  const f = Date.parse(`${from}T00:00:00+07:00`);
  const t = Date.parse(`${to}T23:59:59.999+07:00`);
  if (Number.isNaN(f) || Number.isNaN(t) || f > t)
    throw new AppError('VALIDATION', 'Kỳ số liệu không hợp lệ: ngày đầu phải trước ngày cuối.');
  return { fromIso: new Date(f).toISOString(), toIso: new Date(t).toISOString() };
}

export function surveysService({
  db,
  clock,
  onAnswer,
}: {
  db: Q;
  clock: Clock;
  onAnswer?: (unitId: number) => void | Promise<void>;
}) {
  async function readableUnit(actor: Actor, unitId: number) {
    const unit = await findUnitById(db, unitId);
    if (!unit || !policy.readUnit(actor, unit.path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  async function loadReadable(actor: Actor, id: number): Promise<SurveyWithScope> {
    const s = await findSurvey(db, id);
    if (!s || s.removed_at !== null || !policy.readUnit(actor, s.unit_path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy khảo sát.');
    return s;
  }

  async function loadWritable(actor: Actor, id: number): Promise<SurveyWithScope> {
    const s = await loadReadable(actor, id);
    if (!policy.manageSurveys(actor, s.unit_id))
      throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới quản lý được khảo sát.');
    return s;
  }

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
      text: q.text.normalize('NFC').trim(),
      required: q.required,
      ...(q.kind === 'single' || q.kind === 'multiple'
        ? { options: (q.options ?? []).map((o) => o.normalize('NFC').trim()) }
        : {}),
      ...(q.satisfaction ? { satisfaction: true } : {}),
      ...(q.satisfaction && q.kind === 'single' ? { satisfiedOptions: q.satisfiedOptions ?? [] } : {}),
      ...(q.satisfaction && q.kind === 'single' && q.verySatisfiedOption !== undefined
        ? { verySatisfiedOption: q.verySatisfiedOption }
        : {}),
    }));

  return {
    loadReadable,
    templates: () => ['sipas', 'dossier_rating', 'blank'].map((id) => surveyTemplate(id)!),
    canManage: (actor: Actor, unitId: number) => policy.manageSurveys(actor, unitId),
    today: () => vietnamToday(clock),

    async list(actor: Actor, unitId: number) {
      await readableUnit(actor, unitId);
      return listSurveys(db, unitId);
    },

    async create(
      actor: Actor,
      unitId: number,
      input: SurveyInput & { template?: string | undefined },
      requestId?: string,
    ) {
      await readableUnit(actor, unitId);
      if (!policy.manageSurveys(actor, unitId))
        throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới tạo được khảo sát.');
      checkInput(input);
      const now = clock.now().toISOString();
      return db.transaction().execute(async (tx) => {
        const row = await insertSurvey(tx, {
          unit_id: unitId,
          slug: randomBytes(9).toString('base64url'),
          title: input.title.normalize('NFC').trim(),
          description: (input.description ?? '').normalize('NFC').trim(),
          template: input.template ?? null,
          questions_json: JSON.stringify(normQuestions(input.questions)),
          anonymous: input.anonymous ? 1 : 0,
          published: input.published ? 1 : 0,
          opens_on: input.opensOn ?? null,
          closes_on: input.closesOn ?? null,
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
    },

    /** Edits a survey; its questions and mode are locked once it has an answer. */
    async update(actor: Actor, id: number, input: SurveyInput, requestId?: string) {
      const s = await loadWritable(actor, id);
      checkInput(input);
      const answered = (await countResponses(db, id)) > 0;
      const questions = JSON.stringify(normQuestions(input.questions));
      if (answered && (questions !== s.questions_json || (input.anonymous ? 1 : 0) !== s.anonymous))
        throw new AppError('SURVEY_LOCKED');
      const now = clock.now().toISOString();
      const patch = {
        title: input.title.normalize('NFC').trim(),
        description: (input.description ?? '').normalize('NFC').trim(),
        questions_json: questions,
        anonymous: input.anonymous ? 1 : 0,
        published: input.published ? 1 : 0,
        opens_on: input.opensOn ?? null,
        closes_on: input.closesOn ?? null,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        // Checked again under the lock: an answer that came in meanwhile locks the questions.
        const cur = await lockSurvey(tx, id, 'update');
        if (
          (await countResponses(tx, id)) > 0 &&
          (questions !== cur?.questions_json || (input.anonymous ? 1 : 0) !== cur.anonymous)
        )
          throw new AppError('SURVEY_LOCKED');
        await updateSurvey(tx, id, patch);
        await insertAudit(tx, {
          unitId: s.unit_id,
          userId: actor.userId,
          entity: 'survey',
          entityId: id,
          action: 'update',
          before: { title: s.title, published: s.published, opens_on: s.opens_on, closes_on: s.closes_on },
          after: {
            title: patch.title,
            published: patch.published,
            opens_on: patch.opens_on,
            closes_on: patch.closes_on,
          },
          at: now,
          requestId,
        });
      });
      return { ...s, ...patch };
    },

    /** Archives a survey (its answers are kept, and no longer counted in the unit's rate). */
    async remove(actor: Actor, id: number, requestId?: string) {
      const s = await loadWritable(actor, id);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
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
      await onAnswer?.(s.unit_id);
    },

    async stats(s: SurveyWithScope) {
      const [responses, invitations] = await Promise.all([
        countResponses(db, s.id),
        invitationCounts(db, s.id),
      ]);
      return { responses, invitations };
    },

    /** N new invitation tokens (returned once: only their sha256 is stored). */
    async invite(actor: Actor, id: number, count: number, requestId?: string): Promise<string[]> {
      const s = await loadWritable(actor, id);
      if (s.anonymous === 1)
        throw new AppError(
          'VALIDATION',
          'Khảo sát ẩn danh theo trình duyệt không dùng mã mời: hãy chuyển sang chế độ "theo mã mời".',
        );
      if (!Number.isInteger(count) || count < 1 || count > MAX_INVITATIONS)
        throw new AppError('VALIDATION', `Số mã mời từ 1 đến ${MAX_INVITATIONS}.`);
      const tokens = Array.from({ length: count }, () => randomBytes(12).toString('base64url'));
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await insertInvitations(tx, id, tokens.map(sha), now);
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
    },

    async results(actor: Actor, id: number) {
      const s = await loadReadable(actor, id);
      const questions = questionsOf(s);
      const rows = await listResponses(db, id);
      const answers = rows.map((r) => parseJson<SurveyAnswers>(r.answers_json, {}));
      const counts = rows.reduce(
        (c, r) => ({
          verySatisfied: c.verySatisfied + r.very_satisfied,
          satisfied: c.satisfied + r.satisfied,
          notSatisfied: c.notSatisfied + r.not_satisfied,
        }),
        { verySatisfied: 0, satisfied: 0, notSatisfied: 0 },
      );
      return {
        survey: s,
        responses: rows.length,
        counts,
        satisfaction: surveySatisfaction(counts),
        questions: questionResults(questions, answers),
      };
    },

    /** The answers as .xlsx: a summary sheet and one row per answered form. */
    async workbook(actor: Actor, id: number): Promise<Buffer> {
      const s = await loadReadable(actor, id);
      const questions = questionsOf(s);
      const rows = await listResponses(db, id);
      const answers = rows.map((r) => parseJson<SurveyAnswers>(r.answers_json, {}));
      const counts = rows.reduce(
        (c, r) => ({
          verySatisfied: c.verySatisfied + r.very_satisfied,
          satisfied: c.satisfied + r.satisfied,
          notSatisfied: c.notSatisfied + r.not_satisfied,
        }),
        { verySatisfied: 0, satisfied: 0, notSatisfied: 0 },
      );
      const rate = surveySatisfaction(counts);
      const wb = new ExcelJS.Workbook();
      const sum = wb.addWorksheet('Tổng hợp');
      sum.addRow([s.title]).font = { bold: true, size: 13 };
      sum.addRow([s.unit_name]);
      sum.addRow(['Số phiếu trả lời', rows.length]);
      sum.addRow([
        'Tỷ lệ hài lòng (%)',
        rate.value ?? 'chưa có số liệu',
        `${rate.numerator}/${rate.denominator}`,
      ]);
      sum.addRow(['Cách tính', rate.definition]);
      sum.addRow([]);
      sum.addRow(['Câu hỏi', 'Số trả lời', 'Kết quả']).font = { bold: true };
      for (const r of questionResults(questions, answers)) {
        const detail =
          r.kind === 'scale'
            ? `Điểm trung bình ${r.mean ?? '—'}; ${r.scores.map((n, i) => `${i + 1} điểm: ${n}`).join('; ')}`
            : r.kind === 'text'
              ? `${r.answered} ý kiến`
              : r.options.map((o) => `${o.label}: ${o.count}`).join('; ');
        sum.addRow([r.text, r.answered, detail]);
      }
      sum.getColumn(1).width = 60;
      sum.getColumn(3).width = 80;
      const sheet = wb.addWorksheet('Câu trả lời');
      sheet.addRow(['STT', 'Thời điểm', ...questions.map((q) => q.text)]).font = { bold: true };
      rows.forEach((r, i) =>
        sheet.addRow([i + 1, r.submitted_at, ...questions.map((q) => answerText(q, answers[i]![q.key]))]),
      );
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    async qrPng(url: string): Promise<Buffer> {
      return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 320 });
    },

    /** The public form, by its slug; throws 404 for an unknown or removed survey. */
    async publicForm(slug: string) {
      const s = await findSurveyBySlug(db, slug);
      if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy khảo sát. Vui lòng kiểm tra lại đường dẫn.');
      return { survey: s, state: surveyState(s, vietnamToday(clock)), questions: questionsOf(s) };
    },

    /**
     * One answer: per invitation token (a token is used once), or per browser for an anonymous
     * survey (the browser's id is unique per survey in the database). Answers are never deleted.
     */
    async answer(
      slug: string,
      input: { answers: Record<string, unknown>; token?: string | undefined; browserId?: string | undefined },
    ) {
      const s = await findSurveyBySlug(db, slug);
      if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy khảo sát. Vui lòng kiểm tra lại đường dẫn.');
      if (surveyState(s, vietnamToday(clock)) !== 'open') throw new AppError('SURVEY_CLOSED');
      const questions = questionsOf(s);
      const checked = checkAnswers(questions, input.answers);
      if (!checked.ok) throw new AppError('VALIDATION', checked.message);
      const counts = responseSatisfaction(questions, checked.answers);
      const now = clock.now().toISOString();
      // Inside the answer's transaction: the survey still has the questions the answers were
      // checked against and still takes answers (an edit or a close may have come meanwhile).
      const stillAsAnswered = async (tx: Q) => {
        const cur = await lockSurvey(tx, s.id, 'share');
        if (!cur || cur.questions_json !== s.questions_json) throw new AppError('CHANGED_MEANWHILE');
        if (surveyState({ ...s, ...cur }, vietnamToday(clock)) !== 'open')
          throw new AppError('SURVEY_CLOSED');
      };
      const base = {
        survey_id: s.id,
        unit_id: s.unit_id,
        answers_json: JSON.stringify(checked.answers),
        very_satisfied: counts.verySatisfied,
        satisfied: counts.satisfied,
        not_satisfied: counts.notSatisfied,
        submitted_at: now,
      };
      try {
        if (s.anonymous === 0) {
          if (!input.token) throw new AppError('SURVEY_TOKEN');
          const inv = await findInvitation(db, s.id, sha(input.token));
          if (!inv)
            throw new AppError(
              'SURVEY_TOKEN',
              'Mã mời không đúng. Vui lòng dùng đúng đường dẫn (mã QR) được gửi cho bạn.',
            );
          if (inv.used_at !== null)
            throw new AppError('SURVEY_ANSWERED', 'Mã mời này đã được dùng để trả lời. Cảm ơn bạn!');
          await db.transaction().execute(async (tx) => {
            await stillAsAnswered(tx);
            if (!(await useInvitation(tx, inv.id, now)))
              throw new AppError('SURVEY_ANSWERED', 'Mã mời này đã được dùng để trả lời. Cảm ơn bạn!');
            const rid = await insertResponse(tx, { ...base, invitation_id: inv.id, browser_id: null });
            await insertAudit(tx, {
              unitId: s.unit_id,
              userId: null,
              entity: 'survey_response',
              entityId: rid,
              action: 'answer',
              after: { surveyId: s.id, invitation: true },
              at: now,
            });
          });
        } else {
          const browserId = input.browserId;
          if (!browserId)
            throw new AppError(
              'VALIDATION',
              'Thiếu mã trình duyệt: vui lòng bật cookie/lưu trữ của trình duyệt rồi thử lại.',
            );
          if (await findBrowserResponse(db, s.id, browserId)) throw new AppError('SURVEY_ANSWERED');
          await db.transaction().execute(async (tx) => {
            await stillAsAnswered(tx);
            const rid = await insertResponse(tx, { ...base, invitation_id: null, browser_id: browserId });
            await insertAudit(tx, {
              unitId: s.unit_id,
              userId: null,
              entity: 'survey_response',
              entityId: rid,
              action: 'answer',
              after: { surveyId: s.id },
              at: now,
            });
          });
        }
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('SURVEY_ANSWERED');
        throw e;
      }
      await onAnswer?.(s.unit_id);
    },

    /** The unit's survey satisfaction rate over answers submitted in [from, to] (Vietnam dates). */
    async satisfaction(unitId: number, from: string, to: string): Promise<Figure> {
      const { fromIso, toIso } = dayBounds(from, to);
      return surveySatisfaction(await satisfactionCounts(db, unitId, fromIso, toIso));
    },
  };
}

export type SurveysService = ReturnType<typeof surveysService>;
