/**
 * The digital office (issue 13): the document register's directions, forms, channels and books,
 * internal regulations' kinds and review outcomes, with their labels; and the limits of the
 * register, regulation and exchange forms, as the server's schemas enforce them.
 */

export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = {
  outgoing: 'Văn bản đi',
  incoming: 'Văn bản đến',
};

export const FORMS = ['electronic', 'paper'] as const;
export type DocumentForm = (typeof FORMS)[number];
export const FORM_LABELS: Record<DocumentForm, string> = { electronic: 'Điện tử', paper: 'Giấy' };

/** How a document went out or came in. */
export const CHANNELS = ['eoffice', 'email', 'postal', 'hand'] as const;
export type DocumentChannel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<DocumentChannel, string> = {
  eoffice: 'Hệ thống quản lý văn bản (liên thông)',
  email: 'Thư điện tử công vụ',
  postal: 'Bưu chính',
  hand: 'Chuyển tay',
};

/**
 * Numbering books: outgoing and incoming documents are numbered separately, and confidential
 * documents in books of their own (Decree 30 Phụ lục IV: văn bản mật được đăng ký riêng, check).
 * Each book restarts at 1 on 1 January.
 */
export const BOOKS = ['di', 'di-mat', 'den', 'den-mat'] as const;
export type Book = (typeof BOOKS)[number];
export const BOOK_LABELS: Record<Book, string> = {
  di: 'Sổ văn bản đi',
  'di-mat': 'Sổ văn bản mật đi',
  den: 'Sổ văn bản đến',
  'den-mat': 'Sổ văn bản mật đến',
};

/** Lengths of the register's text fields (characters). */
export const DOCUMENT_LIMITS = {
  summary: 2000,
  issuer: 60,
  recipients: 2000,
  numberText: 120,
  sender: 500,
  handlingUnit: 300,
  signer: 300,
  cancelReason: 2000,
  search: 200,
} as const;

export const REGULATION_KINDS = [
  'chi_tieu_noi_bo',
  'dan_chu_co_so',
  'tai_san_cong',
  'lam_viec',
  'van_thu_luu_tru',
  'thi_dua_khen_thuong',
  'other',
] as const;
export type RegulationKind = (typeof REGULATION_KINDS)[number];
export const REGULATION_KIND_LABELS: Record<RegulationKind, string> = {
  chi_tieu_noi_bo: 'Quy chế chi tiêu nội bộ',
  dan_chu_co_so: 'Quy chế thực hiện dân chủ ở cơ sở',
  tai_san_cong: 'Quy chế quản lý, sử dụng tài sản công',
  lam_viec: 'Quy chế làm việc',
  van_thu_luu_tru: 'Quy chế công tác văn thư, lưu trữ',
  thi_dua_khen_thuong: 'Quy chế thi đua, khen thưởng',
  other: 'Quy chế, quy định khác',
};

export const REVIEW_OUTCOMES = ['kept', 'amended', 'replaced'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  kept: 'Giữ nguyên',
  amended: 'Sửa đổi, bổ sung',
  replaced: 'Thay thế bằng quy chế mới',
};

/** Lengths of the regulation forms' fields (characters), and the longest review cycle (months). */
export const REGULATION_LIMITS = {
  title: 500,
  adoptionNumber: 120,
  note: 5000,
  repealReason: 2000,
  reviewMonths: 120,
} as const;

/** Lengths of the exchange's connect form (characters). */
export const EXCHANGE_LIMITS = {
  superiorUrl: 500,
  token: 300,
} as const;
