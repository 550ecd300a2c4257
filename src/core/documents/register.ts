/**
 * The document register (sổ văn bản đi / đến) by Decree 30/2020/NĐ-CP: type abbreviations
 * (Phụ lục III), number and symbol ("71/KH-MNTT"; a công văn has no type code: "71/MNTT-VP"),
 * numbering books restarting each 1 January, forms and channels. Pure.
 *
 * The lists are data, marked (check) where they come from secondary sources.
 */

import { foldForSearch } from '../feedback/text.js';

import type { Book, Direction, DocumentChannel } from '../../shared/documents.js';

// The vocabulary both sides speak lives in src/shared/documents.ts; the register's rules use it.
export {
  BOOKS,
  BOOK_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  DIRECTIONS,
  DIRECTION_LABELS,
  FORMS,
  FORM_LABELS,
} from '../../shared/documents.js';
export type { Book, Direction, DocumentChannel, DocumentForm } from '../../shared/documents.js';

/**
 * Decree 30/2020 Phụ lục III, "Bảng chữ viết tắt tên loại văn bản" (check), plus công văn ('CV' here,
 * written without a type code) and a catch-all for documents of other issuers.
 */
export const DOCUMENT_TYPES = [
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'QyĐ', name: 'Quy định' },
  { code: 'TC', name: 'Thông cáo' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'PA', name: 'Phương án' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'HĐ', name: 'Hợp đồng' },
  { code: 'CĐ', name: 'Công điện' },
  { code: 'BGN', name: 'Bản ghi nhớ' },
  { code: 'BTT', name: 'Bản thỏa thuận' },
  { code: 'GUQ', name: 'Giấy ủy quyền' },
  { code: 'GM', name: 'Giấy mời' },
  { code: 'GGT', name: 'Giấy giới thiệu' },
  { code: 'GNP', name: 'Giấy nghỉ phép' },
  { code: 'PG', name: 'Phiếu gửi' },
  { code: 'PC', name: 'Phiếu chuyển' },
  { code: 'PB', name: 'Phiếu báo' },
  { code: 'CV', name: 'Công văn' },
  { code: 'KHAC', name: 'Loại khác' },
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number]['code'];
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as unknown as readonly [
  DocumentType,
  ...DocumentType[],
];

const TYPE_BY_FOLDED = new Map<string, DocumentType>();
for (const t of DOCUMENT_TYPES) {
  TYPE_BY_FOLDED.set(foldType(t.code), t.code);
  TYPE_BY_FOLDED.set(foldType(t.name), t.code);
}
// Codes that fold alike once đ → d and case go ("HD" Hướng dẫn / "HĐ" Hợp đồng, "DA" / "ĐA"):
// an exact code wins; a folded one reads as the more common type.
TYPE_BY_FOLDED.set('qyd', 'QyĐ');
TYPE_BY_FOLDED.set('qd', 'QĐ');
TYPE_BY_FOLDED.set('hd', 'HD');
TYPE_BY_FOLDED.set('da', 'ĐA');

function foldType(s: string): string {
  return foldForSearch(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A type code or name as written ("KH", "Kế hoạch", "QD", "Quyết định") → its code; null if unknown. */
export function documentTypeOf(text: string): DocumentType | null {
  const exact = DOCUMENT_TYPES.find((t) => t.code === text.trim());
  if (exact) return exact.code;
  return TYPE_BY_FOLDED.get(foldType(text)) ?? null;
}

export const documentTypeName = (code: string): string =>
  DOCUMENT_TYPES.find((t) => t.code === code)?.name ?? code;

/** Channels that count as "sent through official e-mail or the e-office system" (target 10.4). */
export const OFFICIAL_CHANNELS: readonly DocumentChannel[] = ['eoffice', 'email'];

export function bookFor(direction: Direction, confidential: boolean): Book {
  if (direction === 'outgoing') return confidential ? 'di-mat' : 'di';
  return confidential ? 'den-mat' : 'den';
}

/** Decree 30: numbers are written from 01: 1 → "01", 71 → "71". */
export const formatDocumentNumber = (n: number): string => String(n).padStart(2, '0');

/**
 * The number and symbol of an outgoing document (Decree 30 art. 15): "71/KH-MNTT"; a công văn
 * carries no type code, its symbol is the issuer's abbreviation and the drafting office's:
 * "71/MNTT-VP" (`issuer` "MNTT-VP"), or "71/MNTT".
 */
export function numberSymbol(number: number, type: string, issuer: string): string {
  const n = formatDocumentNumber(number);
  const who = issuer.trim();
  if (type === 'CV' || type === 'KHAC') return `${n}/${who}`;
  return `${n}/${type}-${who}`;
}

export interface ParsedNumberSymbol {
  number: number;
  /** The type code, or 'CV' when the symbol has none (a công văn). */
  type: DocumentType;
  /** The issuer's part ("MNTT", "UBND", "MNTT-VP"). */
  issuer: string;
  /** A year written in the number ("41/2011/QĐ-UBND"), else null. */
  year: number | null;
}

/**
 * "71/KH-MNTT" → 71, KH, MNTT; "05/MNTT-VP" → 5, CV, MNTT-VP; "41/2011/QĐ-UBND" → 41, QĐ,
 * UBND, 2011; "Số: 12/BC-UBND" too. Null when the text has no leading number.
 */
export function parseNumberSymbol(text: string): ParsedNumberSymbol | null {
  const t = text
    .normalize('NFC')
    .replace(/^\s*(số|so)\s*:?\s*/i, '')
    .trim();
  const m = /^(\d{1,6})\s*\/\s*(?:(\d{4})\s*\/\s*)?([^\s]+)$/u.exec(t.replace(/\s*-\s*/g, '-'));
  if (!m) return null;
  const number = Number(m[1]);
  const rest = m[3]!;
  const dash = rest.indexOf('-');
  const head = dash < 0 ? rest : rest.slice(0, dash);
  const type =
    dash < 0 ? null : (DOCUMENT_TYPES.find((x) => x.code === head && x.code !== 'CV')?.code ?? null);
  return {
    number,
    type: type ?? 'CV',
    issuer: type ? rest.slice(dash + 1) : rest,
    year: m[2] ? Number(m[2]) : null,
  };
}
