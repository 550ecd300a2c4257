/**
 * The PAR Index (domain.md §10): criteria sets imported as data by a superior, each unit's
 * self-assessment per year with evidence, the superior's appraisal (thẩm định) with a reason per
 * adjusted leaf, the unit's explanation (giải trình), the final index with an optional survey part,
 * and the ranking of the superior's units with the change from last year. Leaves scored by bands
 * on a measured figure score themselves from the registers (`measure`).
 *
 * Each use case is a named function of its own file, taking the `ParContext` first:
 * `criteria-sets.ts`, `self-assessment.ts`, `evidence.ts`, `appraisal.ts`, `ranking.ts`; the
 * assessment as read is `present.ts`. `parService` binds them to one context.
 */
import * as appraisal from './appraisal.js';
import type { ParContext, ParDeps } from './context.js';
import { parContext } from './context.js';
import * as criteriaSets from './criteria-sets.js';
import * as evidence from './evidence.js';
import * as ranking from './ranking.js';
import * as selfAssessment from './self-assessment.js';

export type { ParDeps, ParMeasure } from './context.js';
export { PAR_METRICS, readCriteriaSheet } from './criteria-sets.js';
export type { CriteriaPreview, PreviewNode } from './criteria-sets.js';
export { PAR_STATUS_LABELS } from '../../shared/par.js';
export type { ParStatus } from '../../shared/par.js';

export function parService(deps: ParDeps) {
  const ctx = parContext(deps);
  const bind =
    <A extends unknown[], R>(f: (ctx: ParContext, ...args: A) => R) =>
    (...args: A) =>
      f(ctx, ...args);
  return {
    metrics: criteriaSets.PAR_METRICS,
    previewCriteria: criteriaSets.previewCriteria,
    importCriteria: bind(criteriaSets.importCriteria),
    saveSet: bind(criteriaSets.saveSet),
    listSets: bind(criteriaSets.listSets),
    setDetail: bind(criteriaSets.setDetail),
    editCriterion: bind(criteriaSets.editCriterion),
    applicableSet: bind(criteriaSets.applicableSet),
    forUnitYear: bind(selfAssessment.forUnitYear),
    start: bind(selfAssessment.start),
    detail: bind(selfAssessment.detail),
    score: bind(selfAssessment.score),
    submit: bind(selfAssessment.submit),
    attachFile: bind(evidence.attachFile),
    attachLink: bind(evidence.attachLink),
    withdrawEvidence: bind(evidence.withdrawEvidence),
    evidenceFile: bind(evidence.evidenceFile),
    appraise: bind(appraisal.appraise),
    returnForExplanation: bind(appraisal.returnForExplanation),
    explain: bind(appraisal.explain),
    sendExplanations: bind(appraisal.sendExplanations),
    finalize: bind(appraisal.finalize),
    enterPreviousIndex: bind(ranking.enterPreviousIndex),
    indexOf: bind(ranking.indexOf),
    ranking: bind(ranking.ranking),
    exportData: bind(ranking.exportData),
  };
}

export type ParService = ReturnType<typeof parService>;
