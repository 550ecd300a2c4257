/** What every import use case starts with: the unit it writes to, and the file's sheet. */
import type { UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { policy } from '../auth/policy.js';
import { isSystem } from '../auth/roles.js';
import type { Caller } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { readSheet } from './file.js';
import type { ReadLimits, Sheet } from './file.js';

export interface ImportSource {
  bytes: Uint8Array;
  filename: string | null;
}

/** Only the unit's own dossier handlers import (the CLI calls as the system). */
export async function unitForImport(db: Q, caller: Caller, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  const person = isSystem(caller) ? null : caller;
  if (!unit || (person && !policy.readUnit(person, unit.path)))
    throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (person && !policy.handleDossiers(person, unit.id))
    throw new AppError(
      'FORBIDDEN',
      'Chỉ cán bộ xử lý hồ sơ của chính đơn vị mới nhập được dữ liệu của đơn vị.',
    );
  return unit;
}

/** The file's first sheet, refused when larger than the upload limit. */
export async function sheetOf(
  src: ImportSource,
  uploadMaxBytes: number,
  readLimits: ReadLimits | undefined,
): Promise<Sheet> {
  if (src.bytes.length > uploadMaxBytes)
    throw new AppError('FILE_TOO_LARGE', `Tệp vượt quá ${Math.round(uploadMaxBytes / 1048576)} MB cho phép.`);
  return readSheet(src.bytes, src.filename, readLimits);
}
