/**
 * Which register figure measures a plan target, read from the target's text. A target is bound
 * only when its text names the figure plainly and its threshold is a percentage; anything else
 * ("công khai tỷ lệ…", "100% hồ sơ trễ hạn phải xin lỗi") stays entered by hand.
 */
export const TARGET_METRICS = [
  'dossier_on_time',
  'dossier_online',
  'dossier_online_payment',
  'dossier_digitisation',
  'dossier_satisfaction',
  'feedback_answered_on_time',
  'feedback_published',
  'survey_satisfaction',
  'document_electronic',
  'document_signed',
  'document_official_channel',
  'document_incoming_on_time',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  dossier_on_time: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  dossier_online: 'Tỷ lệ hồ sơ trực tuyến',
  dossier_online_payment: 'Tỷ lệ thanh toán trực tuyến',
  dossier_digitisation: 'Tỷ lệ số hóa hồ sơ',
  dossier_satisfaction: 'Tỷ lệ hài lòng về giải quyết hồ sơ',
  feedback_answered_on_time: 'Tỷ lệ phản ánh, kiến nghị được xử lý, trả lời đúng hạn',
  feedback_published: 'Tỷ lệ phản ánh, kiến nghị được công khai kết quả trả lời',
  survey_satisfaction: 'Tỷ lệ hài lòng qua khảo sát',
  document_electronic: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử (trừ văn bản mật)',
  document_signed: 'Tỷ lệ văn bản đi được ký số',
  document_official_channel: 'Tỷ lệ văn bản gửi, nhận qua hệ thống quản lý văn bản, thư điện tử công vụ',
  document_incoming_on_time: 'Tỷ lệ văn bản đến được xử lý đúng hạn',
};

/** Whether a metric is measured from the document register (issue 13). */
export const isDocumentMetric = (
  m: TargetMetric,
): m is 'document_electronic' | 'document_signed' | 'document_official_channel' | 'document_incoming_on_time' =>
  m.startsWith('document_');

/** Whether a metric is measured from the PAKN register (the others from the dossier register). */
export const isFeedbackMetric = (m: TargetMetric): m is 'feedback_answered_on_time' | 'feedback_published' =>
  m.startsWith('feedback_');

/**
 * PAKN targets ("100% phản ánh, kiến nghị … được tiếp nhận, xử lý đúng thời hạn và công khai kết
 * quả"): one naming the time limit is measured by the on-time figure; one naming only publication
 * ("công khai kết quả xử lý PAKN", "… trả lời và công khai kết quả trả lời") by the published
 * figure. A target about a rule ("ban hành quy chế"), or about handling with neither, stays by hand.
 */
function feedbackMetric(t: string): TargetMetric | null {
  if (!/phan anh,? kien nghi|pakn/.test(t)) return null;
  if (/ban hanh|quy che|hai long/.test(t)) return null;
  if (/dung (thoi )?han|trong thoi han/.test(t)) return 'feedback_answered_on_time';
  if (/cong khai/.test(t)) return 'feedback_published';
  if (/tra loi/.test(t)) return 'feedback_answered_on_time';
  return null;
}

/**
 * Targets of group 10 of a plan (môi trường làm việc điện tử), measured from the document register:
 * 10.1 "100% văn bản … trao đổi … trên môi trường điện tử trừ văn bản mật" → the electronic share;
 * 10.2 "… áp dụng chữ ký số …" → the signed share; 10.4 "… sử dụng hệ thống thư điện tử công vụ …"
 * → the official-channel share; "văn bản đến được xử lý đúng hạn" → incoming on time.
 */
function documentMetric(t: string): TargetMetric | null {
  if (/chu ky so|\bky so\b/.test(t)) return 'document_signed';
  if (/thu dien tu cong vu|e-?mail cong vu|thu cong vu/.test(t)) return 'document_official_channel';
  if (!/van ban/.test(t)) return null;
  if (/van ban den/.test(t) && /(dung|trong) (thoi )?han/.test(t)) return 'document_incoming_on_time';
  if (/moi truong (lam viec )?dien tu|(duoi )?dang dien tu|van ban dien tu|ban dien tu/.test(t))
    return 'document_electronic';
  return null;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export function metricForTarget(text: string, thresholdKind: string | null): TargetMetric | null {
  if (thresholdKind !== 'percent') return null;
  const t = fold(text);
  const feedback = feedbackMetric(t);
  if (feedback) return feedback;
  // Publishing a figure, apologising for late dossiers, or a unit-wide count is not the figure itself.
  if (/cong khai|xin loi|tre han|kiem tra/.test(t)) return null;
  const document = documentMetric(t);
  if (document) return document;
  if (/ho so/.test(t) && /dung han/.test(t)) return 'dossier_on_time';
  if (/thanh toan (dien tu|truc tuyen)/.test(t)) return 'dossier_online_payment';
  if (/so hoa/.test(t) && /ho so/.test(t)) return 'dossier_digitisation';
  if (/hai long/.test(t) && /(thu tuc hanh chinh|ho so|tthc)/.test(t)) return 'dossier_satisfaction';
  if (/(ho so|dich vu cong) truc tuyen/.test(t)) return 'dossier_online';
  // A general satisfaction ("mức độ hài lòng của người dân, cha mẹ học sinh…") is what the unit's
  // surveys measure; one about procedures or dossiers stays with the dossier ratings above.
  if (/(muc do|ty le) hai long|su hai long/.test(t)) return 'survey_satisfaction';
  return null;
}
