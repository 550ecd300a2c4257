/**
 * Which figures go in a periodic report, from the unit's data inside the period's cut-off window
 * (domain.md §4): tasks due and done per area (from task occurrences), each target's result,
 * dossier, satisfaction and feedback figures. Pure: the caller reads the rows and the register
 * figures; this file decides what they mean. The result (`ReportContent`) is plain JSON: it is the
 * frozen snapshot a submitted report keeps.
 */
import type { DossierFigures, FeedbackCounts, Figure, TargetThreshold } from '../metrics/index.js';
import { feedbackRates, satisfactionRate, targetState } from '../metrics/index.js';
import type { DocumentFigures } from '../documents/figures.js';
import type { TargetMetric } from '../metrics/index.js';
import type { CalendarDate } from '../calendar/index.js';
import { formatViDate } from '../calendar/index.js';
import type { ReportingPeriodCode } from '../schedule/reporting-periods.js';

export interface ReportWindow {
  /** The cut-off window: figures from this day… */
  from: CalendarDate;
  /** …to this day, both included. */
  to: CalendarDate;
  /** The day the figures are taken (today): an open occurrence due before it is overdue. */
  asOf: CalendarDate;
}

export interface AreaInput {
  code: string;
  title: string;
}

export interface TaskInput {
  id: number;
  areaCode: string;
  code: string;
  title: string;
  deliverables: string[];
  lead: string | null;
  deadlineText: string;
  /** 'not_started' | 'in_progress' | 'done' | 'not_applicable' */
  status: string;
  progressNote: string | null;
}

export interface OccurrenceInput {
  taskId: number;
  due: CalendarDate | null;
  /** 'pending' | 'done' | 'not_applicable' */
  status: string;
  completedOn: CalendarDate | null;
}

export interface TargetInput {
  code: string;
  text: string;
  lead: string | null;
  isGroup: boolean;
  threshold: TargetThreshold | null;
  metric: TargetMetric | null;
  achievedValue: number | null;
  achievedText: string | null;
  assessedState: string | null;
}

/** What one occurrence due in the window came to. */
export type OccurrenceOutcome = 'done' | 'done_late' | 'overdue' | 'not_yet_due' | 'not_applicable';

/**
 * null when the occurrence is not due inside the window (no due date, or due outside it).
 * done: marked done (late when completed after its due day); overdue: still open and its due day
 * is before `asOf`; not yet due: still open, due on or after `asOf`.
 */
export function occurrenceOutcome(o: OccurrenceInput, w: ReportWindow): OccurrenceOutcome | null {
  if (o.due === null || o.due < w.from || o.due > w.to) return null;
  if (o.status === 'not_applicable') return 'not_applicable';
  if (o.status === 'done') return o.completedOn !== null && o.completedOn > o.due ? 'done_late' : 'done';
  return o.due < w.asOf ? 'overdue' : 'not_yet_due';
}

export interface AreaFigures {
  /** Tasks of the area in the plan (not removed). */
  tasks: number;
  /** Occurrences (dated deliverables) due inside the window. */
  due: number;
  /** Of those, done (on time or late). */
  done: number;
  /** Of the done ones, completed after their due day. */
  doneLate: number;
  /** Open and past their due day. */
  overdue: number;
  /** Open and not yet due. */
  notYetDue: number;
  /** Marked "không thực hiện". */
  notApplicable: number;
}

export const TASK_STATUS_LABELS: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  not_applicable: 'Không thực hiện',
};

/** One row of Phụ lục 1 (task progress). */
export interface TaskResult {
  areaCode: string;
  code: string;
  title: string;
  deliverables: string;
  lead: string;
  deadlineText: string;
  /** Due days inside the window, "dd/mm/yyyy; dd/mm/yyyy", or "" when none. */
  dueInWindow: string;
  result: string;
  note: string;
}

export type TargetBasis = 'measured' | 'entered' | 'none';

/** One row of Phụ lục 2 (target results). */
export interface TargetResult {
  code: string;
  text: string;
  lead: string;
  isGroup: boolean;
  /** "≥ 98%", or the threshold as written. */
  threshold: string;
  basis: TargetBasis;
  /** The measured or entered percentage, or null. */
  value: number | null;
  /** What the report prints as the result. */
  valueText: string;
  /** 'met' | 'at_risk' | 'not_met' | 'unknown'. */
  state: string;
  stateLabel: string;
}

export interface DossierBlock {
  received: number;
  online: number;
  direct: number;
  postal: number;
  handled: number;
  finishedOnTime: number;
  finishedLate: number;
  inProgressOnTime: number;
  inProgressLate: number;
  onTimeRate: number | null;
  onlineShare: number | null;
  onlinePaymentShare: number | null;
  digitisation: number | null;
}

export interface SatisfactionBlock {
  verySatisfied: number;
  satisfied: number;
  notSatisfied: number;
  rate: number | null;
}

export interface FeedbackBlock {
  received: number;
  answered: number;
  answeredOnTime: number;
  published: number;
  answeredOnTimeRate: number | null;
  publishedRate: number | null;
}

export interface ReportArea {
  code: string;
  title: string;
  figures: AreaFigures;
  narrative: string;
}

export interface ReportContent {
  version: 1;
  unit: { id: number; code: string; name: string; superiorName: string | null };
  period: {
    key: string;
    code: ReportingPeriodCode;
    year: number;
    label: string;
    cutoffFrom: CalendarDate;
    cutoffTo: CalendarDate;
    dueDate: CalendarDate;
  };
  plan: { id: number; number: string | null; title: string; issuedOn: string | null };
  document: {
    /** "12/BC-THHB", or null: the line keeps blanks to be filled in by hand. */
    number: string | null;
    date: CalendarDate;
    place: string;
    signerTitle: string;
    signerName: string | null;
    recipients: string[];
  };
  /** The day the figures were taken. */
  asOf: CalendarDate;
  areas: ReportArea[];
  tasks: TaskResult[];
  targets: TargetResult[];
  /** null: no figures (no provider, or the window has not started): "chưa có số liệu". */
  dossiers: DossierBlock | null;
  satisfaction: SatisfactionBlock | null;
  feedback: FeedbackBlock | null;
  /**
   * The document register (issue 13): e-documents, digital signatures, official channels, incoming
   * handled on time; null: "chưa có số liệu". Absent in snapshots frozen before the register existed.
   */
  documents?: DocumentBlock | null;
  /** Đánh giá chung, phương hướng (free text). */
  general: string;
}

export interface DocumentBlock {
  outgoing: number;
  incoming: number;
  /** Of those, confidential (excluded from the shares). */
  confidential: number;
  electronic: number | null;
  electronicOutgoing: number | null;
  electronicIncoming: number | null;
  signed: number | null;
  officialChannel: number | null;
  incomingWithDeadline: number;
  incomingOnTime: number | null;
}

export const NO_DATA = 'chưa có số liệu';

/** The registers a report measures its bound targets with, over its window (null: no figures). */
export interface MeasuredSources {
  dossiers: DossierFigures | null;
  feedback: FeedbackCounts | null;
  /** The unit's survey satisfaction rate (surveys module). */
  survey?: Figure | null;
  /** The unit's document register figures (documents module). */
  documents?: DocumentFigures | null;
}

/** A bound target's measured value (a percentage), or null when its register gave no figures. */
export function measuredValue(metric: TargetMetric, m: MeasuredSources | null): number | null {
  const d = m?.dossiers ?? null;
  const f = m?.feedback ? feedbackRates(m.feedback) : null;
  switch (metric) {
    case 'dossier_on_time':
      return d ? d.onTimeRate.value : null;
    case 'dossier_online':
      return d ? d.onlineShare.value : null;
    case 'dossier_online_payment':
      return d ? d.onlinePaymentShare.value : null;
    case 'dossier_digitisation':
      return d ? d.digitisation.value : null;
    case 'dossier_satisfaction':
      return d ? d.satisfaction.value : null;
    case 'feedback_answered_on_time':
      return f ? f.answeredOnTime.value : null;
    case 'feedback_published':
      return f ? f.published.value : null;
    case 'survey_satisfaction':
      return m?.survey ? m.survey.value : null;
    case 'document_electronic':
      return m?.documents ? m.documents.electronic.value : null;
    case 'document_signed':
      return m?.documents ? m.documents.signed.value : null;
    case 'document_official_channel':
      return m?.documents ? m.documents.officialChannel.value : null;
    case 'document_incoming_on_time':
      return m?.documents ? m.documents.incomingOnTime.value : null;
  }
}

/** 93.33 → "93,33%", 100 → "100%"; null → "chưa có số liệu". */
export function formatPercent(value: number | null): string {
  if (value === null) return NO_DATA;
  return `${String(value).replace('.', ',')}%`;
}

export function thresholdText(t: TargetThreshold | null): string {
  if (!t) return '';
  switch (t.kind) {
    case 'percent':
      return `${t.op === '>=' ? '≥' : t.op === '<=' ? '≤' : '='} ${formatPercent(t.value)}`;
    case 'not_lower_than_year':
      return `Không thấp hơn năm ${t.year}`;
    case 'text':
      return t.text;
  }
}

const TARGET_STATE_LABELS: Record<string, string> = {
  met: 'Đạt',
  at_risk: 'Chưa đạt (gần đạt)',
  not_met: 'Chưa đạt',
  unknown: 'Chưa đánh giá',
};

export function areaFigures(
  tasks: readonly TaskInput[],
  occurrences: readonly OccurrenceInput[],
  w: ReportWindow,
): AreaFigures {
  const ids = new Set(tasks.map((t) => t.id));
  const f: AreaFigures = {
    tasks: tasks.length,
    due: 0,
    done: 0,
    doneLate: 0,
    overdue: 0,
    notYetDue: 0,
    notApplicable: 0,
  };
  for (const o of occurrences) {
    if (!ids.has(o.taskId)) continue;
    const outcome = occurrenceOutcome(o, w);
    if (outcome === null) continue;
    f.due++;
    if (outcome === 'done' || outcome === 'done_late') f.done++;
    if (outcome === 'done_late') f.doneLate++;
    if (outcome === 'overdue') f.overdue++;
    if (outcome === 'not_yet_due') f.notYetDue++;
    if (outcome === 'not_applicable') f.notApplicable++;
  }
  return f;
}

/** Phụ lục 1 row: the task, its due days in the window, and what it came to. */
export function taskResult(
  t: TaskInput,
  occurrences: readonly OccurrenceInput[],
  w: ReportWindow,
): TaskResult {
  const own = occurrences.filter((o) => o.taskId === t.id);
  const inWindow = own
    .map((o) => ({ o, outcome: occurrenceOutcome(o, w) }))
    .filter((x) => x.outcome !== null);
  let result: string;
  if (inWindow.some((x) => x.outcome === 'overdue')) result = 'Quá hạn';
  else if (
    inWindow.length > 0 &&
    inWindow.every((x) => x.outcome === 'done' || x.outcome === 'done_late' || x.outcome === 'not_applicable')
  ) {
    if (inWindow.every((x) => x.outcome === 'not_applicable')) result = 'Không thực hiện';
    else result = inWindow.some((x) => x.outcome === 'done_late') ? 'Hoàn thành (trễ hạn)' : 'Hoàn thành';
  } else if (inWindow.length > 0) result = 'Chưa đến hạn';
  else result = TASK_STATUS_LABELS[t.status] ?? t.status;
  return {
    areaCode: t.areaCode,
    code: t.code,
    title: t.title,
    deliverables: t.deliverables.join('; '),
    lead: t.lead ?? '',
    deadlineText: t.deadlineText,
    dueInWindow: inWindow.map((x) => formatViDate(x.o.due!)).join('; '),
    result,
    note: t.progressNote ?? '',
  };
}

/**
 * A target's result: bound to a register figure → the figure measured over the window (when
 * there are figures); otherwise the value the unit entered. Groups only carry their title.
 */
export function targetResult(t: TargetInput, measured: MeasuredSources | null): TargetResult {
  const base = {
    code: t.code,
    text: t.text,
    lead: t.lead ?? '',
    isGroup: t.isGroup,
    threshold: thresholdText(t.threshold),
  };
  if (t.isGroup)
    return { ...base, basis: 'none', value: null, valueText: '', state: 'unknown', stateLabel: '' };
  if (t.metric) {
    const value = measuredValue(t.metric, measured);
    const state = targetState(value, t.threshold);
    return {
      ...base,
      basis: 'measured',
      value,
      valueText: formatPercent(value),
      state,
      stateLabel: TARGET_STATE_LABELS[state]!,
    };
  }
  const value = t.achievedValue;
  const valueText = value !== null ? formatPercent(value) : t.achievedText?.trim() || NO_DATA;
  const state =
    t.threshold?.kind === 'percent'
      ? targetState(value, t.threshold)
      : t.assessedState === 'met' || t.assessedState === 'not_met'
        ? t.assessedState
        : 'unknown';
  return {
    ...base,
    basis: value !== null || t.achievedText ? 'entered' : 'none',
    value,
    valueText,
    state,
    stateLabel: TARGET_STATE_LABELS[state]!,
  };
}

export function dossierBlock(f: DossierFigures): DossierBlock {
  return {
    received: f.received.total,
    online: f.received.online,
    direct: f.received.direct,
    postal: f.received.postal,
    handled: f.handled,
    finishedOnTime: f.finished.early + f.finished.onTime,
    finishedLate: f.finished.late,
    inProgressOnTime: f.inProgress.onTime,
    inProgressLate: f.inProgress.late,
    onTimeRate: f.onTimeRate.value,
    onlineShare: f.onlineShare.value,
    onlinePaymentShare: f.onlinePaymentShare.value,
    digitisation: f.digitisation.value,
  };
}

export function satisfactionBlock(f: DossierFigures): SatisfactionBlock {
  return { ...f.ratings, rate: satisfactionRate(f.ratings).value };
}

export function feedbackBlock(c: FeedbackCounts): FeedbackBlock {
  const rates = feedbackRates(c);
  return {
    received: c.received,
    answered: c.answered,
    answeredOnTime: c.answeredOnTime,
    published: c.published,
    answeredOnTimeRate: rates.answeredOnTime.value,
    publishedRate: rates.published.value,
  };
}

export function documentBlock(f: DocumentFigures): DocumentBlock {
  const c = f.counts;
  return {
    outgoing: c.outgoing,
    incoming: c.incoming,
    confidential: c.outgoingConfidential + c.incomingConfidential,
    electronic: f.electronic.value,
    electronicOutgoing: f.electronicOutgoing.value,
    electronicIncoming: f.electronicIncoming.value,
    signed: f.signed.value,
    officialChannel: f.officialChannel.value,
    incomingWithDeadline: c.withDeadline,
    incomingOnTime: f.incomingOnTime.value,
  };
}

/** "Nhiệm vụ đến hạn trong kỳ: 3; đã hoàn thành: 2 (trong đó trễ hạn: 1); …" — one line per area. */
export function areaSummary(f: AreaFigures): string {
  return (
    `Tổng số nhiệm vụ: ${f.tasks}. Nhiệm vụ đến hạn trong kỳ: ${f.due}; đã hoàn thành: ${f.done} ` +
    `(trong đó trễ hạn: ${f.doneLate}); quá hạn chưa hoàn thành: ${f.overdue}; chưa đến hạn: ${f.notYetDue}; ` +
    `không thực hiện: ${f.notApplicable}.`
  );
}

export interface FigureRow {
  label: string;
  value: string;
}

const n = (v: number) => String(v);

/** The dossier figures as labelled rows (the report's table and the .xlsx sheet). */
export function dossierRows(d: DossierBlock | null): FigureRow[] {
  const rows: [string, (b: DossierBlock) => string][] = [
    ['Số hồ sơ tiếp nhận trong kỳ', (b) => n(b.received)],
    ['Trong đó: trực tuyến', (b) => n(b.online)],
    ['Trong đó: trực tiếp', (b) => n(b.direct)],
    ['Trong đó: qua bưu chính', (b) => n(b.postal)],
    ['Số hồ sơ xử lý trong kỳ', (b) => n(b.handled)],
    ['Đã giải quyết đúng hạn, trước hạn', (b) => n(b.finishedOnTime)],
    ['Đã giải quyết quá hạn', (b) => n(b.finishedLate)],
    ['Đang giải quyết trong hạn', (b) => n(b.inProgressOnTime)],
    ['Đang giải quyết quá hạn', (b) => n(b.inProgressLate)],
    ['Tỷ lệ hồ sơ giải quyết đúng hạn', (b) => formatPercent(b.onTimeRate)],
    ['Tỷ lệ hồ sơ trực tuyến', (b) => formatPercent(b.onlineShare)],
    ['Tỷ lệ thanh toán trực tuyến', (b) => formatPercent(b.onlinePaymentShare)],
    ['Tỷ lệ số hóa hồ sơ', (b) => formatPercent(b.digitisation)],
  ];
  return rows.map(([label, f]) => ({ label, value: d ? f(d) : NO_DATA }));
}

export function satisfactionRows(s: SatisfactionBlock | null): FigureRow[] {
  const rows: [string, (b: SatisfactionBlock) => string][] = [
    ['Số đánh giá "rất hài lòng"', (b) => n(b.verySatisfied)],
    ['Số đánh giá "hài lòng"', (b) => n(b.satisfied)],
    ['Số đánh giá "không hài lòng"', (b) => n(b.notSatisfied)],
    ['Tỷ lệ hài lòng', (b) => formatPercent(b.rate)],
  ];
  return rows.map(([label, f]) => ({ label, value: s ? f(s) : NO_DATA }));
}

export function feedbackRows(fb: FeedbackBlock | null): FigureRow[] {
  const rows: [string, (b: FeedbackBlock) => string][] = [
    ['Số phản ánh, kiến nghị tiếp nhận trong kỳ', (b) => n(b.received)],
    ['Số đã trả lời', (b) => n(b.answered)],
    ['Số trả lời đúng hạn', (b) => n(b.answeredOnTime)],
    ['Số đã công khai kết quả', (b) => n(b.published)],
    ['Tỷ lệ xử lý đúng hạn', (b) => formatPercent(b.answeredOnTimeRate)],
    ['Tỷ lệ công khai kết quả', (b) => formatPercent(b.publishedRate)],
  ];
  return rows.map(([label, f]) => ({ label, value: fb ? f(fb) : NO_DATA }));
}

/** The document register's figures as labelled rows (issue 13). */
export function documentRows(d: DocumentBlock | null | undefined): FigureRow[] {
  const rows: [string, (b: DocumentBlock) => string][] = [
    ['Số văn bản đi trong kỳ', (b) => n(b.outgoing)],
    ['Số văn bản đến trong kỳ', (b) => n(b.incoming)],
    ['Trong đó: văn bản mật (không tính vào các tỷ lệ)', (b) => n(b.confidential)],
    ['Tỷ lệ văn bản trao đổi dưới dạng điện tử', (b) => formatPercent(b.electronic)],
    ['Tỷ lệ văn bản đi dạng điện tử', (b) => formatPercent(b.electronicOutgoing)],
    ['Tỷ lệ văn bản đến dạng điện tử', (b) => formatPercent(b.electronicIncoming)],
    ['Tỷ lệ văn bản đi được ký số', (b) => formatPercent(b.signed)],
    ['Tỷ lệ văn bản qua hệ thống quản lý văn bản, thư điện tử công vụ', (b) => formatPercent(b.officialChannel)],
    ['Số văn bản đến có hạn xử lý', (b) => n(b.incomingWithDeadline)],
    ['Tỷ lệ văn bản đến được xử lý đúng hạn', (b) => formatPercent(b.incomingOnTime)],
  ];
  return rows.map(([label, f]) => ({ label, value: d ? f(d) : NO_DATA }));
}
