import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { multipartBody } from '../../../tests/support/app.js';
import { describeEachDb } from '../../../tests/support/db.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import { DEMO_PAR_FILE, DEMO_PAR_SOURCE } from '../../demo/par-criteria.js';
import { PAR_XLSX_COLUMNS } from '../../documents/par.js';
import type { ParHarness, ParWorld } from './par.test-support.js';
import { PDF, leafIn, parApp, setParNow, world } from './par.test-support.js';
import type { AssessmentOut } from './schema.js';

/**
 * One year of a school, step by step on one database: the ward imports the set, the school
 * scores (one leaf from the dossier register), links and uploads evidence, explains and submits;
 * the ward appraises, returns, finalises and ranks; the outputs read back. Each step continues
 * from the one before.
 */
type Leaf = AssessmentOut['nodes'][number];

/** The ward imports the school set; the school receives 3 dossiers, 1 online (33,33 % → 3 points on III.4). */
async function importSetAndDossiers(h: ParHarness, w: ParWorld) {
  const imported = await h.upload(
    '/api/par/criteria-sets',
    w.wardOfficer.cookie,
    { name: 'Bộ tiêu chí trường học 2026', year: '2026', unitKind: 'school', source: DEMO_PAR_SOURCE },
    { filename: 'bo-tieu-chi.xlsx', content: await readFile(DEMO_PAR_FILE) },
  );
  expect(imported.statusCode, imported.body).toBe(200);
  expect(imported.json()).toMatchObject({ version: 1, totals: { totalMax: 100, leaves: 28 } });

  // Dossiers: 1 online of 3 received → 33,33 % → 3 points on III.4 (≥ 30 %).
  const proc = await h.req('POST', '/api/procedures', w.head.cookie, {
    unitId: w.school.id,
    code: '1.001',
    name: 'Chuyển trường',
    limitUnit: 'working_days',
    limitAmount: 5,
    feeBearing: false,
    onlineLevel: 'partial',
    resultType: 'paper',
  });
  expect(proc.statusCode, proc.body).toBe(200);
  for (const channel of ['online', 'direct', 'direct'])
    expect(
      (
        await h.req('POST', '/api/dossiers', w.head.cookie, {
          unitId: w.school.id,
          procedureId: proc.json<{ id: number }>().id,
          channel,
          applicant: { name: 'Nguyễn Văn An', address: '1 Trần Hưng Đạo', phone: '0901234567' },
          documents: [{ name: 'Đơn', copies: 1, kind: 'original' }],
        })
      ).statusCode,
    ).toBe(200);
}

/** The school starts; the automatic leaf reads the register; scope and rules hold. */
async function startAndCheckScope(h: ParHarness, w: ParWorld) {
  const none = await h.req('GET', `/api/par/units/${w.school.id}/years/2026`, w.head.cookie);
  expect(none.json()).toMatchObject({ assessment: null, actions: { start: true } });
  expect((await h.req('POST', `/api/par/units/${w.school.id}/years/2026`, w.staff.cookie)).statusCode).toBe(
    403,
  );
  const started = await h.req('POST', `/api/par/units/${w.school.id}/years/2026`, w.head.cookie);
  expect(started.statusCode, started.body).toBe(200);
  const a = started.json<AssessmentOut>();

  // The automatic leaf equals the register figure it is bound to.
  const online = leafIn(a, '4', 'III');
  expect(online.rule).toMatchObject({ kind: 'bands', metric: 'dossier_online' });
  const measured = await h.t.services.dossiers.measure(w.school.id, '2026-01-01', '2026-06-15');
  expect(measured.onlineShare.value).toBe(33.33);
  expect(online.score).toMatchObject({ figure: measured.onlineShare.value, selfScore: 3 });
  expect(online.score!.figureText).toContain('33,33%');

  // Scope: the ward and strangers cannot score; a stranger does not even see it.
  const l11 = leafIn(a, '1.1', 'I');
  expect(
    (
      await h.req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}`, w.wardOfficer.cookie, {
        score: 1,
      })
    ).statusCode,
  ).toBe(403);
  expect((await h.req('GET', `/api/par/assessments/${a.id}`, w.stranger.cookie)).statusCode).toBe(404);
  expect(
    (
      await h.req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}`, w.stranger.cookie, {
        score: 1,
      })
    ).statusCode,
  ).toBe(404);
  // Rules: yes/no leaf takes 0 or max; over the maximum refused.
  const bad = await h.req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}`, w.head.cookie, {
    score: 0.5,
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.json<{ error: { message: string } }>().error.message).toContain('0 hoặc 1');
  return { a, l11 };
}

/** A task's evidence file of the school's plan linked to leaf 1.1; another unit's report refused. */
async function linkTaskEvidence(h: ParHarness, w: ParWorld, a: AssessmentOut, l11: Leaf) {
  // Evidence from a task of the plan.
  const { planId } = await importPlan(
    h.t,
    w.head.cookie,
    w.school.id,
    smallPlanText({ unitName: w.school.name }),
  );
  const plan = (await h.req('GET', `/api/plans/${planId}`, w.head.cookie)).json<{
    tasks: { id: number; code: string }[];
  }>();
  const mp = multipartBody(
    {},
    { field: 'file', filename: 'ke-hoach.pdf', content: PDF, contentType: 'application/pdf' },
  );
  const taskEv = await h.t.app.inject({
    method: 'POST',
    url: `/api/tasks/${plan.tasks[0]!.id}/evidence`,
    headers: { cookie: w.head.cookie, ...mp.headers },
    payload: mp.payload,
  });
  expect(taskEv.statusCode, taskEv.body).toBe(200);
  const linked = await h.req(
    'POST',
    `/api/par/assessments/${a.id}/scores/${l11.criterionId}/links`,
    w.head.cookie,
    {
      kind: 'task_evidence',
      refId: taskEv.json<{ id: number }>().id,
    },
  );
  expect(linked.statusCode, linked.body).toBe(200);
  // Another unit's evidence cannot be linked.
  expect(
    (
      await h.req('POST', `/api/par/assessments/${a.id}/scores/${l11.criterionId}/links`, w.head.cookie, {
        kind: 'report_submission',
        refId: 999999,
      })
    ).statusCode,
  ).toBe(404);
  return linked.json<AssessmentOut>();
}

/** Every leaf scored, evidence uploaded, notes written where evidence is missing; then submitted. */
async function scoreAndSubmit(h: ParHarness, w: ParWorld, linked: AssessmentOut, l11: Leaf) {
  let a = linked;
  // Score every leaf: full marks, except 1.2 at 2 (with a file), I.5 without evidence (needs a note), VIII not applicable.
  for (const n of a.nodes.filter((x) => x.isLeaf && x.rule.kind !== 'bands')) {
    const body =
      n.code === '1' && a.nodes.find((p) => p.criterionId === n.parentId)?.code === 'VIII'
        ? { notApplicable: true, note: 'Chưa tổ chức khảo sát' }
        : { score: n.max };
    const r = await h.req('PUT', `/api/par/assessments/${a.id}/scores/${n.criterionId}`, w.head.cookie, body);
    expect(r.statusCode, `${n.code}: ${r.body}`).toBe(200);
  }
  const l12 = leafIn(a, '1.2', 'I');
  await h.req('PUT', `/api/par/assessments/${a.id}/scores/${l12.criterionId}`, w.head.cookie, { score: 2 });
  const fileUp = multipartBody(
    {},
    { field: 'file', filename: 'bao-cao-nam.pdf', content: PDF, contentType: 'application/pdf' },
  );
  expect(
    (
      await h.t.app.inject({
        method: 'POST',
        url: `/api/par/assessments/${a.id}/scores/${l12.criterionId}/evidence`,
        headers: { cookie: w.head.cookie, ...fileUp.headers },
        payload: fileUp.payload,
      })
    ).statusCode,
  ).toBe(200);

  // Bands leaves of the other registers have no data: marked not applicable with a reason.
  a = (await h.req('GET', `/api/par/assessments/${a.id}`, w.head.cookie)).json<AssessmentOut>();
  for (const n of a.nodes.filter((x) => x.isLeaf && x.rule.kind === 'bands' && x.score!.selfScore === null))
    await h.req('PUT', `/api/par/assessments/${a.id}/scores/${n.criterionId}`, w.head.cookie, {
      notApplicable: true,
      note: 'Không phát sinh',
    });

  // Submission is refused while leaves scored without evidence have no explanation.
  const refused = await h.req('POST', `/api/par/assessments/${a.id}/submit`, w.head.cookie);
  expect(refused.statusCode).toBe(400);
  const problems = refused.json<{ error: { details: { problems: { code: string }[] } } }>().error.details
    .problems;
  expect(problems.length).toBeGreaterThan(0);
  a = (await h.req('GET', `/api/par/assessments/${a.id}`, w.head.cookie)).json<AssessmentOut>();
  expect(a.progress.explanationMissing).toBe(problems.length);
  for (const n of a.nodes.filter((x) => x.score?.explanationRequired))
    await h.req('PUT', `/api/par/assessments/${a.id}/scores/${n.criterionId}`, w.head.cookie, {
      note: 'Tài liệu lưu bản giấy tại văn phòng',
    });

  const submitted = await h.req('POST', `/api/par/assessments/${a.id}/submit`, w.head.cookie);
  expect(submitted.statusCode, submitted.body).toBe(200);
  a = submitted.json<AssessmentOut>();
  // Applicable maximum: 100 − VIII (10) − the bands leaves without data; score = that − 1 (1.2) − 3 (III.4 at 3 of 6).
  const naMax = a.nodes.filter((n) => n.score?.notApplicable).reduce((s, n) => s + n.max!, 0);
  expect(a.totals.self.reducedMax).toBe(100 - naMax);
  expect(a.totals.self.score).toBe(100 - naMax - 1 - 3);
  expect(a.selfIndex).toBe(Math.round(((100 - naMax - 4) / (100 - naMax)) * 10000) / 100);
  expect(a).toMatchObject({ status: 'submitted', actions: { score: false, submit: false } });
  expect(
    (
      await h.req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}`, w.head.cookie, {
        score: 0,
      })
    ).statusCode,
  ).toBe(409);
  return { a, naMax };
}

/** The ward appraises (a reason for the change), returns, the school explains, the ward finalises. */
async function appraiseAndFinalize(
  h: ParHarness,
  w: ParWorld,
  submittedView: AssessmentOut,
  l11: Leaf,
  naMax: number,
) {
  let a = submittedView;
  // Appraisal: the school cannot appraise itself; an adjusted score needs a reason.
  expect(
    (
      await h.req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}/appraisal`, w.head.cookie, {
        score: 0,
      })
    ).statusCode,
  ).toBe(403);
  const noReason = await h.req(
    'PUT',
    `/api/par/assessments/${a.id}/scores/${l11.criterionId}/appraisal`,
    w.wardReviewer.cookie,
    { score: 0 },
  );
  expect(noReason.statusCode).toBe(400);
  expect(noReason.json<{ error: { message: string } }>().error.message).toContain('lý do');
  const adjusted = await h.req(
    'PUT',
    `/api/par/assessments/${a.id}/scores/${l11.criterionId}/appraisal`,
    w.wardReviewer.cookie,
    {
      score: 0,
      reason: 'Kế hoạch ban hành sau thời hạn',
    },
  );
  expect(adjusted.statusCode, adjusted.body).toBe(200);
  expect(
    (
      await h.req('POST', `/api/par/assessments/${a.id}/return`, w.wardReviewer.cookie, {
        reason: 'Đề nghị giải trình tiêu chí 1.1',
      })
    ).json(),
  ).toMatchObject({ status: 'returned' });
  expect(
    (
      await h.req(
        'PUT',
        `/api/par/assessments/${a.id}/scores/${l11.criterionId}/explanation`,
        w.head.cookie,
        { explanation: 'Kế hoạch ban hành ngày 20/01 do chờ hướng dẫn' },
      )
    ).statusCode,
  ).toBe(200);
  expect(
    (await h.req('POST', `/api/par/assessments/${a.id}/explanations`, w.head.cookie)).json(),
  ).toMatchObject({ status: 'submitted' });
  const final = await h.req('POST', `/api/par/assessments/${a.id}/finalize`, w.wardReviewer.cookie, {
    surveyWeight: 10,
    surveyRate: 90,
  });
  expect(final.statusCode, final.body).toBe(200);
  a = final.json<AssessmentOut>();
  const appraisedIndex = Math.round(((100 - naMax - 5) / (100 - naMax)) * 10000) / 100;
  expect(a.totals.appraised!.indexOn100).toBe(appraisedIndex);
  expect(a.finalIndex).toBe(Math.round((appraisedIndex * 0.9 + 9) * 100) / 100);
  return a;
}

/** The ward's ranking with the change from last year (entered once: the system has no 2025 assessment). */
async function rankAgainstLastYear(h: ParHarness, w: ParWorld, a: AssessmentOut) {
  // Ranking with the change from last year (entered once: the system has no 2025 assessment).
  expect(
    (
      await h.req('PUT', `/api/par/units/${w.school.id}/years/2025/previous-index`, w.head.cookie, {
        value: 80,
      })
    ).statusCode,
  ).toBe(200);
  const ranking = await h.req('GET', `/api/par/ranking?unitId=${w.ward.id}&year=2026`, w.wardReviewer.cookie);
  expect(ranking.statusCode, ranking.body).toBe(200);
  expect(ranking.json<{ rows: unknown[] }>().rows).toEqual([
    expect.objectContaining({
      unit: expect.objectContaining({ id: w.school.id }),
      rank: 1,
      finalIndex: a.finalIndex,
      previous: 80,
      change: Math.round((a.finalIndex! - 80) * 100) / 100,
    }),
    expect.objectContaining({
      unit: expect.objectContaining({ id: w.school2.id }),
      rank: null,
      statusLabel: 'Chưa tự đánh giá',
    }),
  ]);
  expect(
    (await h.req('GET', `/api/par/ranking?unitId=${w.ward.id}&year=2026`, w.stranger.cookie)).statusCode,
  ).toBe(404);
}

/** The scoring sheet in the layout it came in, the report and the evidence bundle. */
async function readOutputs(h: ParHarness, w: ParWorld, a: AssessmentOut) {
  // The scoring sheet, read back in the layout it came in.
  const xlsx = await h.req('GET', `/api/par/assessments/${a.id}/scoring.xlsx`, w.wardReviewer.cookie);
  expect(xlsx.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const header = ws.getRow(3);
  expect(header.getCell(2).value).toBe('Lĩnh vực/Tiêu chí/Tiêu chí thành phần');
  expect(header.getCell(6).value).toBe(PAR_XLSX_COLUMNS[0]);
  let row11 = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === '1.1' && row11 === 0) row11 = n;
  });
  expect(ws.getRow(row11).getCell(2).value).toBe('Ban hành kế hoạch CCHC năm đúng thời hạn');
  expect([6, 7, 8, 9].map((c) => ws.getRow(row11).getCell(c).value)).toEqual([
    1,
    0,
    'Kế hoạch ban hành sau thời hạn',
    'Kế hoạch ban hành ngày 20/01 do chờ hướng dẫn',
  ]);
  expect(ws.getRow(row11).getCell(10).text).toContain('Minh chứng nhiệm vụ 1.1: ke-hoach.pdf');

  const docx = await h.req('GET', `/api/par/assessments/${a.id}/report.docx`, w.head.cookie);
  expect(docx.statusCode).toBe(200);
  const docXml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
  expect(docXml).toContain('KẾT QUẢ TỰ ĐÁNH GIÁ');
  const zip = await JSZip.loadAsync(
    (await h.req('GET', `/api/par/assessments/${a.id}/evidence.zip`, w.wardReviewer.cookie)).rawPayload,
  );
  const index = await zip.file('muc-luc.txt')!.async('string');
  expect(index).toContain('Tiêu chí 1.1');
  expect(Object.keys(zip.files).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
  expect(
    (await h.req('GET', `/api/par/assessments/${a.id}/evidence.zip`, w.stranger.cookie)).statusCode,
  ).toBe(404);
}

describeEachDb('PAR Index: a school’s year', (open) => {
  const h = parApp(open);
  // The steps run in order, each from where the one before left the assessment.
  let w: ParWorld;
  let started: Awaited<ReturnType<typeof startAndCheckScope>>;
  let submitted: Awaited<ReturnType<typeof scoreAndSubmit>>;
  let final: AssessmentOut;

  it('runs a school’s self-assessment: the ward imports the set, the school starts, scope and rules hold', async () => {
    setParNow('2026-06-15T09:00:00+07:00');
    w = await world(h.t);
    await importSetAndDossiers(h, w);
    started = await startAndCheckScope(h, w);
  });

  it('links evidence, scores every leaf, explains missing evidence and submits', async () => {
    const linked = await linkTaskEvidence(h, w, started.a, started.l11);
    submitted = await scoreAndSubmit(h, w, linked, started.l11);
  });

  it('the ward’s appraisal, explanation and final index', async () => {
    final = await appraiseAndFinalize(h, w, submitted.a, started.l11, submitted.naMax);
  });

  it('ranking and outputs', async () => {
    await rankAgainstLastYear(h, w, final);
    await readOutputs(h, w, final);
  });
});
