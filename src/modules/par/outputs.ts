/**
 * The PAR outputs from an assessment: the scoring sheet (.xlsx, in the criteria set's own layout),
 * the self-assessment report (.docx, Decree 30) and the evidence bundle (.zip with an index
 * sheet, one folder per leaf) for the appraisal.
 */
import JSZip from 'jszip';
import { parReportDocx, parScoringXlsx } from '../../documents/par.js';
import type { ParSheetData } from '../../documents/par.js';
import type { Actor } from '../auth/roles.js';
import type { ParService } from './service.js';

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

async function sheetData(par: ParService, actor: Actor, id: number) {
  const x = await par.exportData(actor, id);
  const v = x.view;
  const rowsByCriterion = x.rows;
  const data: ParSheetData = {
    unitName: v.unit.name,
    superiorName: x.unit.superiorName,
    year: v.year,
    setName: v.set.name,
    statusLabel: v.statusLabel,
    nodes: v.nodes.map((n) => ({
      code: n.code,
      title: n.title,
      depth: n.depth,
      isLeaf: n.isLeaf,
      max: n.max,
      row: rowsByCriterion.get(n.criterionId) ?? null,
      selfScore: n.score?.selfScore ?? null,
      notApplicable: n.score?.notApplicable ?? false,
      appraisedScore: n.score?.appraisedScore ?? null,
      appraisalReason: n.score?.appraisalReason ?? null,
      explanation: n.score?.explanation ?? null,
      note: n.score?.note ?? null,
      figureText: n.score?.figureText ?? null,
      evidence: n.score?.evidence.map((e) => e.label) ?? [],
      selfSubtotal: n.selfSubtotal,
      appraisedSubtotal: n.appraisedSubtotal,
    })),
    selfTotal: v.totals.self.score,
    reducedMax: v.totals.self.reducedMax,
    selfIndex: v.selfIndex,
    appraisedTotal: v.totals.appraised?.score ?? null,
    finalIndex: v.finalIndex,
    original: x.original ? { bytes: x.original, headerRow: x.columns.headerRow } : null,
  };
  return { data, x };
}

export function parOutputs(par: ParService) {
  return {
    async scoringXlsx(actor: Actor, id: number) {
      const { data } = await sheetData(par, actor, id);
      return {
        bytes: await parScoringXlsx(data),
        filename: `cham-diem-chi-so-cchc-${data.year}-${slug(data.unitName)}.xlsx`,
      };
    },

    async reportDocx(actor: Actor, id: number) {
      const { data, x } = await sheetData(par, actor, id);
      return {
        bytes: await parReportDocx({ ...data, place: data.superiorName ?? data.unitName, date: x.today }),
        filename: `bao-cao-tu-danh-gia-chi-so-cchc-${data.year}-${slug(data.unitName)}.docx`,
      };
    },

    /** Every evidence file under a folder named after its leaf, with `muc-luc.txt` listing them. */
    async evidenceZip(actor: Actor, id: number) {
      const { data, x } = await sheetData(par, actor, id);
      const zip = new JSZip();
      const index: string[] = [
        `TÀI LIỆU KIỂM CHỨNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${data.year}`,
        data.unitName,
        '',
      ];
      const scoreToLeaf = new Map<number, { code: string; title: string }>();
      for (const n of x.view.nodes)
        if (n.score)
          for (const e of n.score.evidence) scoreToLeaf.set(e.id, { code: n.code, title: n.title });
      let i = 0;
      for (const e of x.evidence) {
        const leaf = scoreToLeaf.get(e.id);
        if (!leaf) continue;
        i++;
        const folder = `${leaf.code.replace(/[)]/g, '')}`;
        const name = `${folder}/${String(i).padStart(3, '0')}-${e.file_name ?? 'minh-chung'}`;
        const bytes = e.file_blob_id !== null ? await x.readBlob(e.file_blob_id) : undefined;
        if (bytes) zip.file(name, bytes);
        index.push(`${i}. Tiêu chí ${leaf.code} ${leaf.title}: ${e.label}${bytes ? ` → ${name}` : ''}`);
      }
      if (i === 0) index.push('Chưa có tài liệu kiểm chứng.');
      zip.file('muc-luc.txt', index.join('\r\n') + '\r\n');
      return {
        bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
        filename: `tai-lieu-kiem-chung-cchc-${data.year}-${slug(data.unitName)}.zip`,
      };
    },
  };
}
