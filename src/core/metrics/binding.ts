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
  'survey_satisfaction',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  dossier_on_time: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  dossier_online: 'Tỷ lệ hồ sơ trực tuyến',
  dossier_online_payment: 'Tỷ lệ thanh toán trực tuyến',
  dossier_digitisation: 'Tỷ lệ số hóa hồ sơ',
  dossier_satisfaction: 'Tỷ lệ hài lòng về giải quyết hồ sơ',
  survey_satisfaction: 'Tỷ lệ hài lòng qua khảo sát',
};

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function metricForTarget(text: string, thresholdKind: string | null): TargetMetric | null {
  if (thresholdKind !== 'percent') return null;
  const t = fold(text);
  // Publishing a figure, apologising for late dossiers, or a unit-wide count is not the figure itself.
  if (/cong khai|xin loi|tre han|kiem tra/.test(t)) return null;
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
