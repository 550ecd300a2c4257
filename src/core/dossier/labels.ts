/** Vietnamese labels of the dossier vocabulary (UI, Mẫu 01–06, reports). */
import type {
  DossierChannel,
  DossierEndKind,
  DossierEventKind,
  DossierStatus,
  ReturnMethod,
  TimeLimit,
  Timeliness,
} from './types.js';

export const DOSSIER_STATUS_LABELS: Readonly<Record<DossierStatus, string>> = Object.freeze({
  received: 'Mới tiếp nhận',
  awaiting_supplement: 'Chờ bổ sung',
  in_progress: 'Đang giải quyết',
  resolved: 'Đã giải quyết',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối giải quyết',
  withdrawn: 'Đã rút hồ sơ',
});

/** Decree 118/2025: trực tiếp, trực tuyến, qua dịch vụ bưu chính công ích. */
export const DOSSIER_CHANNEL_LABELS: Readonly<Record<DossierChannel, string>> = Object.freeze({
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
});

export const RETURN_METHOD_LABELS: Readonly<Record<ReturnMethod, string>> = Object.freeze({
  direct: 'Trực tiếp tại Bộ phận Một cửa',
  online: 'Trực tuyến (kết quả điện tử)',
  postal: 'Qua dịch vụ bưu chính công ích',
});

export const END_KIND_LABELS: Readonly<Record<DossierEndKind, string>> = Object.freeze({
  resolved: 'Đã giải quyết',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối giải quyết',
  withdrawn: 'Rút hồ sơ',
});

/** As printed on Mẫu 05 and in reports. */
export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = Object.freeze({
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
});

export const DOSSIER_EVENT_LABELS: Readonly<Record<DossierEventKind, string>> = Object.freeze({
  received: 'Tiếp nhận hồ sơ (Mẫu 01)',
  supplement_requested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)',
  supplement_received: 'Nhận hồ sơ bổ sung',
  refused: 'Từ chối giải quyết hồ sơ (Mẫu 03)',
  transferred: 'Chuyển xử lý (Mẫu 05)',
  resolved: 'Giải quyết xong',
  returned: 'Trả kết quả',
  withdrawn: 'Rút hồ sơ',
  apology_issued: 'Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)',
});

export const TIME_LIMIT_UNIT_LABELS: Readonly<Record<TimeLimit['unit'], string>> = Object.freeze({
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
});

/** "15 ngày làm việc", "4 giờ làm việc", "1,5 giờ làm việc" (Vietnamese decimal comma). */
export function formatTimeLimit(limit: TimeLimit): string {
  return `${String(limit.amount).replace('.', ',')} ${TIME_LIMIT_UNIT_LABELS[limit.unit]}`;
}
