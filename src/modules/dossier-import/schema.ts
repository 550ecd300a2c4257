import { z } from 'zod';
import type { Synonyms } from './columns.js';

// ---------------------------------------------------------------------------------------------
// Procedure catalogue

export const PROCEDURE_FIELDS = [
  'code',
  'name',
  'field',
  'limit',
  'fee',
  'onlineLevel',
  'resultType',
] as const;
export type ProcedureField = (typeof PROCEDURE_FIELDS)[number];

export const PROCEDURE_FIELD_LABELS: Record<ProcedureField, string> = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  limit: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  onlineLevel: 'Mức độ dịch vụ công trực tuyến',
  resultType: 'Kết quả',
};

export const PROCEDURE_SYNONYMS: Synonyms<ProcedureField> = {
  code: ['Mã thủ tục', 'Mã TTHC', 'Mã thủ tục hành chính', 'Mã số thủ tục', '=Mã', '=Mã số', '=Code'],
  name: ['Tên thủ tục', 'Tên TTHC', 'Tên thủ tục hành chính', '=Thủ tục', '=Thủ tục hành chính', '=Tên'],
  field: ['Lĩnh vực', 'Lĩnh vực thủ tục', 'Tên lĩnh vực'],
  limit: [
    'Thời hạn giải quyết',
    'Thời gian giải quyết',
    'Thời hạn xử lý',
    'Thời gian xử lý',
    '=Thời hạn',
    '=Thời gian',
  ],
  fee: ['Phí, lệ phí', 'Phí lệ phí', 'Lệ phí', 'Mức phí', '=Phí', 'Phí, lệ phí (nếu có)'],
  onlineLevel: ['Mức độ', 'DVC trực tuyến', 'Dịch vụ công trực tuyến', 'Mức độ DVC', 'Mức độ dịch vụ công'],
  resultType: ['Kết quả', 'Kết quả thực hiện', 'Kết quả giải quyết', 'Loại kết quả', 'Hình thức kết quả'],
};

export interface RowError {
  /** The row number the user sees in the spreadsheet (the CSV's line counting the header as 1). */
  row: number;
  /** The field (see the *_FIELDS lists), or 'file' for a problem with the whole table. */
  field: string;
  message: string;
}

export const RowErrorOut = z.object({ row: z.number(), field: z.string(), message: z.string() });

export const ProcedureImportReport = z.object({
  dryRun: z.boolean(),
  headerRow: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      code: z.string(),
      name: z.string(),
      action: z.enum(['created', 'updated', 'unchanged']),
      limitText: z.string(),
      feeBearing: z.boolean(),
      onlineLevel: z.enum(['full', 'partial', 'none']),
      resultType: z.enum(['paper', 'electronic']),
    }),
  ),
  errors: z.array(RowErrorOut),
});
export type ProcedureImportReport = z.infer<typeof ProcedureImportReport>;

// ---------------------------------------------------------------------------------------------
// Register of dossiers

export const REGISTER_FIELDS = [
  'code',
  'procedureCode',
  'procedureName',
  'applicantName',
  'idNumber',
  'address',
  'phone',
  'email',
  'channel',
  'receivedAt',
  'appointmentAt',
  'resolvedAt',
  'returnedAt',
  'withdrawnAt',
  'refusedAt',
  'refusalReason',
  'returnMethod',
  'supplementRequests',
  'paidOnline',
  'digitised',
  'electronicResult',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export const REGISTER_FIELD_LABELS: Record<RegisterField, string> = {
  code: 'Mã hồ sơ',
  procedureCode: 'Mã thủ tục',
  procedureName: 'Tên thủ tục',
  applicantName: 'Người nộp hồ sơ',
  idNumber: 'Số giấy tờ tùy thân',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  channel: 'Kênh tiếp nhận',
  receivedAt: 'Ngày tiếp nhận',
  appointmentAt: 'Ngày hẹn trả',
  resolvedAt: 'Ngày giải quyết xong',
  returnedAt: 'Ngày trả kết quả',
  withdrawnAt: 'Ngày rút hồ sơ',
  refusedAt: 'Ngày từ chối giải quyết',
  refusalReason: 'Lý do từ chối',
  returnMethod: 'Hình thức trả kết quả',
  supplementRequests: 'Số lần yêu cầu bổ sung',
  paidOnline: 'Thanh toán trực tuyến',
  digitised: 'Số hóa hồ sơ',
  electronicResult: 'Kết quả điện tử',
};

export const REGISTER_SYNONYMS: Synonyms<RegisterField> = {
  code: [
    'Mã hồ sơ',
    'Số hồ sơ',
    'Mã HS',
    'Số biên nhận',
    'Mã biên nhận',
    'Số giấy biên nhận',
    'Mã số hồ sơ',
    '=Mã',
  ],
  procedureCode: ['Mã thủ tục', 'Mã TTHC', 'Mã thủ tục hành chính', 'Mã số thủ tục'],
  procedureName: [
    'Tên thủ tục',
    'Tên TTHC',
    'Tên thủ tục hành chính',
    'Thủ tục hành chính',
    '=Thủ tục',
    '=TTHC',
    'Tên dịch vụ công',
    '=Dịch vụ công',
  ],
  applicantName: [
    'Người nộp',
    'Tên người nộp',
    'Họ tên người nộp',
    'Người nộp hồ sơ',
    'Chủ hồ sơ',
    'Tên chủ hồ sơ',
    'Tên cá nhân/tổ chức',
    'Tên tổ chức, cá nhân',
    'Tổ chức, cá nhân',
    'Cá nhân, tổ chức',
    'Tên công dân',
    'Người đứng tên',
    'Người yêu cầu',
    '=Họ và tên',
    '=Họ tên',
    '=Công dân',
    '=Người nộp đơn',
  ],
  idNumber: [
    'Số CCCD',
    'CCCD',
    'CMND',
    'CMND/CCCD',
    'Số CMND',
    'Số định danh',
    'Số định danh cá nhân',
    'Số giấy tờ tùy thân',
    'Giấy tờ tùy thân',
    'Số giấy tờ',
    'Căn cước',
    'Số căn cước',
  ],
  address: [
    'Địa chỉ',
    'Địa chỉ người nộp',
    'Nơi cư trú',
    'Địa chỉ liên hệ',
    'Địa chỉ/Số điện thoại',
    'Địa chỉ, số điện thoại',
  ],
  phone: ['Số điện thoại', 'Điện thoại', 'SĐT', 'Di động', 'Số di động', 'Điện thoại liên hệ'],
  email: ['Email', 'E-mail', 'Thư điện tử', 'Địa chỉ email', 'Địa chỉ thư điện tử'],
  channel: [
    'Kênh tiếp nhận',
    'Kênh nộp',
    'Hình thức nộp',
    'Hình thức tiếp nhận',
    'Hình thức nộp hồ sơ',
    'Nguồn hồ sơ',
    'Phương thức nộp',
    '=Kênh',
    '=Nguồn',
  ],
  receivedAt: [
    'Ngày nhận',
    'Ngày nhận hồ sơ',
    'Ngày tiếp nhận',
    'Thời gian tiếp nhận',
    'Thời điểm tiếp nhận',
    'Ngày giờ tiếp nhận',
    'Ngày nộp',
    'Ngày nộp hồ sơ',
    'Tiếp nhận lúc',
    'Nhận lúc',
  ],
  appointmentAt: [
    'Ngày hẹn trả',
    'Ngày hẹn trả kết quả',
    'Hẹn trả',
    'Hẹn trả kết quả',
    'Ngày hẹn',
    'Thời gian hẹn trả',
    '=Hạn giải quyết',
    '=Hạn xử lý',
    'Hạn trả kết quả',
  ],
  resolvedAt: [
    'Ngày giải quyết',
    'Ngày giải quyết xong',
    'Ngày có kết quả',
    'Ngày có kết quả/trả kết quả',
    'Ngày hoàn thành',
    'Ngày xử lý xong',
    'Ngày kết thúc xử lý',
    'Ngày hoàn thành xử lý',
    'Thời gian hoàn thành',
    'Ngày duyệt',
  ],
  returnedAt: [
    'Ngày trả',
    'Ngày trả kết quả',
    'Ngày nhận kết quả',
    'Ngày công dân nhận kết quả',
    'Thời gian trả kết quả',
    'Ngày đã trả kết quả',
    'Đã trả kết quả ngày',
  ],
  withdrawnAt: ['Ngày rút', 'Ngày rút hồ sơ', 'Rút hồ sơ', 'Ngày dừng xử lý', 'Ngày công dân rút'],
  refusedAt: ['Ngày từ chối', 'Ngày từ chối giải quyết', 'Từ chối giải quyết', 'Ngày từ chối tiếp nhận'],
  refusalReason: ['Lý do từ chối', 'Lý do từ chối giải quyết', 'Lý do không giải quyết'],
  returnMethod: [
    'Hình thức trả kết quả',
    'Hình thức trả',
    'Phương thức trả kết quả',
    'Cách trả kết quả',
    'Nơi trả kết quả',
    'Hình thức nhận kết quả',
  ],
  supplementRequests: [
    'Số lần bổ sung',
    'Số lần yêu cầu bổ sung',
    '=Yêu cầu bổ sung',
    'Số lần bổ sung hồ sơ',
    'Lần bổ sung',
  ],
  paidOnline: [
    'Thanh toán trực tuyến',
    'Thanh toán online',
    'Đã thanh toán trực tuyến',
    'Thanh toán qua cổng',
    'TT trực tuyến',
  ],
  digitised: ['Số hóa', 'Đã số hóa', 'Số hóa hồ sơ', 'Số hóa thành phần hồ sơ', 'Hồ sơ số hóa'],
  electronicResult: [
    'Kết quả điện tử',
    'Trả kết quả điện tử',
    'Cấp kết quả điện tử',
    'Có kết quả điện tử',
    'Số hóa kết quả',
  ],
};

/** A caller's mapping: field → 0-based column index, or null to leave a detected field out. */
export const ColumnMapping = z.partialRecord(
  z.enum(REGISTER_FIELDS),
  z.number().int().min(0).max(1000).nullable(),
);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** One row as understood, for the preview (dates ISO UTC). */
export const UnderstoodRow = z.object({
  row: z.number(),
  code: z.string(),
  codeGenerated: z.boolean(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  channel: z.enum(['direct', 'online', 'postal']),
  receivedAt: z.string(),
  appointmentAt: z.string(),
  appointmentComputed: z.boolean(),
  status: z.string(),
  endedAt: z.string().nullable(),
  endKind: z.string().nullable(),
  late: z.boolean(),
  supplementRequests: z.number(),
});
export type UnderstoodRow = z.infer<typeof UnderstoodRow>;

export const RegisterCounts = z.object({
  /** Data rows read (blank and column-numbering rows excluded). */
  rows: z.number(),
  valid: z.number(),
  /** Rows with at least one error. */
  invalid: z.number(),
  /** Rows with no dossier in them (blank, "(1) (2) (3)…" numbering, footers), skipped. */
  skipped: z.number(),
  generatedCodes: z.number(),
  computedAppointments: z.number(),
  open: z.number(),
  ended: z.number(),
  late: z.number(),
});
export type RegisterCounts = z.infer<typeof RegisterCounts>;

/** The fields a column can be mapped to, with their Vietnamese names, for the mapping screen. */
export const RegisterFieldInfo = z.object({
  key: z.enum(REGISTER_FIELDS),
  label: z.string(),
  required: z.boolean(),
});
export const REGISTER_FIELD_INFO: z.infer<typeof RegisterFieldInfo>[] = REGISTER_FIELDS.map((key) => ({
  key,
  label: REGISTER_FIELD_LABELS[key],
  // A procedure code or a procedure name is needed too (either will do).
  required: key === 'applicantName' || key === 'receivedAt',
}));

export const RegisterPreview = z.object({
  fileKind: z.enum(['xlsx', 'csv']),
  fields: z.array(RegisterFieldInfo),
  headerRow: z.number(),
  columns: z.array(
    z.object({ index: z.number(), header: z.string(), field: z.enum(REGISTER_FIELDS).nullable() }),
  ),
  mapping: z.partialRecord(z.enum(REGISTER_FIELDS), z.number()),
  counts: RegisterCounts,
  sample: z.array(UnderstoodRow),
  errors: z.array(RowErrorOut),
});
export type RegisterPreview = z.infer<typeof RegisterPreview>;

export const CommitResult = z.object({
  imported: z.number(),
  counts: RegisterCounts,
  importId: z.string().nullable(),
});

export const ImportProgress = z.object({
  id: z.string(),
  state: z.enum(['reading', 'saving', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  message: z.string().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** A client-chosen id for following a commit's progress. */
/**
 * A commit's progress id, chosen by the client: a secret of at least 128 bits (the progress route
 * answers without a session, so the id is what entitles the reader — it shows counts only).
 */
export const ImportId = z.string().regex(/^[A-Za-z0-9_-]{24,64}$/, 'Mã theo dõi tiến độ không hợp lệ');
