import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-disposition.js';

/** A stored file on its way out: its bytes, the name it is offered under and its (sniffed) type. */
export interface Download {
  data: Uint8Array;
  filename: string;
  mime: string;
  /** Shown in the page (images) instead of saved. */
  inline?: boolean;
}

/**
 * Sends a stored file: its type, the one Content-Disposition (`contentDisposition`, the name
 * taking the type's extension) and `nosniff`, so the browser never reads it as anything else.
 */
export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  return reply
    .header('Content-Type', file.mime)
    .header(
      'Content-Disposition',
      contentDisposition(file.filename, { mime: file.mime, inline: file.inline === true }),
    )
    .header('X-Content-Type-Options', 'nosniff')
    .send(Buffer.from(file.data));
}
