/**
 * What the one-stop-shop forms (Mẫu 01–06, Circular 01/2018/TT-VPCP, kept by Circular
 * 03/2025/TT-VPCP) have in common: the issuing unit, the person a form is about, field lines.
 */
import type { Decree30DocumentSpec, Decree30LayoutOptions, ParagraphBlock, TextSpan } from '../decree30.js';
import { formatDateTime, nfc, orBlank, toVietnamDateTime } from '../format.js';
import type { DateInput } from '../format.js';

/** The unit that issues a form: it fills the Decree 30 header and names the office in sentences. */
export interface FormIssuer {
  /** Tên cơ quan chủ quản, e.g. 'Ủy ban nhân dân phường Chánh Hưng'. */
  superior?: string;
  /** Tên cơ quan, đơn vị, in normal case ('Trường Mầm non Tuổi Thơ'); the header prints it in capitals. */
  name: string;
  /** Địa danh for "<place>, ngày … tháng … năm …", e.g. 'Phường Chánh Hưng'. */
  place: string;
  /** The receiving office as named in sentences; default "Bộ phận tiếp nhận và trả kết quả <name>". */
  office?: string;
}

/** An applicant (cá nhân, tổ chức) as the forms print them. Missing fields print as dotted blanks. */
export interface Applicant {
  /** Họ và tên / tên tổ chức. */
  name: string;
  /** Số định danh cá nhân or the organisation's identification number. */
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** Who signs a form. */
export interface FormSigner {
  /** Chức danh; each form has its default ("NGƯỜI TIẾP NHẬN HỒ SƠ", "THỦ TRƯỞNG CƠ QUAN"…). */
  title?: string;
  /** e.g. 'KT. HIỆU TRƯỞNG'. */
  authority?: string;
  name?: string;
}

export type FormLayout = Decree30LayoutOptions;

/**
 * Forms are set single-spaced (Decree 30 allows single to 1.5 lines) so that a receipt with its
 * documents, signatures and QR code stays on one page; the caller may still choose otherwise.
 */
export function formLayout(layout: FormLayout | undefined): FormLayout {
  return { lineSpacing: 1, ...layout };
}

export function officeName(issuer: FormIssuer): string {
  return nfc(issuer.office ?? `Bộ phận tiếp nhận và trả kết quả ${issuer.name}`);
}

export function issuerHeader(issuer: FormIssuer): Decree30DocumentSpec['header'] {
  return issuer.superior === undefined
    ? { unit: issuer.name }
    : { superior: issuer.superior, unit: issuer.name };
}

/** "Label: value" on its own line; a missing value prints as a dotted blank. */
export function field(label: string, value: string | number | undefined, boldValue = false): ParagraphBlock {
  return {
    kind: 'paragraph',
    indent: false,
    text: [
      { text: `${label}: ` },
      boldValue ? { text: orBlank(value), bold: true } : { text: orBlank(value) },
    ],
  };
}

/** Several "Label: value" pairs on one line ("Số điện thoại: …   Email: …"). */
export function fields(pairs: readonly (readonly [string, string | number | undefined])[]): ParagraphBlock {
  const text: TextSpan[] = [];
  pairs.forEach(([label, value], i) => {
    text.push({ text: `${i > 0 ? '     ' : ''}${label}: ` }, { text: orBlank(value) });
  });
  return { kind: 'paragraph', indent: false, text };
}

export function paragraph(text: string | TextSpan[], extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return { kind: 'paragraph', text, ...extra };
}

/** The line under a form's title: "Mã hồ sơ: …", centred and bold. */
export function dossierCodeLine(code: string): ParagraphBlock {
  return {
    kind: 'paragraph',
    align: 'center',
    indent: false,
    bold: true,
    text: `Mã hồ sơ: ${requireText(code, 'dossier code')}`,
  };
}

export function requireText(value: string, what: string): string {
  const text = nfc(value).trim();
  if (text === '') throw new RangeError(`A ${what} is required`);
  return text;
}

export function requireNonEmpty<T>(items: readonly T[], what: string): readonly T[] {
  if (items.length === 0) throw new RangeError(`At least one ${what} is required`);
  return items;
}

/** Milliseconds of a date input, for ordering checks (a calendar date counts from 00:00 Vietnam time). */
export function instantOf(value: DateInput): number {
  const { year, month, day, hour, minute } = toVietnamDateTime(value);
  return Date.UTC(year, month - 1, day, hour, minute) - 7 * 3_600_000;
}

export function dateTime(value: DateInput | undefined): string | undefined {
  return value === undefined ? undefined : formatDateTime(value);
}
