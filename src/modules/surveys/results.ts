import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import type { Figure } from '../../core/metrics/index.js';
import { answerText, questionResults, surveySatisfaction } from '../../core/survey/index.js';
import type { SurveyAnswers, SurveyQuestion } from '../../core/survey/index.js';
import { parseJson } from '../../lib/json.js';
import type { Actor } from '../auth/roles.js';
import { dayBounds, loadReadable, questionsOf } from './context.js';
import type { SurveysDeps } from './context.js';
import { listResponses, satisfactionCounts } from './repository.js';
import type { SurveyWithScope } from './repository.js';

type ResponseRow = Awaited<ReturnType<typeof listResponses>>[number];

/** A survey's answers with the satisfaction counts summed over them. */
async function answered(deps: SurveysDeps, actor: Actor, id: number) {
  const s = await loadReadable(deps, actor, id);
  const rows = await listResponses(deps.db, id);
  const answers = rows.map((r) => parseJson<SurveyAnswers>(r.answers_json, {}));
  const counts = rows.reduce(
    (c, r: ResponseRow) => ({
      verySatisfied: c.verySatisfied + r.very_satisfied,
      satisfied: c.satisfied + r.satisfied,
      notSatisfied: c.notSatisfied + r.not_satisfied,
    }),
    { verySatisfied: 0, satisfied: 0, notSatisfied: 0 },
  );
  return { s, questions: questionsOf(s), rows, answers, counts };
}

export async function surveyResults(deps: SurveysDeps, actor: Actor, id: number) {
  const { s, questions, rows, answers, counts } = await answered(deps, actor, id);
  return {
    survey: s,
    responses: rows.length,
    counts,
    satisfaction: surveySatisfaction(counts),
    questions: questionResults(questions, answers),
  };
}

/** One line of the summary sheet: what a question's answers add up to. */
function resultText(r: ReturnType<typeof questionResults>[number]): string {
  if (r.kind === 'scale')
    return `Điểm trung bình ${r.mean ?? '—'}; ${r.scores.map((n, i) => `${i + 1} điểm: ${n}`).join('; ')}`;
  if (r.kind === 'text') return `${r.answered} ý kiến`;
  return r.options.map((o) => `${o.label}: ${o.count}`).join('; ');
}

function summarySheet(
  wb: ExcelJS.Workbook,
  s: SurveyWithScope,
  responses: number,
  rate: Figure,
  results: ReturnType<typeof questionResults>,
) {
  const sum = wb.addWorksheet('Tổng hợp');
  sum.addRow([s.title]).font = { bold: true, size: 13 };
  sum.addRow([s.unit_name]);
  sum.addRow(['Số phiếu trả lời', responses]);
  sum.addRow([
    'Tỷ lệ hài lòng (%)',
    rate.value ?? 'chưa có số liệu',
    `${rate.numerator}/${rate.denominator}`,
  ]);
  sum.addRow(['Cách tính', rate.definition]);
  sum.addRow([]);
  sum.addRow(['Câu hỏi', 'Số trả lời', 'Kết quả']).font = { bold: true };
  for (const r of results) sum.addRow([r.text, r.answered, resultText(r)]);
  sum.getColumn(1).width = 60;
  sum.getColumn(3).width = 80;
}

/** The answers as .xlsx: a summary sheet and one row per answered form. */
export async function surveyWorkbook(deps: SurveysDeps, actor: Actor, id: number): Promise<Buffer> {
  const { s, questions, rows, answers, counts } = await answered(deps, actor, id);
  const wb = new ExcelJS.Workbook();
  summarySheet(wb, s, rows.length, surveySatisfaction(counts), questionResults(questions, answers));
  const sheet = wb.addWorksheet('Câu trả lời');
  sheet.addRow(['STT', 'Thời điểm', ...questions.map((q: SurveyQuestion) => q.text)]).font = { bold: true };
  rows.forEach((r, i) =>
    sheet.addRow([i + 1, r.submitted_at, ...questions.map((q) => answerText(q, answers[i]![q.key]))]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function surveyQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 320 });
}

/** The unit's survey satisfaction rate over answers submitted in [from, to] (Vietnam dates). */
export async function unitSatisfaction(
  { db }: SurveysDeps,
  unitId: number,
  from: string,
  to: string,
): Promise<Figure> {
  const { fromIso, toIso } = dayBounds(from, to);
  return surveySatisfaction(await satisfactionCounts(db, unitId, fromIso, toIso));
}
