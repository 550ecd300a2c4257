/**
 * API shapes, taken (as types only: nothing from the server is bundled) from the server's zod
 * schemas, so that a change on one side breaks the type check on the other.
 */
import type { z } from 'zod';
import type { MeResult as MeSchema } from '../../../src/modules/auth/schema.js';
import type { Role } from '../../../src/modules/auth/roles.js';
import type {
  FeedOut as FeedSchema,
  MonthOut as MonthSchema,
  ScheduleVersionOut as ScheduleVersionSchema,
  SettingsOut as SettingsSchema,
  YearOut as YearSchema,
} from '../../../src/modules/calendar/schema.js';
import type { UnitCalendarSettings as UnitCalendarSettingsType } from '../../../src/modules/calendar/settings.js';
import type { Dashboard as DashboardSchema } from '../../../src/modules/dashboard/schema.js';
import type {
  SuperiorDashboard as SuperiorDashboardSchema,
  UnitDashboard as UnitDashboardSchema,
} from '../../../src/modules/dashboard/schema.js';
import type {
  Due as DueType,
  Frequency as FrequencyType,
  Schedule as ScheduleType,
} from '../../../src/core/schedule/types.js';
import type {
  CommitBody as CommitSchema,
  PlanDetail as PlanDetailSchema,
  PlanDraft as PlanDraftSchema,
  PlanListItem as PlanListItemSchema,
  PlanSummary as PlanSummarySchema,
  PreviewResult as PreviewSchema,
  TargetOut as TargetSchema,
  OccurrenceOut as OccurrenceSchema,
  TaskOut as TaskSchema,
  TaskStatus as TaskStatusType,
} from '../../../src/modules/plans/schema.js';
import type {
  EvidenceOut as EvidenceSchema,
  HistoryOut as HistorySchema,
  MyTaskOut as MyTaskSchema,
  TaskDetail as TaskDetailSchema,
} from '../../../src/modules/plan-tracking/schema.js';
import type { UnitKind } from '../../../src/modules/units/kinds.js';
import type {
  DossierDetail as DossierDetailSchema,
  DossierListItem as DossierListItemSchema,
  DossierPage as DossierPageSchema,
  FlagsBody as FlagsSchema,
  ProcedureBody as ProcedureBodySchema,
  ProcedureOut as ProcedureSchema,
  PublicDossier as PublicDossierSchema,
  RatingBody as RatingSchema,
  ReceiveBody as ReceiveSchema,
  StepBody as StepSchema,
} from '../../../src/modules/dossiers/schema.js';
import type {
  CommitResult as CommitResultSchema,
  ImportProgress as ImportProgressSchema,
  ProcedureImportReport as ProcedureImportSchema,
  RegisterPreview as RegisterPreviewSchema,
} from '../../../src/modules/dossier-import/schema.js';
import type { DossierFigures as DossierFiguresType } from '../../../src/core/metrics/figures.js';
import type { Figure as FigureType } from '../../../src/core/metrics/types.js';
import type {
  DossierStatus as DossierStatusType,
  Timeliness as DossierTimelinessType,
} from '../../../src/core/dossier/types.js';
import type { UnitOut as UnitSchema } from '../../../src/modules/units/schema.js';
import type { UserOut as UserSchema } from '../../../src/modules/users/schema.js';

export type { Role, UnitKind };
export type Me = MeSchema;
export type Unit = UnitSchema;
export type User = UserSchema;
export type PlanListItem = PlanListItemSchema;
export type PlanDetail = PlanDetailSchema;
export type PlanDraft = PlanDraftSchema;
export type PlanSummary = PlanSummarySchema;
export type PreviewResult = PreviewSchema;
export type CommitBody = CommitSchema;
export type CommitMode = CommitSchema['mode'];
export type Task = TaskSchema;
export type Target = TargetSchema;
export type TaskStatus = TaskStatusType;
export type Threshold = NonNullable<Target['threshold']>;
export type Named = Task['deliverables'][number];
export type DraftTask = PlanDraft['tasks'][number];
export type DraftTarget = PlanDraft['targets'][number];
export type Evidence = EvidenceSchema;
export type HistoryEntry = z.infer<typeof HistorySchema>;
export type TaskDetail = z.infer<typeof TaskDetailSchema>;
export type MyTask = z.infer<typeof MyTaskSchema>;
export type Dashboard = DashboardSchema;
export type StatusCounts = Dashboard['totals'];

/** A dated occurrence of a task ("kỳ thực hiện"): one report, one due date, one status. */
export type Occurrence = OccurrenceSchema;
export type OccurrenceStatus = Occurrence['status'];
export type OccurrenceState = Occurrence['state'];
export type Timeliness = NonNullable<Occurrence['timeliness']>;
export type TaskFlag = NonNullable<Task['flag']>;
export interface OccurrencePatch {
  status?: OccurrenceStatus;
  completedOn?: string | null;
  note?: string | null;
}

/** How a deadline cell is read (core/schedule): the JSON the preview sends and the commit takes. */
export type Schedule = ScheduleType;
export type ScheduleKind = Schedule['kind'];
export type ScheduleDue = DueType;
export type Frequency = FrequencyType;
export type DraftReading = NonNullable<DraftTask['reading']>;

export type CalendarMonth = z.infer<typeof MonthSchema>;
export type CalendarDay = CalendarMonth['days'][number];
export type CalendarDue = CalendarMonth['dues'][number];
export type DeadlineItem = CalendarDue & { state: 'overdue' | 'due_soon' | 'upcoming' };
export interface Deadlines {
  today: string;
  items: DeadlineItem[];
}
export type CalendarYear = z.infer<typeof YearSchema>;
export type Holiday = CalendarYear['holidays'][number];
export type HolidayKind = Holiday['kind'];
export type ScheduleEntry = CalendarYear['workingDays'][number];
export type ScheduleVersion = z.infer<typeof ScheduleVersionSchema>;
export interface YearScheduleInput {
  daysOff: ScheduleEntry[];
  workingDays: ScheduleEntry[];
  source: string | null;
}
export type UnitCalendarSettings = UnitCalendarSettingsType;
export type CalendarSettings = z.infer<typeof SettingsSchema>;
export type CalendarFeed = z.infer<typeof FeedSchema>;

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number;
}
export interface UnitPatch {
  code?: string;
  name?: string;
  kind?: UnitKind;
}
export interface UserInput {
  unitId: number;
  username: string;
  fullName: string;
  email?: string | null;
  roles: Role[];
  password: string;
}
export interface UserPatch {
  fullName?: string;
  email?: string | null;
  roles?: Role[];
  active?: boolean;
  password?: string;
}
export interface TaskPatch {
  status?: TaskStatus;
  progressNote?: string | null;
  completedOn?: string | null;
  assigneeIds?: number[];
}
export interface TargetPatch {
  achievedValue?: number | null;
  achievedText?: string | null;
  achievedNote?: string | null;
  /** The register figure measuring the target; null to enter it by hand. */
  metric?: TargetMetric | null;
}

/** A plan target's state: amber "at_risk" within the margin below a percentage threshold. */
export type TargetState = Target['state'] | 'at_risk' | 'met' | 'not_met' | 'unknown';
/** The register figure a target is measured by (null: entered by hand). */
export type TargetMetric =
  | NonNullable<Target['metric']>
  | 'dossier_on_time'
  | 'dossier_online'
  | 'dossier_online_payment'
  | 'dossier_digitisation'
  | 'dossier_satisfaction'
  | 'survey_satisfaction'
  // The document register (issue 13): targets 10.1, 10.2, 10.4 and incoming documents on time.
  | 'document_electronic'
  | 'document_signed'
  | 'document_official_channel'
  | 'document_incoming_on_time';
export type TargetMeasured = NonNullable<Target['measured']>;

// ── Hồ sơ thủ tục hành chính ──────────────────────────────────────────────────────────────────

export type Procedure = z.infer<typeof ProcedureSchema>;
export type ProcedureInput = z.input<typeof ProcedureBodySchema> & { unitId: number };
export type TimeLimitUnit = Procedure['limitUnit'];
export type OnlineLevel = Procedure['onlineLevel'];
export type ResultType = Procedure['resultType'];
export type DossierListItem = z.infer<typeof DossierListItemSchema>;
export type DossierPage = z.infer<typeof DossierPageSchema>;
export type DossierDetail = z.infer<typeof DossierDetailSchema>;
export type DossierEventOut = DossierDetail['events'][number];
export type Handover = DossierDetail['handovers'][number];
export type DossierStatus = DossierStatusType;
export type DossierTimeliness = DossierTimelinessType;
export type DossierChannel = DossierListItem['channel'];
export type ReceiveInput = z.input<typeof ReceiveSchema>;
export type DocumentKind = NonNullable<ReceiveInput['documents'][number]['kind']>;
export type StepInput = z.input<typeof StepSchema>;
export type StepKind = StepInput['kind'];
export type ReturnMethod = Extract<StepInput, { kind: 'returned' }>['method'];
export type StepResult = DossierDetail & { ratingUrl?: string | null };
export type FlagsPatch = z.input<typeof FlagsSchema>;
export type DueSoonItem = DossierListItem & { late: boolean; atRisk: boolean; apologyRequired: boolean };
export type Figure = FigureType;
/** The period's figures; `period` is in epoch milliseconds, `definitions` the formulas. */
export type DossierFigures = DossierFiguresType & { definitions?: Record<string, string> };
export interface AccessLogEntry {
  at: string;
  user: string | null;
  kind: string;
  dossierId: number | null;
  detail: string | null;
}
export type PublicDossier = z.infer<typeof PublicDossierSchema>;
export interface RatingTarget {
  code: string;
  unitName: string;
  procedureName: string;
  rated: boolean;
}
export type RatingInput = z.input<typeof RatingSchema>;
export type Rating = RatingInput['rating'];

/**
 * Import reports (procedures, register). The pages read them through lib/importReport.ts, which
 * tolerates small differences in shape (the routes were built alongside the pages).
 */
export type ProcedureImportReport = ProcedureImportSchema;
export type RegisterPreviewOut = RegisterPreviewSchema;
export type RegisterCommitResult = z.infer<typeof CommitResultSchema>;
export type RegisterImportProgress = ImportProgressSchema;
/** A register import's column mapping: field → 0-based column, null to leave a field out. */
export type RegisterMapping = Record<string, number | null>;
export interface RowError {
  row?: number | null;
  field?: string | null;
  column?: string | null;
  message: string;
}

// Unit and superior dashboards (issue 6 item 4).
export type UnitDashboard = UnitDashboardSchema;
export type SuperiorDashboard = SuperiorDashboardSchema;
