// String helpers shared by the readers and the interpretation pass. Everything here is a pure
// function of its input.

/** NFC, every run of whitespace (including NBSP and zero-width spaces) as one space, trimmed. */
export function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

const COMBINING = /[\u0300-\u036f]/g;

/** One character folded to its base letter (diacritics off, đ → d), keeping the string length. */
function foldChar(c: string): string {
  if (c === 'đ') return 'd';
  if (c === 'Đ') return 'D';
  const base = c.normalize('NFD').replace(COMBINING, '');
  return base.length === 1 ? base : c;
}

/**
 * Case- and diacritics-insensitive key: "Phụ lục I" → "PHU LUC I". Length is preserved for NFC
 * input, so an index found in the folded string is valid in the original.
 */
export function fold(s: string): string {
  let out = '';
  for (const c of s) out += foldChar(c);
  return out.toUpperCase();
}

/** True when the text has letters and (almost) all of them are capitals: "TRƯỜNG MẦM NON". */
export function isUpperish(s: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const c of s) {
    if (c.toLowerCase() === c.toUpperCase()) continue;
    if (c === c.toUpperCase()) upper += 1;
    else lower += 1;
  }
  return upper >= 2 && lower <= Math.max(1, Math.floor(upper / 20));
}

/** True when the first letter of the text is a lower-case letter (a line continued after a break). */
export function startsLowercase(s: string): boolean {
  const first = /\p{L}/u.exec(s);
  if (!first) return false;
  const c = first[0];
  return first.index === 0 && c !== c.toUpperCase();
}

const OPTIONAL_MARK = /\(\s*nếu\s+có\s*\)/giu;

/** "(nếu có)" — "if any" — makes a task, deliverable or party optional. */
export function hasOptionalMark(s: string): boolean {
  OPTIONAL_MARK.lastIndex = 0;
  return OPTIONAL_MARK.test(s);
}

export function stripOptionalMark(s: string): string {
  return clean(s.replace(OPTIONAL_MARK, ' ').replace(/\s+([.,;:])/g, '$1'));
}

/**
 * A party or deliverable name without the noise units leave around it: "(nếu có)", stray
 * trailing dots, semicolons, commas and spaces ("Phòng Giáo dục và Đào tạo.." → "Phòng Giáo dục
 * và Đào tạo"). A leading bullet mark goes too.
 */
export function cleanName(s: string): { name: string; optional: boolean } {
  const optional = hasOptionalMark(s);
  let name = stripOptionalMark(s);
  name = name.replace(/^[-–—•+*]\s*/u, '');
  name = name.replace(/[\s.,;:/…]+$/u, '');
  name = name.replace(/^[\s.,;:]+/u, '');
  return { name: clean(name), optional };
}

/** "Hòa Bình" ← "HÒA BÌNH": capital first letter, the rest lower case. */
function capitalise(word: string): string {
  const lower = word.toLocaleLowerCase('vi');
  const first = lower.charAt(0);
  return first.toLocaleUpperCase('vi') + lower.slice(1);
}

// How Vietnamese administrative names are usually written when not in capitals. Longest first.
const NAME_PREFIXES: readonly (readonly [string, string])[] = [
  ['UY BAN NHAN DAN', 'Ủy ban nhân dân'],
  ['PHONG GIAO DUC VA DAO TAO', 'Phòng Giáo dục và Đào tạo'],
  ['SO GIAO DUC VA DAO TAO', 'Sở Giáo dục và Đào tạo'],
  ['TRUONG TRUNG HOC PHO THONG', 'Trường Trung học phổ thông'],
  ['TRUONG TRUNG HOC CO SO', 'Trường Trung học cơ sở'],
  ['TRUONG TIEU HOC', 'Trường Tiểu học'],
  ['TRUONG MAM NON', 'Trường Mầm non'],
  ['TRUONG MAU GIAO', 'Trường Mẫu giáo'],
  ['THANH PHO', 'Thành phố'],
  ['PHUONG', 'phường'],
  ['QUAN', 'Quận'],
  ['HUYEN', 'huyện'],
  ['TINH', 'tỉnh'],
  ['XA', 'xã'],
  ['SO', 'Sở'],
  ['PHONG', 'Phòng'],
  ['TRUONG', 'Trường'],
];

/** "UBND", "Q8", "CCHC": abbreviations and codes stay as written. */
function keepsCapitals(word: string): boolean {
  const f = fold(word);
  return /\d/.test(f) || !/[AEIOUY]/.test(f) || f === 'UBND' || f === 'HDND';
}

/**
 * Best-effort ordinary casing for a name written in capitals, used only when the document never
 * writes the name in ordinary case: "ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN" → "Ủy ban nhân dân phường Tân An".
 */
export function recaseName(caps: string): string {
  const words = clean(caps).split(' ');
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (const [key, value] of NAME_PREFIXES) {
      const n = key.split(' ').length;
      if (fold(words.slice(i, i + n).join(' ')) === key) {
        out.push(value);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const w = words[i] ?? '';
      out.push(keepsCapitals(w) ? w : capitalise(w));
      i += 1;
    }
  }
  const joined = out.join(' ');
  return joined.charAt(0).toLocaleUpperCase('vi') + joined.slice(1);
}

/**
 * Find `caps` written in ordinary case somewhere in `haystack` (case and diacritic placement
 * ignored: "Uỷ ban" matches "ỦY BAN"). Returns that spelling, or null.
 */
export function findOrdinaryCase(caps: string, haystack: readonly string[]): string | null {
  const key = fold(clean(caps));
  if (key.length === 0) return null;
  for (const text of haystack) {
    const folded = fold(text);
    if (folded.length !== text.length) continue;
    let at = folded.indexOf(key);
    while (at >= 0) {
      const before = at === 0 ? ' ' : folded.charAt(at - 1);
      const after = folded.charAt(at + key.length) || ' ';
      const found = text.slice(at, at + key.length);
      if (!/[A-Z0-9]/.test(before) && !/[A-Z0-9]/.test(after) && !isUpperish(found)) return found;
      at = folded.indexOf(key, at + 1);
    }
  }
  return null;
}

/** Initials of a name, folded: "Trường Mầm non Tuổi Thơ" → "TMNTT". */
export function initials(name: string): string {
  return fold(clean(name))
    .split(' ')
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w.charAt(0))
    .join('');
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** "IV" → 4; null when the text is not a Roman numeral. */
export function romanToNumber(s: string): number | null {
  if (!/^[IVXL]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i += 1) {
    const v = ROMAN[s.charAt(i)] ?? 0;
    const next = ROMAN[s.charAt(i + 1)] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 60 ? total : null;
}
