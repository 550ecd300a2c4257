import type { Cell } from './cell.js';
import { cellText, isBlank } from './values.js';

/** "(1)", "2", "(13)": the column-numbering row under the headers of the national forms. */
const NUMBERING = /^\(?\d{1,3}\)?$/;

/** A row that holds no record: blank, or only column numbers. */
export function isFiller(cells: readonly Cell[]): 'blank' | 'numbering' | null {
  let any = false;
  for (const c of cells) {
    if (c === '' || c === null || isBlank(c)) continue;
    any = true;
    if (!NUMBERING.test(cellText(c))) return null;
  }
  return any ? 'numbering' : 'blank';
}
