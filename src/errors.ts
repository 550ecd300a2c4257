/**
 * The error catalogue: each error has a stable code, an HTTP status and a Vietnamese message.
 * Services throw `AppError`; the HTTP layer maps it; anything else becomes a 500 with a request id.
 */
export const ERRORS = {
  VALIDATION: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  UNAUTHENTICATED: { status: 401, message: 'Bạn cần đăng nhập để tiếp tục.' },
  BAD_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  LOGIN_RATE_LIMITED: {
    status: 429,
    message: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
  },
  RATE_LIMITED: { status: 429, message: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Bạn cần đổi mật khẩu do quản trị viên cấp trước khi tiếp tục.',
  },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  CROSS_SITE: {
    status: 403,
    message: 'Yêu cầu gửi từ một trang web khác nên bị từ chối. Hãy thao tác trực tiếp trên trang của hệ thống.',
  },
  DOCUMENT_BOMB: {
    status: 413,
    message:
      'Tệp nén bên trong tài liệu giải nén ra quá lớn so với kích thước tệp nên không được xử lý. Hãy lưu lại tài liệu bằng Word/Excel rồi gửi lại.',
  },
  DOCUMENT_TOO_COSTLY: {
    status: 422,
    message: 'Tài liệu quá phức tạp để đọc trong thời gian cho phép. Hãy chia nhỏ tài liệu rồi gửi lại.',
  },
  TOO_MANY_ROWS: { status: 413, message: 'Tệp có quá nhiều dòng dữ liệu cho một lần nhập.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy dữ liệu yêu cầu.' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã bị thay đổi hoặc đã tồn tại.' },
  DUPLICATE: {
    status: 409,
    message: 'Dữ liệu này vừa được ghi bởi một thao tác khác cùng lúc. Vui lòng tải lại trang và kiểm tra.',
  },
  CHANGED_MEANWHILE: {
    status: 409,
    message: 'Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại trang rồi thực hiện lại.',
  },
  BUSY: {
    status: 503,
    message: 'Hệ thống đang bận vì nhiều người cùng ghi dữ liệu. Vui lòng thử lại sau giây lát.',
  },
  WEAK_PASSWORD: { status: 400, message: 'Mật khẩu mới phải có ít nhất 8 ký tự.' },
  WRONG_PASSWORD: { status: 400, message: 'Mật khẩu hiện tại không đúng.' },
  SAME_PASSWORD: { status: 400, message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
  USERNAME_TAKEN: { status: 409, message: 'Tên đăng nhập đã được sử dụng.' },
  UNIT_CODE_TAKEN: { status: 409, message: 'Mã đơn vị đã được sử dụng.' },
  UNIT_CYCLE: { status: 400, message: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.' },
  FILE_EMPTY: { status: 400, message: 'Tệp rỗng: không có nội dung để nhập.' },
  FILE_TOO_LARGE: { status: 413, message: 'Tệp vượt quá dung lượng cho phép.' },
  FILE_TYPE: { status: 415, message: 'Loại tệp không được hỗ trợ.' },
  FILE_CORRUPT: { status: 400, message: 'Tệp bị hỏng hoặc không đọc được.' },
  FILE_ENCRYPTED: {
    status: 400,
    message: 'Tệp được đặt mật khẩu. Vui lòng gỡ mật khẩu trong Word rồi nhập lại.',
  },
  NOT_A_PLAN: {
    status: 422,
    message: 'Tài liệu không phải là kế hoạch CCHC: không tìm thấy bảng nhiệm vụ (Phụ lục 1) hay chỉ tiêu.',
  },
  PLAN_EXISTS: {
    status: 409,
    message: 'Đơn vị đã có kế hoạch năm này. Hãy chọn thay thế kế hoạch cũ hoặc lưu thành phiên bản mới.',
  },
  REPORT_PERIOD: {
    status: 400,
    message:
      'Kỳ báo cáo không hợp lệ: dùng NĂM-Q1 (quý I), NĂM-H1 (6 tháng), NĂM-Q3 (quý III) hoặc NĂM-Y (năm), ví dụ 2026-Q1.',
  },
  REPORT_NO_PLAN: {
    status: 409,
    message: 'Đơn vị chưa có kế hoạch CCHC của năm này: hãy nhập kế hoạch trước khi lập báo cáo.',
  },
  REPORT_SUBMITTED: {
    status: 409,
    message: 'Báo cáo đã gửi cấp trên: không sửa được nữa, trừ khi cấp trên trả lại để chỉnh sửa.',
  },
  REPORT_NOT_SUBMITTED: { status: 409, message: 'Báo cáo chưa được gửi nên không thể trả lại.' },
  FEEDBACK_RATE_LIMITED: {
    status: 429,
    message:
      'Bạn đã gửi quá nhiều phản ánh, kiến nghị trong thời gian ngắn. Vui lòng thử lại sau 10 phút hoặc liên hệ trực tiếp đơn vị.',
  },
  FEEDBACK_CHALLENGE: {
    status: 400,
    message: 'Câu trả lời phép tính kiểm tra chưa đúng hoặc đã hết hạn. Vui lòng làm lại phép tính mới.',
  },
  FEEDBACK_REJECTED: { status: 400, message: 'Không gửi được phản ánh. Vui lòng tải lại trang và thử lại.' },
  FEEDBACK_FILE_TYPE: {
    status: 415,
    message:
      'Tệp đính kèm phải là ảnh (JPG, PNG, GIF, WEBP) hoặc PDF; loại tệp được kiểm tra theo nội dung, không theo tên.',
  },
  SURVEY_CLOSED: { status: 409, message: 'Khảo sát chưa mở hoặc đã kết thúc: không nhận thêm câu trả lời.' },
  SURVEY_ANSWERED: { status: 409, message: 'Bạn đã trả lời khảo sát này rồi. Cảm ơn bạn!' },
  SURVEY_LOCKED: { status: 409, message: 'Khảo sát đã có câu trả lời: không sửa được câu hỏi nữa.' },
  SURVEY_TOKEN: {
    status: 403,
    message: 'Khảo sát này cần mã mời: vui lòng dùng đúng đường dẫn (mã QR) được gửi cho bạn.',
  },
  DOCUMENT_CANCELLED: {
    status: 409,
    message: 'Văn bản đã bị hủy trong sổ: không sửa hay đính kèm được nữa (số văn bản được giữ nguyên).',
  },
  DOCUMENT_NUMBER_TAKEN: {
    status: 409,
    message: 'Số văn bản này đã có trong sổ của năm: mỗi số chỉ dùng một lần.',
  },
  CERTIFICATE_INVALID: {
    status: 400,
    message: 'Tệp không phải chứng thư số X.509 (.cer, .crt, .der hoặc .pem).',
  },
  EXCHANGE_TOKEN: {
    status: 401,
    message: 'Mã kết nối liên thông không đúng, đã bị thu hồi hoặc đã được dùng cho máy chủ khác.',
  },
  EXCHANGE_SIGNATURE: {
    status: 401,
    message:
      'Gói báo cáo không đúng chữ ký số của đơn vị gửi (có thể đã bị sửa trên đường truyền): đã từ chối.',
  },
  EXCHANGE_PACKAGE: {
    status: 422,
    message: 'Gói báo cáo không đúng định dạng liên thông (cchc.report, phiên bản 1): đã từ chối.',
  },
  EXCHANGE_NOT_CONNECTED: {
    status: 409,
    message: 'Đơn vị chưa kết nối với hệ thống của cấp trên: hãy nhập địa chỉ và mã kết nối do cấp trên cấp.',
  },
  EXCHANGE_UNREACHABLE: {
    status: 502,
    message: 'Không kết nối được với hệ thống của cấp trên. Vui lòng kiểm tra địa chỉ và thử lại.',
  },
  EXCHANGE_RECEIVED_REPORT: {
    status: 409,
    message:
      'Báo cáo này được gửi liên thông từ hệ thống riêng của đơn vị: việc trả lại để chỉnh sửa thực hiện trên hệ thống của đơn vị.',
  },
  INTERNAL: { status: 500, message: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
