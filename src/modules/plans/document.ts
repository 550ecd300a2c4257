import mammoth from 'mammoth';
import { AppError } from '../../errors.js';
import { assertZipWithinLimits, DEFAULT_ZIP_LIMITS } from '../../lib/zip-limits.js';
import type { ZipLimits } from '../../lib/zip-limits.js';

/** What a plan document turned into: text (.md/.txt/pasted) or HTML (from .docx via mammoth). */
export type DecodedDocument = { kind: 'docx'; html: string } | { kind: 'text'; text: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * Reads an uploaded plan document, by its content rather than its name. Word files protected
 * with a password are OLE containers holding an "EncryptedPackage" stream.
 */
export async function decodePlanDocument(
  bytes: Uint8Array,
  filename: string | null,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<DecodedDocument> {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  if (startsWith(bytes, OLE)) {
    const ascii = Buffer.from(bytes).toString('latin1');
    const utf16 = Buffer.from(bytes).toString('utf16le');
    if (ascii.includes('EncryptedPackage') || utf16.includes('EncryptedPackage'))
      throw new AppError('FILE_ENCRYPTED');
    throw new AppError(
      'FILE_TYPE',
      'Tệp Word định dạng cũ (.doc) chưa được hỗ trợ: hãy mở bằng Word và lưu thành .docx rồi nhập lại.',
    );
  }
  if (startsWith(bytes, ZIP)) {
    assertZipWithinLimits(bytes, zipLimits);
    let html: string;
    try {
      const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
      html = result.value;
    } catch {
      throw new AppError('FILE_CORRUPT', 'Không đọc được tệp Word: tệp bị hỏng hoặc không phải .docx.');
    }
    if (html.trim() === '') throw new AppError('FILE_EMPTY');
    return { kind: 'docx', html };
  }
  if (filename && /\.(pdf|xlsx?|pptx?|exe|zip|png|jpe?g)$/i.test(filename))
    throw new AppError('FILE_TYPE', 'Chỉ nhận kế hoạch dạng .docx, .md hoặc .txt.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('FILE_CORRUPT', 'Tệp văn bản không phải mã UTF-8 hoặc bị hỏng.');
  }
  text = text.replace(/^\uFEFF/, '');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 4096)))
    throw new AppError('FILE_TYPE', 'Tệp không phải văn bản: chỉ nhận kế hoạch dạng .docx, .md hoặc .txt.');
  if (text.trim() === '') throw new AppError('FILE_EMPTY');
  return { kind: 'text', text };
}
