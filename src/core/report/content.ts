/**
 * What a periodic report is made of (domain.md §4): the inputs read from the unit's plan, the
 * results per task, target and area, the register blocks, and `ReportContent` — plain JSON, the
 * frozen snapshot a submitted report keeps.
 */
import type { DossierFigures, FeedbackCounts, Figure, TargetThreshold } from '../metrics/index.js';
import type { DocumentFigures } from '../documents/figures.js';
import type { TargetMetric } from '../metrics/index.js';
import type { CalendarDate } from '../calendar/index.js';
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

/** The registers a report measures its bound targets with, over its window (null: no figures). */
export interface MeasuredSources {
  dossiers: DossierFigures | null;
  feedback: FeedbackCounts | null;
  /** The unit's survey satisfaction rate (surveys module). */
  survey?: Figure | null;
  /** The unit's document register figures (documents module). */
  documents?: DocumentFigures | null;
}
