import { unzipSync } from 'fflate';
import { AppError } from '../errors.js';

/**
 * Document bombs (issue 11, item 1): a 36 KB .docx whose XML inflates to 10 MB froze the server,
 * an 891 KB one crashed it. Before mammoth or exceljs inflates a ZIP container, its central
 * directory's declared sizes are read (fflate lists the entries without inflating any) and a
 * document that would inflate past these limits is refused.
 */
export interface ZipLimits {
  /** Most bytes all entries may inflate to. */
  maxTotalBytes: number;
  /** Most an entry (or the whole) may inflate relative to its compressed size. */
  maxRatio: number;
  /** Most entries in one container. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 5_000,
};

/** Entries smaller than this are not held to the ratio (tiny XML parts compress very well). */
const RATIO_FLOOR = 1024 * 1024;

export interface ZipSummary {
  entries: number;
  compressedBytes: number;
  inflatedBytes: number;
}

/** Refuses (413 DOCUMENT_BOMB) a ZIP whose declared sizes pass the limits; inflates nothing. */
export function assertZipWithinLimits(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipSummary {
  const sum: ZipSummary = { entries: 0, compressedBytes: 0, inflatedBytes: 0 };
  let bomb: string | null = null;
  try {
    unzipSync(bytes, {
      filter(f) {
        if (bomb) return false;
        sum.entries++;
        sum.compressedBytes += f.size;
        sum.inflatedBytes += f.originalSize;
        if (sum.entries > limits.maxEntries) bomb = `có hơn ${limits.maxEntries} phần`;
        else if (sum.inflatedBytes > limits.maxTotalBytes)
          bomb = `giải nén ra hơn ${Math.round(limits.maxTotalBytes / 1048576)} MB`;
        else if (f.originalSize > RATIO_FLOOR && f.originalSize > Math.max(f.size, 1) * limits.maxRatio)
          bomb = `phần "${f.name.slice(0, 80)}" giải nén ra gấp ${Math.round(f.originalSize / Math.max(f.size, 1))} lần`;
        return false;
      },
    });
  } catch {
    throw new AppError('FILE_CORRUPT', 'Tệp bị hỏng: không đọc được danh mục của tệp nén (.docx/.xlsx).');
  }
  if (
    !bomb &&
    sum.inflatedBytes > RATIO_FLOOR &&
    sum.inflatedBytes > Math.max(bytes.length, 1) * limits.maxRatio
  )
    bomb = `giải nén ra gấp ${Math.round(sum.inflatedBytes / bytes.length)} lần kích thước tệp`;
  if (bomb)
    throw new AppError(
      'DOCUMENT_BOMB',
      `Tệp nén bất thường (${bomb}) nên không được xử lý. Hãy lưu lại tài liệu bằng Word/Excel rồi gửi lại.`,
    );
  return sum;
}
