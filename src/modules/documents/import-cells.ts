/** Reading one cell of a document register export: its direction, form, channel, type, numbers. */
import { fromDayNumber } from '../../core/calendar/index.js';
import { DOCUMENT_TYPES, documentTypeOf } from '../../core/documents/index.js';
import type {
  Book,
  Direction,
  DocumentChannel,
  DocumentForm,
  DocumentType,
} from '../../core/documents/index.js';
import type { Cell } from '../dossier-import/file.js';
import { cellText, fold, isProblem, readMoment } from '../../core/register-import/index.js';
import type { Problem } from '../../core/register-import/index.js';

/** A row understood and checked, waiting to be saved. */
export interface Planned {
  row: number;
  direction: Direction;
  book: Book;
  year: number;
  /** null: allocated at saving (incoming without "Số đến"). */
  number: number | null;
  numberText: string;
  docType: DocumentType;
  documentDate: string;
  receivedOn: string | null;
  summary: string;
  sender: string | null;
  recipients: string | null;
  handlingUnit: string | null;
  dueDate: string | null;
  handledOn: string | null;
  form: DocumentForm;
  signed: boolean;
  signer: string | null;
  confidential: boolean;
  channel: DocumentChannel;
}

/** "Đi", "VB đi", "Văn bản đi" → outgoing; "Đến", "VB đến" → incoming. */
export function readDirection(v: Cell): Direction | Problem | null {
  const f = fold(cellText(v));
  if (f === '') return null;
  if (/(^| )den( |$)/.test(f)) return 'incoming';
  if (/(^| )di( |$)/.test(f)) return 'outgoing';
  return { error: `không rõ "${cellText(v)}" là văn bản đi hay đến (cần "Đi" hoặc "Đến")` };
}

/** "Mật", "Tối mật", "Tuyệt mật", "x" → confidential; blank, "Thường", "Không" → not. */
export function readConfidential(v: Cell): boolean | Problem {
  const f = fold(cellText(v));
  if (f === '' || /^(thuong|binh thuong|khong|0|-)( |$)/.test(f)) return false;
  if (/(^| )mat( |$)/.test(f) || /^(x|co|1|true)$/.test(f)) return true;
  return { error: `độ mật "${cellText(v)}" không rõ (cần "Mật", "Tối mật", "Tuyệt mật" hoặc để trống)` };
}

/** "Điện tử" → electronic; "Giấy", "Bản giấy" → paper. */
export function readForm(v: Cell): DocumentForm | Problem | null {
  const f = fold(cellText(v));
  if (f === '') return null;
  if (/dien tu|^x$|^co$|^1$|so hoa/.test(f)) return 'electronic';
  if (/giay|^khong$|^0$/.test(f)) return 'paper';
  return { error: `hình thức "${cellText(v)}" không rõ (cần "Điện tử" hoặc "Giấy")` };
}

/** The way a document went or came, as e-office exports write it. */
export function readChannel(v: Cell): DocumentChannel | Problem | null {
  const f = fold(cellText(v));
  if (f === '') return null;
  if (/truc tiep|chuyen tay|(^| )tay( |$)|giao nhan|nhan tai|van thu/.test(f)) return 'hand';
  if (/e ?mail|thu dien tu|thu cong vu|hop thu/.test(f)) return 'email';
  if (
    /lien thong|truc (lien thong|tich hop|van ban)|phan mem|he thong|ioffice|voffice|e ?office|qlvb|quan ly van ban|mang|dien tu/.test(
      f,
    )
  )
    return 'eoffice';
  if (/buu (chinh|dien)|buu pham|^bc$/.test(f)) return 'postal';
  return {
    error: `phương thức "${cellText(v)}" không rõ (cần "Liên thông/Hệ thống", "Thư điện tử", "Bưu chính" hoặc "Trực tiếp")`,
  };
}

export function readType(v: Cell): DocumentType | null {
  const text = cellText(v);
  if (text === '') return null;
  const exact = documentTypeOf(text);
  if (exact) return exact;
  // "Giấy mời họp", "Kế hoạch số…": the longest type name the text starts with.
  const f = fold(text);
  let best: { code: DocumentType; len: number } | null = null;
  for (const t of DOCUMENT_TYPES) {
    const n = fold(t.name);
    if ((f === n || f.startsWith(`${n} `)) && (!best || n.length > best.len))
      best = { code: t.code, len: n.length };
  }
  return best?.code ?? 'KHAC';
}

/** A handling deadline (it may lie in the future). */
export function readDueDate(v: Cell): string | Problem | null {
  const m = readMoment(v);
  if (m === null || isProblem(m)) return m;
  return fromDayNumber(m.day);
}

export function readArrival(v: Cell): number | Problem | null {
  const raw = cellText(v);
  if (raw === '') return null;
  const n = Number(raw.replace(/^0+(?=\d)/, ''));
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    return { error: `số đến "${raw}" phải là số nguyên dương` };
  return n;
}
