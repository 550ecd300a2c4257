import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export interface UploadedForm {
  fields: Record<string, string>;
  file: { filename: string; bytes: Uint8Array } | null;
}

/** Reads a multipart form with at most one file, refusing a file over `maxBytes`. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<UploadedForm> {
  if (!req.isMultipart()) throw new AppError('VALIDATION', 'Cần gửi tệp dưới dạng multipart/form-data.');
  const fields: Record<string, string> = {};
  let file: UploadedForm['file'] = null;
  for await (const part of req.parts({
    limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 100_000 },
  })) {
    if (part.type === 'file') {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.file.truncated)
        throw new AppError('FILE_TOO_LARGE', `Tệp vượt quá ${Math.round(maxBytes / 1048576)} MB cho phép.`);
      file = { filename: part.filename, bytes: new Uint8Array(Buffer.concat(chunks)) };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { fields, file };
}

export function intField(fields: Record<string, string>, name: string): number | undefined {
  const v = fields[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new AppError('VALIDATION', `Trường ${name} phải là số nguyên.`);
  return n;
}
