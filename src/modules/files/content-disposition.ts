import { create } from 'content-disposition';
import { filenameForType, safeFilename } from '../../lib/file-type.js';

/**
 * The one Content-Disposition of every download (evidence, news attachments, PAKN attachments,
 * reports, exports): `attachment` unless an image is shown in the page, an ASCII fallback name and
 * the real one in RFC 5987 `filename*=UTF-8''…` (jshttp's content-disposition writes both). Given
 * the type the content was sniffed as, the name takes that type's extension, so a file stored
 * before names were corrected is still served under its true type.
 */
export function contentDisposition(filename: string, opts: { mime?: string; inline?: boolean } = {}): string {
  const name = opts.mime ? filenameForType(filename, { mime: opts.mime, label: '' }) : safeFilename(filename);
  return create(name, { type: opts.inline ? 'inline' : 'attachment' });
}
