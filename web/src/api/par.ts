/**
 * The PAR Index API (modules/par): criteria sets, the unit's self-assessment, appraisal, ranking
 * and outputs, on the one client (`request`, `upload`).
 */
import type { ParStatus } from '../lib/labels.js';
import { request, upload } from './client.js';

export type ParRule =
  | { kind: 'manual'; step?: number }
  | { kind: 'yes_no' }
  | { kind: 'bands'; metric: string; bands: { min: number; points: number }[] };

export interface ParTotals {
  max: number;
  reducedMax: number;
  score: number;
  indexOn100: number | null;
  scored: number;
  unscored: number;
  notApplicable: number;
}

export interface ParEvidence {
  id: number;
  kind: 'file' | 'task_evidence' | 'report_submission';
  label: string;
  fileName: string | null;
  hasFile: boolean;
}

export interface ParNode {
  criterionId: number;
  parentId: number | null;
  code: string;
  title: string;
  depth: number;
  max: number | null;
  sign: 'normal' | 'bonus' | 'minus';
  guide: string | null;
  evidenceRequired: string | null;
  isLeaf: boolean;
  rule: ParRule;
  selfSubtotal: number | null;
  appraisedSubtotal: number | null;
  score: {
    selfScore: number | null;
    notApplicable: boolean;
    note: string | null;
    figure: number | null;
    figureText: string | null;
    appraisedScore: number | null;
    appraisalReason: string | null;
    explanation: string | null;
    evidenceMissing: boolean;
    explanationRequired: boolean;
    evidence: ParEvidence[];
  } | null;
}

export interface ParAssessment {
  id: number;
  unit: { id: number; code: string; name: string };
  year: number;
  status: ParStatus;
  statusLabel: string;
  set: { id: number; name: string; year: number; version: number; source: string | null; totalMax: number };
  nodes: ParNode[];
  totals: { self: ParTotals; appraised: ParTotals | null };
  progress: {
    leaves: number;
    scored: number;
    notApplicable: number;
    unscored: number;
    evidenceMissing: number;
    explanationMissing: number;
  };
  survey: { weight: number | null; rate: number | null };
  selfIndex: number | null;
  finalIndex: number | null;
  returnReason: string | null;
  submittedAt: string | null;
  finalizedAt: string | null;
  actions: {
    score: boolean;
    submit: boolean;
    explain: boolean;
    sendExplanations: boolean;
    appraise: boolean;
    returnForExplanation: boolean;
    finalize: boolean;
  };
}

export interface ParUnitYear {
  assessment: ParAssessment | null;
  applicableSet: { id: number; name: string; version: number; totalMax: number } | null;
  actions: { start: boolean };
}

export interface CriteriaPreview {
  ok: boolean;
  issues: { row: number; code: string; message: string }[];
  totals: {
    fields: number;
    criteria: number;
    leaves: number;
    totalMax: number;
    perField: { code: string; title: string; max: number }[];
  };
}

export interface ParSetList {
  items: {
    id: number;
    name: string;
    year: number;
    version: number;
    status: 'active' | 'superseded';
    unitKind: string | null;
    source: string | null;
    totalMax: number;
    owner: { id: number; name: string };
  }[];
  actions: { import: boolean };
}

export interface ParRanking {
  unit: { id: number; name: string };
  year: number;
  rows: {
    unit: { id: number; code: string; name: string };
    assessmentId: number | null;
    status: ParStatus | null;
    statusLabel: string;
    selfIndex: number | null;
    finalIndex: number | null;
    previous: number | null;
    change: number | null;
    rank: number | null;
  }[];
}

const A = (id: number) => `/api/par/assessments/${id}`;

export const parApi = {
  unitYear: (unitId: number, year: number) =>
    request<ParUnitYear>('GET', `/api/par/units/${unitId}/years/${year}`),
  start: (unitId: number, year: number) =>
    request<ParAssessment>('POST', `/api/par/units/${unitId}/years/${year}`),
  assessment: (id: number) => request<ParAssessment>('GET', A(id)),
  score: (
    id: number,
    criterionId: number,
    body: { score?: number | null; notApplicable?: boolean; note?: string | null },
  ) => request<ParAssessment>('PUT', `${A(id)}/scores/${criterionId}`, body),
  attachFile: (id: number, criterionId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return upload<ParAssessment>(`${A(id)}/scores/${criterionId}/evidence`, form);
  },
  link: (id: number, criterionId: number, kind: 'task_evidence' | 'report_submission', refId: number) =>
    request<ParAssessment>('POST', `${A(id)}/scores/${criterionId}/links`, { kind, refId }),
  withdrawEvidence: (evidenceId: number) =>
    request<ParAssessment>('POST', `/api/par/evidence/${evidenceId}/withdraw`),
  submit: (id: number) => request<ParAssessment>('POST', `${A(id)}/submit`),
  appraise: (id: number, criterionId: number, score: number, reason: string | null) =>
    request<ParAssessment>('PUT', `${A(id)}/scores/${criterionId}/appraisal`, { score, reason }),
  returnForExplanation: (id: number, reason: string) =>
    request<ParAssessment>('POST', `${A(id)}/return`, { reason }),
  explain: (id: number, criterionId: number, explanation: string) =>
    request<ParAssessment>('PUT', `${A(id)}/scores/${criterionId}/explanation`, { explanation }),
  sendExplanations: (id: number) => request<ParAssessment>('POST', `${A(id)}/explanations`),
  finalize: (
    id: number,
    body: { surveyWeight?: number | null; surveyRate?: number | null; surveyFromResults?: boolean },
  ) => request<ParAssessment>('POST', `${A(id)}/finalize`, body),
  ranking: (unitId: number, year: number) =>
    request<ParRanking>('GET', `/api/par/ranking?unitId=${unitId}&year=${year}`),
  sets: (unitId: number) => request<ParSetList>('GET', `/api/par/criteria-sets?unitId=${unitId}`),
  previewCriteria: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return upload<CriteriaPreview>('/api/par/criteria-sets/preview', form);
  },
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
    return upload<{ id: number; version: number }>('/api/par/criteria-sets', form);
  },
  fileUrl: (id: number, name: 'scoring.xlsx' | 'report.docx' | 'evidence.zip') => `${A(id)}/${name}`,
  evidenceUrl: (evidenceId: number) => `/api/par/evidence/${evidenceId}/file`,
};
