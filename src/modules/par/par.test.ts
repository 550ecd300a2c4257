import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, makeApp, multipartBody, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import { DEMO_PAR_FILE, DEMO_PAR_SOURCE } from '../../demo/par-criteria.js';
import type { Clock } from '../../lib/clock.js';
import { PAR_XLSX_COLUMNS } from '../../documents/par.js';
import type { AssessmentOut } from './schema.js';

let nowIso = '2026-06-15T09:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A set in another layout: codes inside the text column, merged cells, capital fields, a)/b) leaves. */
async function mergedLayoutSet(opts: { broken?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('TC');
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = 'BẢNG TIÊU CHÍ CHẤM ĐIỂM CẤP XÃ (THỬ)';
  ws.getRow(3).values = ['Nội dung tiêu chí', 'Điểm tối đa', 'Tài liệu kiểm chứng'];
  const rows: [string, number | null, string | null][] = [
    ['I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH', 6, null],
    ['1. Kế hoạch CCHC', 6, null],
    ['a) Ban hành kế hoạch', 2, 'Kế hoạch'],
    ['b) Thực hiện kế hoạch', opts.broken ? 3 : 4, 'Báo cáo'],
    ['CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 4, null],
    ['1. Niêm yết thủ tục', opts.broken ? null : 4, null],
  ];
  rows.forEach(([text, max, ev], i) => {
    const r = 4 + i;
    ws.getCell(`A${r}`).value = text;
    ws.getCell(`B${r}`).value = max;
    ws.getCell(`C${r}`).value = ev;
  });
  // A field row merged across the points and evidence columns: its title must not read as points.
  ws.mergeCells('A8:B8');
  ws.mergeCells('C6:C7');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDb('PAR Index', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 3650 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const upload = (
    url: string,
    cookie: string,
    fields: Record<string, string>,
    file: { filename: string; content: Buffer },
  ) => {
    const mp = multipartBody(fields, {
      field: 'file',
      filename: file.filename,
      content: file.content,
      contentType: XLSX,
    });
    return t.app.inject({ method: 'POST', url, headers: { cookie, ...mp.headers }, payload: mp.payload });
  };

  async function world() {
    const ward = await createUnit(t, { kind: 'ward', name: 'Phường Chỉ Số' });
    const school = await createUnit(t, { parentId: ward.id, kind: 'school', name: 'Trường Tiểu học Chỉ Số' });
    const school2 = await createUnit(t, { parentId: ward.id, kind: 'school', name: 'Trường THCS Chỉ Số' });
    const other = await createUnit(t, { kind: 'ward', name: 'Phường Khác' });
    return {
      ward,
      school,
      school2,
      other,
      wardOfficer: await userWithSession(t, ward.id, ['officer']),
      wardReviewer: await userWithSession(t, ward.id, ['reviewer']),
      head: await userWithSession(t, school.id, ['head']),
      head2: await userWithSession(t, school2.id, ['head']),
      staff: await userWithSession(t, school.id, ['staff']),
      stranger: await userWithSession(t, other.id, ['admin']),
    };
  }

  it('imports criteria sets in two layouts with their totals, refuses a broken one naming the rows', async () => {
    const w = await world();
    const demo = await readFile(DEMO_PAR_FILE);
    const preview = await upload(
      '/api/par/criteria-sets/preview',
      w.wardOfficer.cookie,
      {},
      { filename: 'bo-tieu-chi.xlsx', content: demo },
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      ok: true,
      issues: [],
      totals: { fields: 8, leaves: 28, totalMax: 100 },
    });
    expect(
      preview.json<{ totals: { perField: { max: number }[] } }>().totals.perField.map((f) => f.max),
    ).toEqual([14, 8, 20, 8, 12, 10, 18, 10]);

    const merged = await upload(
      '/api/par/criteria-sets/preview',
      w.wardOfficer.cookie,
      {},
      { filename: 'xa.xlsx', content: await mergedLayoutSet() },
    );
    expect(merged.json()).toMatchObject({
      ok: true,
      totals: { fields: 2, criteria: 4, leaves: 3, totalMax: 10 },
    });
    const tree = merged.json<{
      tree: {
        code: string;
        children: { code: string; children: { code: string; evidence: string | null }[] }[];
      }[];
    }>().tree;
    expect(tree.map((f) => f.code)).toEqual(['I', 'II']);
    expect(tree[0]!.children[0]!.children.map((c) => [c.code, c.evidence])).toEqual([
      ['a)', 'Kế hoạch'],
      ['b)', null],
    ]);

    const broken = await upload(
      '/api/par/criteria-sets',
      w.wardOfficer.cookie,
      { name: 'Bộ hỏng', year: '2026' },
      { filename: 'hong.xlsx', content: await mergedLayoutSet({ broken: true }) },
    );
    expect(broken.statusCode).toBe(400);
    expect(
      broken
        .json<{ error: { message: string; details: { issues: { row: number }[] } } }>()
        .error.details.issues.map((i) => i.row),
    ).toEqual([5, 9]);
    expect(broken.json<{ error: { message: string } }>().error.message).toContain('dòng 5');
    expect(
      (await req('GET', `/api/par/criteria-sets?unitId=${w.ward.id}`, w.wardOfficer.cookie)).json<{
        items: unknown[];
      }>().items,
    ).toHaveLength(0);

    // A school cannot import for its ward (out of its reach: 404).
    expect(
      (
        await upload(
          '/api/par/criteria-sets',
          w.head.cookie,
          { name: 'Bộ tiêu chí', year: '2026', unitId: String(w.ward.id) },
          { filename: 'b.xlsx', content: demo },
        )
      ).statusCode,
    ).toBe(404);
  });

  it('numbers versions of one set once each under simultaneous imports, and keeps only the newest active', async () => {
    const w = await world();
    const demo = await readFile(DEMO_PAR_FILE);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        upload(
          '/api/par/criteria-sets',
          w.wardOfficer.cookie,
          { name: 'Bộ tiêu chí đồng thời', year: '2027', unitKind: 'school' },
          { filename: 'bo.xlsx', content: demo },
        ),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const versions = results.map((r) => r.json<{ version: number }>().version).sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
    const sets = (
      await req('GET', `/api/par/criteria-sets?unitId=${w.ward.id}&year=2027`, w.wardOfficer.cookie)
    ).json<{ items: { version: number; status: string }[] }>().items;
    expect(sets.filter((x) => x.status === 'active').map((x) => x.version)).toEqual([6]);
  });

  it('runs a school’s self-assessment, the ward’s appraisal, explanation, final index, ranking and outputs', async () => {
    nowIso = '2026-06-15T09:00:00+07:00';
    const w = await world();
    const imported = await upload(
      '/api/par/criteria-sets',
      w.wardOfficer.cookie,
      { name: 'Bộ tiêu chí trường học 2026', year: '2026', unitKind: 'school', source: DEMO_PAR_SOURCE },
      { filename: 'bo-tieu-chi.xlsx', content: await readFile(DEMO_PAR_FILE) },
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ version: 1, totals: { totalMax: 100, leaves: 28 } });

    // Dossiers: 1 online of 3 received → 33,33 % → 3 points on III.4 (≥ 30 %).
    const proc = await req('POST', '/api/procedures', w.head.cookie, {
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
          await req('POST', '/api/dossiers', w.head.cookie, {
            unitId: w.school.id,
            procedureId: proc.json<{ id: number }>().id,
            channel,
            applicant: { name: 'Nguyễn Văn An', address: '1 Trần Hưng Đạo', phone: '0901234567' },
            documents: [{ name: 'Đơn', copies: 1, kind: 'original' }],
          })
        ).statusCode,
      ).toBe(200);

    const none = await req('GET', `/api/par/units/${w.school.id}/years/2026`, w.head.cookie);
    expect(none.json()).toMatchObject({ assessment: null, actions: { start: true } });
    expect((await req('POST', `/api/par/units/${w.school.id}/years/2026`, w.staff.cookie)).statusCode).toBe(
      403,
    );
    const started = await req('POST', `/api/par/units/${w.school.id}/years/2026`, w.head.cookie);
    expect(started.statusCode, started.body).toBe(200);
    let a = started.json<AssessmentOut>();
    const leaf = (code: string, field: string) => {
      const f = a.nodes.find((n) => n.depth === 1 && n.code === field)!;
      const under = (id: number): AssessmentOut['nodes'] =>
        a.nodes.filter((n) => n.parentId === id).flatMap((n) => [n, ...under(n.criterionId)]);
      return under(f.criterionId).find((n) => n.code === code && n.isLeaf)!;
    };

    // The automatic leaf equals the register figure it is bound to.
    const online = leaf('4', 'III');
    expect(online.rule).toMatchObject({ kind: 'bands', metric: 'dossier_online' });
    const measured = await t.services.dossiers.measure(w.school.id, '2026-01-01', '2026-06-15');
    expect(measured.onlineShare.value).toBe(33.33);
    expect(online.score).toMatchObject({ figure: measured.onlineShare.value, selfScore: 3 });
    expect(online.score!.figureText).toContain('33,33%');

    // Scope: the ward and strangers cannot score; a stranger does not even see it.
    const l11 = leaf('1.1', 'I');
    expect(
      (
        await req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}`, w.wardOfficer.cookie, {
          score: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await req('GET', `/api/par/assessments/${a.id}`, w.stranger.cookie)).statusCode).toBe(404);
    expect(
      (
        await req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}`, w.stranger.cookie, {
          score: 1,
        })
      ).statusCode,
    ).toBe(404);
    // Rules: yes/no leaf takes 0 or max; over the maximum refused.
    const bad = await req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}`, w.head.cookie, {
      score: 0.5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('0 hoặc 1');

    // Evidence from a task of the plan.
    const { planId } = await importPlan(
      t,
      w.head.cookie,
      w.school.id,
      smallPlanText({ unitName: w.school.name }),
    );
    const plan = (await req('GET', `/api/plans/${planId}`, w.head.cookie)).json<{
      tasks: { id: number; code: string }[];
    }>();
    const mp = multipartBody(
      {},
      { field: 'file', filename: 'ke-hoach.pdf', content: PDF, contentType: 'application/pdf' },
    );
    const taskEv = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${plan.tasks[0]!.id}/evidence`,
      headers: { cookie: w.head.cookie, ...mp.headers },
      payload: mp.payload,
    });
    expect(taskEv.statusCode, taskEv.body).toBe(200);
    const linked = await req(
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
        await req('POST', `/api/par/assessments/${a.id}/scores/${l11.criterionId}/links`, w.head.cookie, {
          kind: 'report_submission',
          refId: 999999,
        })
      ).statusCode,
    ).toBe(404);

    // Score every leaf: full marks, except 1.2 at 2 (with a file), I.5 without evidence (needs a note), VIII not applicable.
    a = linked.json<AssessmentOut>();
    for (const n of a.nodes.filter((x) => x.isLeaf && x.rule.kind !== 'bands')) {
      const body =
        n.code === '1' && a.nodes.find((p) => p.criterionId === n.parentId)?.code === 'VIII'
          ? { notApplicable: true, note: 'Chưa tổ chức khảo sát' }
          : { score: n.max };
      const r = await req('PUT', `/api/par/assessments/${a.id}/scores/${n.criterionId}`, w.head.cookie, body);
      expect(r.statusCode, `${n.code}: ${r.body}`).toBe(200);
    }
    const l12 = leaf('1.2', 'I');
    await req('PUT', `/api/par/assessments/${a.id}/scores/${l12.criterionId}`, w.head.cookie, { score: 2 });
    const fileUp = multipartBody(
      {},
      { field: 'file', filename: 'bao-cao-nam.pdf', content: PDF, contentType: 'application/pdf' },
    );
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/par/assessments/${a.id}/scores/${l12.criterionId}/evidence`,
          headers: { cookie: w.head.cookie, ...fileUp.headers },
          payload: fileUp.payload,
        })
      ).statusCode,
    ).toBe(200);

    // Bands leaves of the other registers have no data: marked not applicable with a reason.
    a = (await req('GET', `/api/par/assessments/${a.id}`, w.head.cookie)).json<AssessmentOut>();
    for (const n of a.nodes.filter((x) => x.isLeaf && x.rule.kind === 'bands' && x.score!.selfScore === null))
      await req('PUT', `/api/par/assessments/${a.id}/scores/${n.criterionId}`, w.head.cookie, {
        notApplicable: true,
        note: 'Không phát sinh',
      });

    // Submission is refused while leaves scored without evidence have no explanation.
    const refused = await req('POST', `/api/par/assessments/${a.id}/submit`, w.head.cookie);
    expect(refused.statusCode).toBe(400);
    const problems = refused.json<{ error: { details: { problems: { code: string }[] } } }>().error.details
      .problems;
    expect(problems.length).toBeGreaterThan(0);
    a = (await req('GET', `/api/par/assessments/${a.id}`, w.head.cookie)).json<AssessmentOut>();
    expect(a.progress.explanationMissing).toBe(problems.length);
    for (const n of a.nodes.filter((x) => x.score?.explanationRequired))
      await req('PUT', `/api/par/assessments/${a.id}/scores/${n.criterionId}`, w.head.cookie, {
        note: 'Tài liệu lưu bản giấy tại văn phòng',
      });

    const submitted = await req('POST', `/api/par/assessments/${a.id}/submit`, w.head.cookie);
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
        await req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}`, w.head.cookie, {
          score: 0,
        })
      ).statusCode,
    ).toBe(409);

    // Appraisal: the school cannot appraise itself; an adjusted score needs a reason.
    expect(
      (
        await req('PUT', `/api/par/assessments/${a.id}/scores/${l11.criterionId}/appraisal`, w.head.cookie, {
          score: 0,
        })
      ).statusCode,
    ).toBe(403);
    const noReason = await req(
      'PUT',
      `/api/par/assessments/${a.id}/scores/${l11.criterionId}/appraisal`,
      w.wardReviewer.cookie,
      { score: 0 },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ error: { message: string } }>().error.message).toContain('lý do');
    const adjusted = await req(
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
        await req('POST', `/api/par/assessments/${a.id}/return`, w.wardReviewer.cookie, {
          reason: 'Đề nghị giải trình tiêu chí 1.1',
        })
      ).json(),
    ).toMatchObject({ status: 'returned' });
    expect(
      (
        await req(
          'PUT',
          `/api/par/assessments/${a.id}/scores/${l11.criterionId}/explanation`,
          w.head.cookie,
          { explanation: 'Kế hoạch ban hành ngày 20/01 do chờ hướng dẫn' },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await req('POST', `/api/par/assessments/${a.id}/explanations`, w.head.cookie)).json(),
    ).toMatchObject({ status: 'submitted' });
    const final = await req('POST', `/api/par/assessments/${a.id}/finalize`, w.wardReviewer.cookie, {
      surveyWeight: 10,
      surveyRate: 90,
    });
    expect(final.statusCode, final.body).toBe(200);
    a = final.json<AssessmentOut>();
    const appraisedIndex = Math.round(((100 - naMax - 5) / (100 - naMax)) * 10000) / 100;
    expect(a.totals.appraised!.indexOn100).toBe(appraisedIndex);
    expect(a.finalIndex).toBe(Math.round((appraisedIndex * 0.9 + 9) * 100) / 100);

    // Ranking with the change from last year (entered once: the system has no 2025 assessment).
    expect(
      (
        await req('PUT', `/api/par/units/${w.school.id}/years/2025/previous-index`, w.head.cookie, {
          value: 80,
        })
      ).statusCode,
    ).toBe(200);
    const ranking = await req('GET', `/api/par/ranking?unitId=${w.ward.id}&year=2026`, w.wardReviewer.cookie);
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
      (await req('GET', `/api/par/ranking?unitId=${w.ward.id}&year=2026`, w.stranger.cookie)).statusCode,
    ).toBe(404);

    // The scoring sheet, read back in the layout it came in.
    const xlsx = await req('GET', `/api/par/assessments/${a.id}/scoring.xlsx`, w.wardReviewer.cookie);
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

    const docx = await req('GET', `/api/par/assessments/${a.id}/report.docx`, w.head.cookie);
    expect(docx.statusCode).toBe(200);
    const docXml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(docXml).toContain('KẾT QUẢ TỰ ĐÁNH GIÁ');
    const zip = await JSZip.loadAsync(
      (await req('GET', `/api/par/assessments/${a.id}/evidence.zip`, w.wardReviewer.cookie)).rawPayload,
    );
    const index = await zip.file('muc-luc.txt')!.async('string');
    expect(index).toContain('Tiêu chí 1.1');
    expect(Object.keys(zip.files).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    expect(
      (await req('GET', `/api/par/assessments/${a.id}/evidence.zip`, w.stranger.cookie)).statusCode,
    ).toBe(404);
  });
});

describe('the shipped demo set', () => {
  it('names its source', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(DEMO_PAR_FILE)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.getCell('A2').text).toContain('876/QĐ-BNV');
  });
});
