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
} from '../../../src/modules/tasks/schema.js';
import type { UnitKind } from '../../../src/modules/units/kinds.js';
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
}
