/**
 * The PAR Index API (modules/par): criteria sets, the unit's self-assessment, appraisal, ranking
 * and outputs, on the one client (`request`, `upload`). Shapes are the server's zod schemas,
 * imported as types only; query keys come from `parKeys`.
 */
import type { z } from 'zod';
import type * as schema from '../../../src/modules/par/schema.js';
import type { ParLinkKind } from '../../../src/shared/par.js';
import { request, upload } from './client.js';

export type ParRule = z.infer<typeof schema.ParRuleSchema>;
export type ParAssessment = z.infer<typeof schema.AssessmentOut>;
export type ParNode = ParAssessment['nodes'][number];
export type ParTotals = ParAssessment['totals']['self'];
export type ParEvidence = NonNullable<ParNode['score']>['evidence'][number];
export type ParUnitYear = z.infer<typeof schema.UnitYearOut>;
export type CriteriaPreview = z.infer<typeof schema.CriteriaPreviewOut>;
export type ParSetList = z.infer<typeof schema.SetListOut>;
export type ParRanking = z.infer<typeof schema.RankingOut>;
type ScoreBody = z.input<typeof schema.ScoreBody>;
type AppraiseBody = z.input<typeof schema.AppraiseBody>;
type FinalizeBody = z.input<typeof schema.FinalizeBody>;

/** The query keys of the PAR screens: `parKeys.all` is the root of every one. */
export const parKeys = {
  all: ['par'] as const,
  sets: (unitId: number) => [...parKeys.all, 'sets', unitId] as const,
  rankings: () => [...parKeys.all, 'ranking'] as const,
  ranking: (unitId: number, year: number) => [...parKeys.rankings(), unitId, year] as const,
  unitYear: (unitId: number, year: number) => [...parKeys.all, 'unit-year', unitId, year] as const,
  assessment: (id: number | null) => [...parKeys.all, 'assessment', id] as const,
};

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

const A = (id: number) => `/api/par/assessments/${id}`;

export const parApi = {
  unitYear: (unitId: number, year: number) =>
    request<ParUnitYear>('GET', `/api/par/units/${unitId}/years/${year}`),
  start: (unitId: number, year: number) =>
    request<ParAssessment>('POST', `/api/par/units/${unitId}/years/${year}`),
  assessment: (id: number) => request<ParAssessment>('GET', A(id)),
  score: (id: number, criterionId: number, body: ScoreBody) =>
    request<ParAssessment>('PUT', `${A(id)}/scores/${criterionId}`, body),
  attachFile: (id: number, criterionId: number, file: File) =>
    upload<ParAssessment>(`${A(id)}/scores/${criterionId}/evidence`, fileForm(file)),
  link: (id: number, criterionId: number, kind: ParLinkKind, refId: number) =>
    request<ParAssessment>('POST', `${A(id)}/scores/${criterionId}/links`, { kind, refId }),
  withdrawEvidence: (evidenceId: number) =>
    request<ParAssessment>('POST', `/api/par/evidence/${evidenceId}/withdraw`),
  submit: (id: number) => request<ParAssessment>('POST', `${A(id)}/submit`),
  appraise: (id: number, criterionId: number, score: number, reason: string | null) =>
    request<ParAssessment>('PUT', `${A(id)}/scores/${criterionId}/appraisal`, {
      score,
      reason,
    } satisfies AppraiseBody),
  returnForExplanation: (id: number, reason: string) =>
    request<ParAssessment>('POST', `${A(id)}/return`, { reason }),
  explain: (id: number, criterionId: number, explanation: string) =>
    request<ParAssessment>('PUT', `${A(id)}/scores/${criterionId}/explanation`, { explanation }),
  sendExplanations: (id: number) => request<ParAssessment>('POST', `${A(id)}/explanations`),
  finalize: (id: number, body: FinalizeBody) => request<ParAssessment>('POST', `${A(id)}/finalize`, body),
  ranking: (unitId: number, year: number) =>
    request<ParRanking>('GET', `/api/par/ranking?unitId=${unitId}&year=${year}`),
  sets: (unitId: number) => request<ParSetList>('GET', `/api/par/criteria-sets?unitId=${unitId}`),
  previewCriteria: (file: File) => upload<CriteriaPreview>('/api/par/criteria-sets/preview', fileForm(file)),
  importCriteria: (
    file: File,
    fields: { unitId: number; name: string; year: number; unitKind: string | null; source: string | null },
  ) => {
    const form = new FormData();
    form.append('unitId', String(fields.unitId));
    form.append('name', fields.name);
    form.append('year', String(fields.year));
    if (fields.unitKind) form.append('unitKind', fields.unitKind);
    if (fields.source) form.append('source', fields.source);
    form.append('file', file);
    return upload<z.infer<typeof schema.CriteriaImportOut>>('/api/par/criteria-sets', form);
  },
  fileUrl: (id: number, name: 'scoring.xlsx' | 'report.docx' | 'evidence.zip') => `${A(id)}/${name}`,
  evidenceUrl: (evidenceId: number) => `/api/par/evidence/${evidenceId}/file`,
};
