/**
 * Decides a file's type from its content, not its name: an executable renamed ".pdf" is refused.
 * Office formats are containers (ZIP for .docx/.xlsx, OLE for .doc/.xls), so for those the name's
 * extension picks the exact type once the container is confirmed.
 */
export interface SniffedType {
  mime: string;
  label: string;
}

/** The extension a stored file of each sniffed type gets; a name claiming another is corrected. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/zip': ['zip'],
  'text/csv; charset=utf-8': ['csv'],
  'text/plain; charset=utf-8': ['txt'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
};

const sig = (bytes: Uint8Array, s: number[], offset = 0) => s.every((b, i) => bytes[offset + i] === b);

const ZIP_TYPES: Record<string, SniffedType> = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel' },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint',
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument' },
  zip: { mime: 'application/zip', label: 'ZIP' },
};
const OLE_TYPES: Record<string, SniffedType> = {
  doc: { mime: 'application/msword', label: 'Word' },
  xls: { mime: 'application/vnd.ms-excel', label: 'Excel' },
  ppt: { mime: 'application/vnd.ms-powerpoint', label: 'PowerPoint' },
};

export const EVIDENCE_TYPES_TEXT = 'PDF, Word, Excel, PowerPoint, ảnh (JPG, PNG, GIF, WEBP), ZIP, TXT, CSV';

export function extensionOf(filename: string): string {
  const m = /\.([a-z0-9]{1,8})$/i.exec(filename);
  return m ? m[1]!.toLowerCase() : '';
}

export function sniffEvidenceType(bytes: Uint8Array, filename: string): SniffedType | null {
  const ext = extensionOf(filename);
  if (sig(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', label: 'PDF' };
  if (sig(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', label: 'Ảnh PNG' };
  if (sig(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', label: 'Ảnh JPEG' };
  if (sig(bytes, [0x47, 0x49, 0x46, 0x38])) return { mime: 'image/gif', label: 'Ảnh GIF' };
  if (sig(bytes, [0x52, 0x49, 0x46, 0x46]) && sig(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { mime: 'image/webp', label: 'Ảnh WEBP' };
  if (sig(bytes, [0x50, 0x4b, 0x03, 0x04])) return ZIP_TYPES[ext] ?? ZIP_TYPES.zip!;
  if (sig(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE_TYPES[ext] ?? null;
  if ((ext === 'txt' || ext === 'csv') && isUtf8Text(bytes))
    return {
      mime: ext === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8',
      label: ext.toUpperCase(),
    };
  return null;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 65536));
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000E-\u001F]/.test(text);
  } catch {
    return false;
  }
}

/**
 * A file name safe to store and to send back in Content-Disposition: the last path part only, no
 * control, format or bidi characters (`\p{Cf}`: a right-to-left override makes "x‮fdp.bat" read
 * as "xtab.pdf"), none of the characters Windows refuses, no leading dots.
 */
export function safeFilename(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const base = last
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["<>|:*?]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  return (base || 'tep').slice(0, 200);
}

/**
 * The name a file is stored and served under: `safeFilename`, with the extension of the type its
 * content was sniffed as (a PDF named "bao-cao.bat" is kept as "bao-cao.pdf", a ZIP named
 * "tool.jar" as "tool.zip"), so that no browser or desktop opens it as something else.
 */
export function filenameForType(name: string, type: SniffedType): string {
  const safe = safeFilename(name);
  const allowed = EXTENSIONS[type.mime];
  if (!allowed) return safe;
  const ext = extensionOf(safe);
  if (allowed.includes(ext)) return safe;
  const stem = ext ? safe.slice(0, -(ext.length + 1)) : safe;
  return `${(stem || 'tep').slice(0, 190)}.${allowed[0]}`;
}
