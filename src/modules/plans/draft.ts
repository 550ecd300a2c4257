import type { ParsedPlan } from '../../core/plan-import/index.js';
import type { PlanDraft, PlanSummary } from './schema.js';

/** The parser's result as the editable draft the preview shows and the commit saves. */
export function draftFromParsed(p: ParsedPlan): PlanDraft {
  const target = (t: ParsedPlan['targets'][number]) => ({
    code: t.code,
    parentCode: t.parentCode,
    text: t.text,
    threshold: t.threshold,
    isGroup: t.isGroup,
    lead: t.lead ?? null,
    cooperators: t.cooperators ?? [],
  });
  return {
    number: p.number,
    issuedOn: p.issuedOn,
    title: p.title,
    year: p.year,
    unitName: p.unitName,
    superiorName: p.superiorName,
    place: p.place,
    legalBases: p.legalBases,
    objectives: p.objectives,
    areas: p.areas.map((a) => ({ code: a.code, title: a.title })),
    targets: p.targets.map(target),
    focusItems: p.focusItems.map((f) => ({ code: f.code, areaCode: f.areaCode, text: f.text })),
    tasks: p.tasks.map((t) => ({
      code: t.code,
      areaCode: t.areaCode,
      title: t.title,
      deliverables: t.deliverables,
      lead: t.lead,
      leadOptional: t.leadOptional,
      cooperators: t.cooperators,
      deadlineText: t.deadlineText,
      optional: t.optional,
      note: t.note,
    })),
    appendixTargets: p.appendixTargets.map(target),
    reportDueText: p.reportDueText,
    warnings: p.warnings.map((w) => ({ code: w.code, message: w.message, where: w.where })),
  };
}

export function summarize(d: PlanDraft): PlanSummary {
  const codes = new Set([...d.areas.map((a) => a.code), ...d.tasks.map((t) => t.areaCode)]);
  const areas = [...codes]
    .sort((a, b) => Number(a) - Number(b))
    .map((code) => ({
      code,
      title: d.areas.find((a) => a.code === code)?.title ?? `Lĩnh vực ${code}`,
      tasks: d.tasks.filter((t) => t.areaCode === code).length,
      focusItems: d.focusItems.filter((f) => f.areaCode === code).length,
    }));
  return {
    areas,
    tasks: d.tasks.length,
    sectionTargets: d.targets.filter((t) => t.parentCode === null).length,
    appendixTargets: d.appendixTargets.length,
    appendixLeafTargets: d.appendixTargets.filter((t) => !t.isGroup).length,
    warnings: d.warnings.length,
  };
}
