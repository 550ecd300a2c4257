import type { PlanDraft, PlanSummary } from '../../api/plan-import.js';

/** Same counting as the server's summary, for a draft the user has edited. */
export function summarize(d: PlanDraft): PlanSummary {
  const codes = new Set([...d.areas.map((a) => a.code), ...d.tasks.map((t) => t.areaCode)]);
  return {
    areas: [...codes]
      .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
      .map((code) => ({
        code,
        title: d.areas.find((a) => a.code === code)?.title ?? `Lĩnh vực ${code}`,
        tasks: d.tasks.filter((t) => t.areaCode === code).length,
        focusItems: d.focusItems.filter((f) => f.areaCode === code).length,
      })),
    tasks: d.tasks.length,
    sectionTargets: d.targets.filter((t) => t.parentCode === null).length,
    appendixTargets: d.appendixTargets.length,
    appendixLeafTargets: d.appendixTargets.filter((t) => !t.isGroup).length,
    warnings: d.warnings.length,
  };
}

/** Why the draft cannot be saved yet (empty when it can). */
export function draftProblems(draft: PlanDraft | null): string[] {
  const problems: string[] = [];
  if (draft) {
    if (!draft.year) problems.push('Chưa có năm của kế hoạch.');
    if (draft.tasks.length + draft.targets.length + draft.appendixTargets.length === 0)
      problems.push('Kế hoạch không còn nhiệm vụ hay chỉ tiêu nào.');
  }
  return problems;
}
