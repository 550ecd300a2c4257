/**
 * Finds the signatures of a PDF (ISO 32000-1 §12.8): each signature dictionary has a /ByteRange
 * [a b c d] naming the signed bytes — [a, a+b) and [c, c+d) — and a /Contents hex string, the CMS
 * signature, filling exactly the gap between them. Pure: bytes in, positions and parsed values out.
 *
 * The dictionary is found by its /ByteRange; the hex string must sit in the gap the byte range
 * leaves, right after the /Contents key, or the signature is reported as malformed (a byte range
 * that skips anything else would leave unsigned content inside the file).
 */

export interface PdfSignatureField {
  /** Offset of the "/ByteRange" key. */
  offset: number;
  byteRange: [number, number, number, number] | null;
  /** The DER of the CMS signature (the hex string decoded, trailing zero padding removed). */
  cms: Uint8Array | null;
  /** What is wrong with the structure, in Vietnamese; null when the structure is sound. */
  problem: string | null;
  /** /M of the dictionary (claimed by the signing software, not authenticated), ISO. */
  claimedTime: string | null;
  /** /Name, /Reason, /Location of the dictionary. */
  name: string | null;
  reason: string | null;
  location: string | null;
  subFilter: string | null;
}

const latin1 = new TextDecoder('latin1');

function indexOf(bytes: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  outer: for (let i = from; i <= bytes.length - n; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < n; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(bytes: Uint8Array, needle: string, before: number): number {
  const n = needle.length;
  for (let i = Math.min(before, bytes.length - n); i >= 0; i--) {
    let ok = true;
    for (let j = 0; j < n; j++)
      if (bytes[i + j] !== needle.charCodeAt(j)) {
        ok = false;
        break;
      }
    if (ok) return i;
  }
  return -1;
}

const isSpace = (b: number | undefined) =>
  b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

/** "[0 840 960 240]" after /ByteRange. */
function readByteRange(bytes: Uint8Array, at: number): [number, number, number, number] | null {
  const end = indexOf(bytes, ']', at);
  if (end < 0 || end - at > 200) return null;
  const text = latin1.decode(bytes.subarray(at, end + 1));
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]$/.exec(text);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** The DER length of the value starting at `der[0]` (tag, length), or null. */
function derLength(der: Uint8Array): number | null {
  if (der.length < 2 || der[0] !== 0x30) return null;
  const first = der[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || der.length < 2 + count) return null;
  let len = 0;
  for (let i = 0; i < count; i++) len = len * 256 + der[2 + i]!;
  return 2 + count + len;
}

function hexToBytes(bytes: Uint8Array, from: number, to: number): Uint8Array | null {
  const digits: number[] = [];
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (isSpace(b)) continue;
    if (!isHex(b)) return null;
    digits.push(b);
  }
  if (digits.length % 2 === 1) digits.push(0x30);
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++)
    out[i] = parseInt(String.fromCharCode(digits[2 * i]!, digits[2 * i + 1]!), 16);
  return out;
}

/** A PDF text string after `key`: a literal "(…)" with the usual escapes, or a hex string "<…>". */
function literalAfter(text: string, key: string): string | null {
  const hex = new RegExp(`\\/${key}\\s*<([0-9A-Fa-f\\s]*)>`).exec(text);
  if (hex) {
    const digits = hex[1]!.replace(/\s+/g, '');
    let raw = '';
    for (let i = 0; i + 1 < digits.length; i += 2)
      raw += String.fromCharCode(parseInt(digits.slice(i, i + 2), 16));
    return decodePdfText(raw);
  }
  const re = new RegExp(`\\/${key}\\s*\\(`);
  const m = re.exec(text);
  if (!m) return null;
  let i = m.index + m[0].length;
  let depth = 1;
  let out = '';
  while (i < text.length && depth > 0) {
    const c = text[i]!;
    if (c === '\\') {
      const n = text[i + 1] ?? '';
      const map: Record<string, string> = {
        n: '\n',
        r: '\r',
        t: '\t',
        b: '\b',
        f: '\f',
        '(': '(',
        ')': ')',
        '\\': '\\',
      };
      if (n in map) {
        out += map[n];
        i += 2;
        continue;
      }
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
      if (oct) {
        out += String.fromCharCode(parseInt(oct[0], 8));
        i += 1 + oct[0].length;
        continue;
      }
      i += 2;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (depth > 0) out += c;
    i++;
  }
  return decodePdfText(out);
}

/** A PDF text string: UTF-16BE with a BOM, else PDFDocEncoding (Latin-1 is close enough here). */
function decodePdfText(raw: string): string {
  if (raw.charCodeAt(0) === 0xfe && raw.charCodeAt(1) === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < raw.length; i += 2)
      s += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return s.normalize('NFC');
  }
  // Signing software often writes UTF-8 bytes into a literal string.
  const bytes = Uint8Array.from(raw, (c) => c.charCodeAt(0) & 0xff);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    return raw;
  }
}

/** "D:20260315103000+07'00'" → ISO instant; null when unreadable. */
export function parsePdfDate(text: string | null): string | null {
  if (!text) return null;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m;
  let offset = 'Z';
  if (zone && zone !== 'Z') {
    const z = zone.replace(/'/g, '');
    offset = `${z.slice(0, 3)}:${z.slice(3, 5) || '00'}`;
  }
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The name after `/SubFilter`. */
function nameAfter(text: string, key: string): string | null {
  const m = new RegExp(`\\/${key}\\s*\\/([^\\s/<>\\[\\]()]+)`).exec(text);
  return m ? m[1]! : null;
}

/** Every signature dictionary of the file, in file order. */
export function findSignatureFields(bytes: Uint8Array): PdfSignatureField[] {
  const out: PdfSignatureField[] = [];
  let at = 0;
  for (;;) {
    const pos = indexOf(bytes, '/ByteRange', at);
    if (pos < 0) break;
    at = pos + 10;
    out.push(readField(bytes, pos));
  }
  return out;
}

function readField(bytes: Uint8Array, pos: number): PdfSignatureField {
  // The dictionary's object: from its "obj" to its "endobj", for the other keys.
  const objStart = Math.max(0, lastIndexOf(bytes, 'obj', pos));
  const objEndRaw = indexOf(bytes, 'endobj', pos);
  const objEnd = objEndRaw < 0 ? Math.min(bytes.length, pos + 65_536) : objEndRaw;
  const field: PdfSignatureField = {
    offset: pos,
    byteRange: readByteRange(bytes, pos),
    cms: null,
    problem: null,
    claimedTime: null,
    name: null,
    reason: null,
    location: null,
    subFilter: null,
  };
  const br = field.byteRange;
  if (!br) return { ...field, problem: 'Không đọc được vùng ký (/ByteRange) của chữ ký.' };
  const [a, b, c, d] = br;
  // The text of the dictionary outside the signature's hex string (which can be large).
  const gapStart = a + b;
  const gapEnd = c;
  const head = latin1.decode(
    bytes.subarray(objStart, Math.min(objEnd, gapStart > objStart ? gapStart : objEnd)),
  );
  const tail = gapEnd > objStart && gapEnd < objEnd ? latin1.decode(bytes.subarray(gapEnd, objEnd)) : '';
  const dict = `${head} ${tail}`;
  field.claimedTime = parsePdfDate(literalAfter(dict, 'M'));
  field.name = literalAfter(dict, 'Name');
  field.reason = literalAfter(dict, 'Reason');
  field.location = literalAfter(dict, 'Location');
  field.subFilter = nameAfter(dict, 'SubFilter');

  if (a !== 0) return { ...field, problem: 'Vùng ký không bắt đầu từ đầu tệp: phần đầu tệp không được ký.' };
  if (gapStart >= gapEnd || c + d > bytes.length)
    return { ...field, problem: 'Vùng ký (/ByteRange) vượt ra ngoài tệp hoặc chồng lên nhau.' };
  // The gap is exactly the hex string "<…>" that follows the /Contents key.
  if (bytes[gapStart] !== 0x3c || bytes[gapEnd - 1] !== 0x3e)
    return {
      ...field,
      problem: 'Phần không được ký không phải là chữ ký: tệp có nội dung nằm ngoài vùng ký.',
    };
  let k = gapStart - 1;
  while (k > 0 && isSpace(bytes[k])) k--;
  if (latin1.decode(bytes.subarray(k - 8, k + 1)) !== '/Contents')
    return { ...field, problem: 'Phần không được ký không nằm ngay sau khóa /Contents của chữ ký.' };
  const raw = hexToBytes(bytes, gapStart + 1, gapEnd - 1);
  if (!raw) return { ...field, problem: 'Giá trị chữ ký (/Contents) không phải chuỗi hex hợp lệ.' };
  const len = derLength(raw);
  if (len === null || len > raw.length)
    return { ...field, problem: 'Giá trị chữ ký (/Contents) không phải dữ liệu CMS hợp lệ.' };
  for (let i = len; i < raw.length; i++)
    if (raw[i] !== 0) return { ...field, problem: 'Giá trị chữ ký có dữ liệu lạ sau cấu trúc CMS.' };
  return { ...field, cms: raw.subarray(0, len) };
}

/** The bytes a byte range signs: [a, a+b) followed by [c, c+d). */
export function signedBytes(bytes: Uint8Array, br: readonly [number, number, number, number]): Uint8Array {
  const [a, b, c, d] = br;
  const out = new Uint8Array(b + d);
  out.set(bytes.subarray(a, a + b), 0);
  out.set(bytes.subarray(c, c + d), b);
  return out;
}
