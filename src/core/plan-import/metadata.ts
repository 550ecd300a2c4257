// The document's particulars: number, date, place, title, year, unit and superior (from the
// header block laid out by Decree 30/2020), the legal bases, and the report due-date sentence.

import type { ImportWarning } from './types.js';
import { clean, findOrdinaryCase, fold, initials, isUpperish, recaseName, startsLowercase } from './text.js';
import type { Line } from './walk.js';

export interface Metadata {
  number: string | null;
  issuedOn: string | null;
  title: string | null;
  year: number | null;
  unitName: string | null;
  superiorName: string | null;
  place: string | null;
  legalBases: string[];
  reportDueText: string | null;
  warnings: ImportWarning[];
}

// "71/KH-MNTT", "12/KH-THHB", "05 / KH - UBND".
const NUMBER = /^(\d{1,5}[a-z]?)\s*\/\s*([\p{Lu}\d]+(?:\s*-\s*[\p{Lu}\d]+)*)/u;
const DATE_WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const DATE_SLASHES = /ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
// "Quận 8, ngày 17 tháng 3 năm 2023" — day or month may be left blank in a draft.
const PLACE_DATE = /^([^,]{2,60}),\s*ngày\s*([\d.…_ ]*)\s*tháng\s*([\d.…_ ]*)\s*năm\s*(\d{4})\.?$/iu;
const ANNEX = /kèm\s+theo\s+(?:Kế\s+hoạch|KH)\s+số\s*[:.]?\s*(.*)$/iu;

function readNumber(text: string): string | null {
  const m = NUMBER.exec(clean(text));
  if (!m) return null;
  return `${m[1] ?? ''}/${(m[2] ?? '').replace(/\s+/g, '')}`;
}

function isoDate(day: number, month: number, year: number): string | null {
  if (!(day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1900 && year <= 2999)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day) return null; // 31/2
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function readDate(text: string): string | null {
  const m = DATE_WORDS.exec(text) ?? DATE_SLASHES.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const NOT_AN_ORGANISATION =
  /^(CONG HOA|DOC LAP|KE HOACH|PHU LUC|NOI NHAN|BAO CAO|QUYET DINH|THONG BAO|BIEN BAN|TO TRINH|CONG VAN|GIAY MOI|CHUONG TRINH|HUONG DAN|NGHI QUYET|CHI THI|THUC HIEN|VE VIEC|TRIEN KHAI|KT\.?|TM\.?|Q\.|HIEU TRUONG|PHO HIEU TRUONG|CHU TICH|PHO CHU TICH|GIAM DOC|PHO GIAM DOC|TRUONG PHONG|PHO TRUONG PHONG|[IVX]+\s*[.)])(?![A-Z])/;

/** A line of the header block naming an organisation: "ỦY BAN NHÂN DÂN QUẬN 8". */
function isOrganisationLine(text: string): boolean {
  const t = clean(text);
  if (t.length < 4 || t.length > 90 || !isUpperish(t)) return false;
  if (/^Số\s*[:.]/u.test(t) || /\d\s*\/\s*\p{Lu}/u.test(t)) return false;
  const f = fold(t);
  if (NOT_AN_ORGANISATION.test(f)) return false;
  if (/\bNAM \d{4}\b/.test(f) || /\bNGAY\b/.test(f)) return false;
  return /[A-Z]{2,}/.test(f);
}

function isTitleLine(text: string): boolean {
  const f = fold(clean(text));
  return /^KE HOACH\b/.test(f) && !/^KE HOACH SO\b/.test(f);
}

/**
 * The organisation lines of the first header block: the lines around "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 * VIỆT NAM" (a Word header table may put them before or after it, read row by row), in the same
 * part of the document, stopping at the title or the place-and-date line.
 */
function headerOrganisations(lines: readonly Line[]): string[] {
  const c = lines.findIndex((l) => fold(l.para.text).startsWith('CONG HOA XA HOI CHU NGHIA VIET NAM'));
  if (c < 0) {
    const out: string[] = [];
    for (const l of lines) {
      if (l.section !== 'preamble' || isTitleLine(l.para.text)) break;
      if (isOrganisationLine(l.para.text)) out.push(clean(l.para.text));
    }
    return out;
  }
  const anchor = lines[c];
  const same = (l: Line | undefined): l is Line =>
    l !== undefined && l.section === anchor?.section && l.appendix === anchor.appendix;
  const out: string[] = [];
  for (let i = Math.max(0, c - 4); i < c; i += 1) {
    const l = lines[i];
    if (same(l) && isOrganisationLine(l.para.text)) out.push(clean(l.para.text));
  }
  for (let i = c + 1; i <= c + 3 && i < lines.length; i += 1) {
    const l = lines[i];
    if (!same(l) || isTitleLine(l.para.text) || PLACE_DATE.test(clean(l.para.text))) break;
    if (isOrganisationLine(l.para.text)) out.push(clean(l.para.text));
  }
  return out;
}

/**
 * A commune-level header is often written on two lines: "ỦY BAN NHÂN DÂN" / "PHƯỜNG TÂN AN".
 * That is one organisation, "Ủy ban nhân dân phường Tân An", not a unit under a superior.
 */
function joinSplitCommittee(organisations: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of organisations) {
    const prev = out[out.length - 1];
    const isBareCommittee = prev !== undefined && /^(UY BAN NHAN DAN|HOI DONG NHAN DAN)$/.test(fold(prev));
    if (
      isBareCommittee &&
      /^(PHUONG|XA|THI TRAN|DAC KHU|QUAN|HUYEN|THI XA|THANH PHO|TINH)\b/.test(fold(name))
    ) {
      out[out.length - 1] = `${prev} ${name}`;
    } else {
      out.push(name);
    }
  }
  return out;
}

/** A name from the header, in ordinary case when the document writes it so anywhere. */
function ordinaryName(name: string, haystack: readonly string[]): string {
  if (!isUpperish(name)) return name;
  return findOrdinaryCase(name, haystack) ?? recaseName(name);
}

/** "KẾ HOẠCH" + "Thực hiện công tác …" → "Kế hoạch thực hiện công tác …". */
function makeTitle(rest: string): string | null {
  const r = clean(rest.replace(/^[\s:–-]+/u, ''));
  if (!r) return null;
  const words = r.split(' ').map((w, i) => {
    const f = fold(w);
    const keep = /\d/.test(f) || !/[AEIOUY]/.test(f); // CCHC, TTHC, 2023
    if (keep) return w;
    if (isUpperish(r)) return w.toLocaleLowerCase('vi');
    if (i === 0 && !isUpperish(w)) return w.charAt(0).toLocaleLowerCase('vi') + w.slice(1);
    return w;
  });
  return `Kế hoạch ${words.join(' ')}`;
}

/**
 * "Thực hiện Quyết định số 889/QĐ-UBND …;" cites a document; the title's subject line
 * ("Thực hiện công tác cải cách hành chính năm 2023") does not.
 */
function looksLikeLegalBasis(text: string): boolean {
  return (
    /^Căn cứ(?=[\s:,]|$)/iu.test(text) ||
    /\bsố\s*:?\s*\d/u.test(text) ||
    /[;,]$/u.test(text) ||
    text.length > 160
  );
}

interface NumberCandidate {
  number: string;
  date: string | null;
  where: string;
}

export function readMetadata(lines: readonly Line[], extraText: readonly string[]): Metadata {
  const warnings: ImportWarning[] = [];
  const texts = lines.map((l) => clean(l.para.text));
  const haystack = [...texts, ...extraText];
  const preamble = lines.map((l, i) => ({ l, t: texts[i] ?? '' })).filter((x) => x.l.section === 'preamble');

  // Title: the first "KẾ HOẠCH …" line before section I (its subject may be on the next line).
  let title: string | null = null;
  let titleAt = -1;
  for (let i = 0; i < preamble.length; i += 1) {
    const t = preamble[i]?.t ?? '';
    if (!isTitleLine(t)) continue;
    titleAt = i;
    title = makeTitle(t.slice('KE HOACH'.length));
    if (!title) {
      const next = preamble[i + 1]?.t ?? '';
      if (next && !looksLikeLegalBasis(next)) {
        title = makeTitle(next);
        titleAt = i + 1;
      }
    }
    break;
  }

  // Number: "Số: 71/KH-MNTT" in the header, else the "(Ban hành kèm theo Kế hoạch số …)" lines.
  const headerNumbers: NumberCandidate[] = [];
  const annexNumbers: NumberCandidate[] = [];
  const annexUnits: string[] = [];
  lines.forEach((l, i) => {
    const t = texts[i] ?? '';
    const so = /^Số\s*[:.]?\s*(.*)$/u.exec(t);
    if (so && l.section === 'preamble') {
      const number = readNumber(so[1] ?? '');
      if (number) headerNumbers.push({ number, date: null, where: 'Đầu văn bản' });
      return;
    }
    const annex = ANNEX.exec(t);
    if (annex) {
      const number = readNumber(annex[1] ?? '');
      const where = l.appendix ? `Phụ lục ${l.appendix}` : 'Văn bản';
      if (number) annexNumbers.push({ number, date: readDate(annex[1] ?? ''), where });
      const of = /\bcủa\s+(.+?)\)?\.?$/u.exec(annex[1] ?? '');
      if (of?.[1]) annexUnits.push(clean(of[1]));
    }
  });

  // Unit and superior: the header block's last two organisation lines.
  const organisations = joinSplitCommittee(headerOrganisations(lines));
  const unitCaps = organisations[organisations.length - 1] ?? null;
  const superiorCaps = organisations.length >= 2 ? (organisations[organisations.length - 2] ?? null) : null;
  const builds = preamble
    .map((x) => /^(.{4,80}?)\s+(?:xây dựng|ban hành)\s+(?:kế hoạch|Kế hoạch)/u.exec(x.t)?.[1])
    .find((s): s is string => s !== undefined);
  const unitName = unitCaps ? ordinaryName(unitCaps, haystack) : (annexUnits[0] ?? builds ?? null);
  const superiorName = superiorCaps ? ordinaryName(superiorCaps, haystack) : null;

  let number: string | null = null;
  let numberDate: string | null = null;
  const headerNumber = headerNumbers[0];
  const all = [...headerNumbers, ...annexNumbers];
  if (headerNumber) {
    number = headerNumber.number;
  } else if (annexNumbers.length > 0) {
    // The one matching the unit's initials best ("MNTT" for Trường Mầm non Tuổi Thơ), then the
    // one written most often, then the first.
    const unitInitials = unitName ? initials(unitName) : '';
    const score = (n: string): number => {
      const issuer = fold(n.slice(n.lastIndexOf('-') + 1));
      return unitInitials.endsWith(issuer) ? issuer.length : 0;
    };
    const count = (n: string): number => annexNumbers.filter((c) => c.number === n).length;
    const ranked = [...new Set(annexNumbers.map((c) => c.number))].sort(
      (a, b) => score(b) - score(a) || count(b) - count(a),
    );
    number = ranked[0] ?? null;
  }
  if (number) {
    numberDate =
      all.find((c) => c.number === number && c.date)?.date ?? all.find((c) => c.date)?.date ?? null;
    const others = [...new Set(all.map((c) => c.number))].filter((n) => n !== number);
    if (others.length > 0) {
      const places = all.map((c) => `${c.number} (${c.where})`);
      warnings.push({
        code: 'number_conflict',
        message: `Số kế hoạch ghi không thống nhất: ${[...new Set(places)].join(', ')}. Dùng ${number}.`,
        where: all
          .filter((c) => c.number !== number)
          .map((c) => c.where)
          .join(', '),
      });
    }
  } else {
    warnings.push({
      code: 'missing_number',
      message: 'Không tìm thấy số kế hoạch (Số: …/KH-…).',
      where: 'Đầu văn bản',
    });
  }

  // Place and date: "Quận 8, ngày 17 tháng 3 năm 2023".
  let place: string | null = null;
  let issuedOn: string | null = null;
  const placeLine = texts.map((t) => PLACE_DATE.exec(t)).find((m) => m !== null);
  if (placeLine) {
    place = clean(placeLine[1] ?? '') || null;
    issuedOn = isoDate(Number(placeLine[2]), Number(placeLine[3]), Number(placeLine[4]));
    if (!issuedOn) {
      warnings.push({
        code: 'missing_date',
        message: `Ngày ban hành chưa ghi đủ ("${clean(placeLine[0])}").`,
        where: 'Đầu văn bản',
      });
    }
  } else {
    issuedOn = numberDate;
    if (!issuedOn) {
      warnings.push({
        code: 'missing_date',
        message: 'Không tìm thấy ngày ban hành kế hoạch.',
        where: 'Đầu văn bản',
      });
    }
  }

  const titleYear = title ? /năm\s+(\d{4})/u.exec(title)?.[1] : undefined;
  const year = titleYear ? Number(titleYear) : issuedOn ? Number(issuedOn.slice(0, 4)) : null;

  // Legal bases: the "Thực hiện …" / "Căn cứ …" paragraphs after the title, before section I.
  const legalBases: string[] = [];
  let listing = false;
  let open = false;
  for (const { l, t } of preamble.slice(titleAt + 1)) {
    if (/^(Thực hiện|Căn cứ)(?=[\s:,]|$)/iu.test(t)) {
      if (/^Căn cứ[^.;]{0,40}:$/iu.test(t)) {
        listing = true;
        open = false;
        continue;
      }
      legalBases.push(t.replace(/[;,]$/u, ''));
      open = true;
      listing = false;
    } else if (listing && (l.para.list === 'ul' || /^[-–•+]\s/u.test(t))) {
      legalBases.push(t.replace(/^[-–•+]\s*/u, '').replace(/[;,]$/u, ''));
      open = true;
    } else if (open && startsLowercase(t)) {
      const last = legalBases.length - 1;
      legalBases[last] = `${legalBases[last] ?? ''} ${t}`.replace(/[;,]$/u, '');
    } else {
      open = false;
      listing = false;
    }
  }

  return {
    number,
    issuedOn,
    title,
    year,
    unitName,
    superiorName,
    place,
    legalBases,
    reportDueText: readReportDue(lines, texts),
    warnings,
  };
}

const DAY_MONTH = /\b\d{1,2}\/\d{1,2}\b/gu;

/**
 * The sentence setting the periodic reports' due dates: about reports, with "trước" and a list
 * of day/month dates ("gửi trước ngày 05/3, 05/6, 05/9, 05/12"); failing that, a recurring
 * report ("định kỳ", "hàng quý") with a date.
 */
function readReportDue(lines: readonly Line[], texts: readonly string[]): string | null {
  let fallback: string | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]?.section === 'appendix') continue;
    const t = texts[i] ?? '';
    const lower = t.toLocaleLowerCase('vi');
    if (!lower.includes('báo cáo') || !lower.includes('trước')) continue;
    const dates = t.match(DAY_MONTH)?.length ?? 0;
    const sentence = t.replace(/^[-–•+]\s*/u, '');
    if (dates >= 2) return sentence;
    if (dates >= 1 && fallback === null && /định kỳ|hàng quý/u.test(lower)) fallback = sentence;
  }
  return fallback;
}
