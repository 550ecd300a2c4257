/**
 * Importing a document register from the .xlsx/.csv export of e-office software (VNPT iOffice,
 * Viettel VOffice, the provinces' "Quản lý văn bản và điều hành"…): fields, the header phrases each
 * is known by, and the report's shape.
 */
import { z } from 'zod';
import type { Synonyms } from '../../core/register-import/index.js';
import { RowErrorOut } from '../dossier-import/schema.js';

export const DOCUMENT_FIELDS = [
  'direction',
  'numberText',
  'arrivalNumber',
  'docType',
  'documentDate',
  'receivedOn',
  'summary',
  'sender',
  'recipients',
  'handlingUnit',
  'dueDate',
  'handledOn',
  'form',
  'signed',
  'signer',
  'confidential',
  'channel',
] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

export const DOCUMENT_FIELD_LABELS: Record<DocumentField, string> = {
  direction: 'Sổ (đi/đến)',
  numberText: 'Số, ký hiệu',
  arrivalNumber: 'Số đến',
  docType: 'Loại văn bản',
  documentDate: 'Ngày văn bản',
  receivedOn: 'Ngày đến',
  summary: 'Trích yếu',
  sender: 'Nơi gửi',
  recipients: 'Nơi nhận',
  handlingUnit: 'Đơn vị, người xử lý',
  dueDate: 'Hạn xử lý',
  handledOn: 'Ngày xử lý xong',
  form: 'Hình thức (điện tử/giấy)',
  signed: 'Ký số',
  signer: 'Người ký',
  confidential: 'Độ mật',
  channel: 'Phương thức gửi, nhận',
};

export const DOCUMENT_SYNONYMS: Synonyms<DocumentField> = {
  direction: ['Sổ văn bản', 'Loại sổ', 'Văn bản đi/đến', 'Đi/Đến', 'Chiều văn bản', '=Sổ', '=Loại'],
  numberText: [
    'Số, ký hiệu',
    'Số ký hiệu',
    'Số/Ký hiệu',
    'Số và ký hiệu',
    'Số ký hiệu văn bản',
    'Số, ký hiệu văn bản',
    'Số văn bản',
    'Số hiệu văn bản',
    'Ký hiệu',
    '=Số hiệu',
    '=Số',
  ],
  arrivalNumber: ['Số đến', 'Số văn bản đến', 'Số thứ tự đến', 'Số vào sổ'],
  docType: ['Loại văn bản', 'Thể loại', 'Thể loại văn bản', 'Tên loại văn bản', 'Tên loại'],
  documentDate: [
    'Ngày văn bản',
    'Ngày ban hành',
    'Ngày ký',
    'Ngày tháng văn bản',
    'Ngày, tháng văn bản',
    'Ngày phát hành',
    'Ngày đi',
    '=Ngày',
  ],
  receivedOn: ['Ngày đến', 'Ngày nhận', 'Ngày nhận văn bản', 'Ngày tiếp nhận'],
  summary: [
    'Trích yếu',
    'Trích yếu nội dung',
    'Tên loại và trích yếu nội dung',
    'Tên văn bản',
    'Nội dung',
    'Nội dung văn bản',
  ],
  sender: [
    'Nơi gửi',
    'Nơi gửi văn bản',
    'Cơ quan ban hành',
    'Đơn vị ban hành',
    'Cơ quan gửi',
    'Đơn vị gửi',
    'Nơi ban hành',
    'Tác giả',
  ],
  recipients: ['Nơi nhận', 'Nơi nhận văn bản', 'Đơn vị nhận', 'Nơi nhận bản lưu'],
  handlingUnit: [
    'Đơn vị xử lý',
    'Người xử lý',
    'Đơn vị, người nhận',
    'Đơn vị hoặc người nhận',
    'Đơn vị chủ trì',
    'Người nhận xử lý',
    'Xử lý chính',
  ],
  dueDate: ['Hạn xử lý', 'Hạn giải quyết', 'Thời hạn xử lý', 'Hạn trả lời', '=Hạn'],
  handledOn: ['Ngày xử lý', 'Ngày xử lý xong', 'Ngày hoàn thành', 'Ngày giải quyết', 'Ngày kết thúc'],
  form: ['Hình thức', 'Hình thức văn bản', 'Dạng văn bản', 'Văn bản điện tử', 'Bản điện tử', 'Loại bản'],
  signed: ['Ký số', 'Chữ ký số', 'Đã ký số', 'Văn bản ký số'],
  signer: ['Người ký', 'Người ký duyệt', 'Người ký văn bản', 'Lãnh đạo ký'],
  confidential: ['Độ mật', 'Mức độ mật', 'Văn bản mật', '=Mật'],
  channel: [
    'Phương thức gửi',
    'Phương thức nhận',
    'Phương thức gửi nhận',
    'Hình thức gửi',
    'Hình thức nhận',
    'Gửi qua',
    'Nhận qua',
    'Kênh gửi',
    'Nguồn',
    '=Kênh',
  ],
};

/** One row as understood, for the report's sample. */
export const UnderstoodDocument = z.object({
  row: z.number(),
  direction: z.enum(['outgoing', 'incoming']),
  book: z.string(),
  year: z.number(),
  /** null: the arrival number is given at saving (incoming without "Số đến"). */
  number: z.number().nullable(),
  numberText: z.string(),
  docType: z.string(),
  documentDate: z.string(),
  receivedOn: z.string().nullable(),
  summary: z.string(),
  form: z.enum(['electronic', 'paper']),
  signed: z.boolean(),
  confidential: z.boolean(),
  channel: z.enum(['eoffice', 'email', 'postal', 'hand']),
});
export type UnderstoodDocument = z.infer<typeof UnderstoodDocument>;

export const DocumentImportCounts = z.object({
  rows: z.number(),
  valid: z.number(),
  invalid: z.number(),
  skipped: z.number(),
  outgoing: z.number(),
  incoming: z.number(),
  confidential: z.number(),
  /** Incoming rows without "Số đến": numbered at saving, after the book's last number. */
  numbersToAllocate: z.number(),
  /** Rows whose form or channel was not in the file (defaults: e-office, electronic). */
  defaulted: z.number(),
});
export type DocumentImportCounts = z.infer<typeof DocumentImportCounts>;

export const DocumentImportReport = z
  .object({
    dryRun: z.boolean(),
    fileKind: z.enum(['xlsx', 'csv']),
    headerRow: z.number(),
    columns: z.array(
      z.object({ index: z.number(), header: z.string(), field: z.enum(DOCUMENT_FIELDS).nullable() }),
    ),
    mapping: z.partialRecord(z.enum(DOCUMENT_FIELDS), z.number()),
    counts: DocumentImportCounts,
    sample: z.array(UnderstoodDocument),
    errors: z.array(RowErrorOut),
    imported: z.number(),
    importId: z.string().nullable(),
  })
  .meta({ id: 'DocumentImportReport' });
export type DocumentImportReport = z.infer<typeof DocumentImportReport>;
