// Sections I (objectives), II (targets) and III (focus tasks, with the areas as headings).

import type { Para } from './blocks.js';
import { checkSequence, parentOf, splitCode } from './codes.js';
import type { FocusItem, ImportWarning, PlanArea, PlanTarget } from './types.js';
import { parseThreshold } from './threshold.js';
import { clean, startsLowercase } from './text.js';
import type { Line } from './walk.js';

/** "(Nội dung chi tiết … theo phụ lục đính kèm)": a note, not content. */
function isParenthetical(text: string): boolean {
  return /^\(.*\)$/u.test(text);
}

function stripBullet(text: string): string {
  return text.replace(/^[-–—•+*]\s*/u, '');
}

/** How a paragraph that is not numbered extends the item above it. */
function appendTo(current: string, p: Para): string {
  const t = clean(p.text);
  // A paragraph broken by a page break ("… Rà soát, đơn" / "giản hóa thủ tục …") goes on the same line.
  if (startsLowercase(t)) return `${current} ${t}`;
  const bullet = p.list === 'ul' || /^[-–—•+*]\s/u.test(t);
  return `${current}\n${bullet ? `- ${stripBullet(t)}` : t}`;
}

export function readObjectives(lines: readonly Line[]): string[] {
  const out: string[] = [];
  for (const { para } of lines) {
    const t = clean(para.text);
    if (!t || isParenthetical(t)) continue;
    const last = out.length - 1;
    if (startsLowercase(t) && last >= 0) {
      out[last] = `${out[last] ?? ''} ${t}`;
      continue;
    }
    const numbered = splitCode(t);
    const body = numbered ? numbered.rest : stripBullet(t).replace(/^[a-zđ]\)\s*/u, '');
    if (body) out.push(body);
  }
  return out;
}

/**
 * The number of a paragraph: written in its text ("3.1. …"), or — for a Word numbered list,
 * which mammoth turns into <ol><li> without the numbers — the next number after the last
 * top-level one in the section (Word lists interrupted by other paragraphs continue counting).
 */
function numberOf(p: Para, lastTop: number, allowList: boolean): { code: string; rest: string } | null {
  const t = clean(p.text);
  const written = splitCode(t);
  if (written) return written;
  if (allowList && p.list === 'ol' && p.listDepth <= 1) return { code: String(lastTop + 1), rest: t };
  return null;
}

export function readTargets(lines: readonly Line[]): { targets: PlanTarget[]; warnings: ImportWarning[] } {
  const items: { code: string; text: string }[] = [];
  let lastTop = 0;
  for (const { para } of lines) {
    const t = clean(para.text);
    if (!t || isParenthetical(t)) continue;
    const numbered = numberOf(para, lastTop, true);
    const current = items[items.length - 1];
    if (numbered) {
      if (!numbered.code.includes('.')) lastTop = Number(numbered.code);
      items.push({ code: numbered.code, text: numbered.rest });
    } else if (current) {
      current.text = appendTo(current.text, para);
    }
  }
  const targets = items.map((item): PlanTarget => {
    const isGroup = items.some((c) => parentOf(c.code) === item.code);
    return {
      code: item.code,
      parentCode: parentOf(item.code),
      text: item.text,
      threshold: parseThreshold(item.text),
      isGroup,
      lead: null,
      leadOptional: false,
      cooperators: [],
      sourceRow: null,
    };
  });
  const warnings = checkSequence(
    targets.map((t) => t.code),
    (code) => `Mục II, ${code}`,
  );
  return { targets, warnings };
}

/** An area heading met as a Word numbered-list item: short, and not a sentence. */
function looksLikeHeading(text: string): boolean {
  return text.length <= 140 && !/[.;]$/u.test(text);
}

export function readFocus(lines: readonly Line[]): {
  areas: PlanArea[];
  items: FocusItem[];
  warnings: ImportWarning[];
} {
  const areas: PlanArea[] = [];
  const items: FocusItem[] = [];
  const warnings: ImportWarning[] = [];
  const order: string[] = [];
  let lastTop = 0;
  let area: string | null = null;
  for (const { para } of lines) {
    const t = clean(para.text);
    if (!t || isParenthetical(t)) continue;
    const current = items[items.length - 1];
    const numbered = numberOf(para, lastTop, !current || looksLikeHeading(t));
    if (numbered && !numbered.code.includes('.')) {
      lastTop = Number(numbered.code);
      area = numbered.code;
      areas.push({ code: numbered.code, title: numbered.rest.replace(/[\s:.]+$/u, '') });
      order.push(numbered.code);
      continue;
    }
    if (numbered) {
      const first = numbered.code.split('.')[0] ?? '';
      if (area !== null && first !== area) {
        warnings.push({
          code: 'code_outside_area',
          message: `Mục ${numbered.code} nằm dưới lĩnh vực ${area} nhưng số thứ tự thuộc lĩnh vực ${first}.`,
          where: `Mục III, ${numbered.code}`,
        });
      }
      items.push({ code: numbered.code, areaCode: first, text: numbered.rest });
      order.push(numbered.code);
      continue;
    }
    // Text under an area heading before its first item, or under an item: it belongs to the item.
    if (current && current.areaCode === area) current.text = appendTo(current.text, para);
  }
  warnings.push(...checkSequence(order, (code) => `Mục III, ${code}`));
  return { areas, items, warnings };
}
