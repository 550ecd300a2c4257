// Reading a CCHC plan: text or HTML in, `ParsedPlan` out. Both readers produce the same blocks
// (paragraphs and tables of paragraphs); the interpretation below is the only place that knows
// what a plan looks like.

import { buildAppendixTargets, buildTasks } from './appendix.js';
import type { Block } from './blocks.js';
import { cellText } from './blocks.js';
import { htmlToBlocks } from './html.js';
import { textToBlocks } from './markdown.js';
import { readMetadata } from './metadata.js';
import { readFocus, readObjectives, readTargets } from './sections.js';
import type { ImportWarning, ParsedPlan, PlanArea } from './types.js';
import { walk } from './walk.js';

/** Read a plan saved as .md or .txt (tab-separated or Markdown pipe tables). */
export function parsePlanText(text: string): ParsedPlan {
  return interpret(textToBlocks(text.normalize('NFC')));
}

/** Read a plan from the HTML mammoth makes of a .docx (`mammoth.convertToHtml`). */
export function parsePlanHtml(html: string): ParsedPlan {
  return interpret(htmlToBlocks(html.normalize('NFC')));
}

export function interpret(blocks: readonly Block[]): ParsedPlan {
  const walked = walk(blocks);
  const inSection = (s: string): typeof walked.lines => walked.lines.filter((l) => l.section === s);

  const objectives = readObjectives(inSection('objectives'));
  const sectionTargets = readTargets(inSection('targets'));
  const focus = readFocus(inSection('focus'));
  const tasks = buildTasks(walked.taskRows);
  const appendixTargets = buildAppendixTargets(walked.targetRows);
  const tableText = [...walked.taskRows, ...walked.targetRows].flatMap((r) =>
    r.cells.map((c) => cellText(c)),
  );
  const meta = readMetadata(walked.lines, tableText);

  // Areas: section III's headings; Phụ lục 1's group rows fill in when section III lacks them.
  const areas: PlanArea[] = [...focus.areas];
  const areaWarnings: ImportWarning[] = [];
  for (const group of tasks.groups) {
    if (areas.some((a) => a.code === group.code)) continue;
    if (focus.areas.length > 0) {
      areaWarnings.push({
        code: 'area_only_in_appendix',
        message: `Lĩnh vực ${group.code} (${group.title}) có trong Phụ lục 1 nhưng không có trong mục III.`,
        where: `Phụ lục 1, dòng ${group.code}`,
      });
    }
    areas.push(group);
  }

  return {
    number: meta.number,
    issuedOn: meta.issuedOn,
    title: meta.title,
    year: meta.year,
    unitName: meta.unitName,
    superiorName: meta.superiorName,
    place: meta.place,
    legalBases: meta.legalBases,
    objectives,
    areas,
    targets: sectionTargets.targets,
    focusItems: focus.items,
    tasks: tasks.tasks,
    appendixTargets: appendixTargets.targets,
    reportDueText: meta.reportDueText,
    warnings: [
      ...meta.warnings,
      ...sectionTargets.warnings,
      ...focus.warnings,
      ...walked.warnings,
      ...tasks.warnings,
      ...areaWarnings,
      ...appendixTargets.warnings,
    ],
  };
}

export const NOT_A_PLAN = 'NOT_A_PLAN';
export const NOT_A_PLAN_MESSAGE = 'Tệp không phải là kế hoạch CCHC';

/** Raised by `assertIsPlan`; `code` is stable, `message` is for the user. */
export class PlanImportError extends Error {
  readonly code: typeof NOT_A_PLAN;
  constructor(code: typeof NOT_A_PLAN, message: string) {
    super(message);
    this.name = 'PlanImportError';
    this.code = code;
  }
}

/**
 * `NOT_A_PLAN` when the document has neither tasks (Phụ lục 1) nor targets (section II or
 * Phụ lục 2) — the caller then says "Tệp không phải là kế hoạch CCHC"; null otherwise.
 */
export function detectNotAPlan(plan: ParsedPlan): typeof NOT_A_PLAN | null {
  const empty = plan.tasks.length === 0 && plan.targets.length === 0 && plan.appendixTargets.length === 0;
  return empty ? NOT_A_PLAN : null;
}

/** Throws `PlanImportError` (code `NOT_A_PLAN`) when `detectNotAPlan` says so. */
export function assertIsPlan(plan: ParsedPlan): void {
  if (detectNotAPlan(plan)) throw new PlanImportError(NOT_A_PLAN, NOT_A_PLAN_MESSAGE);
}
