import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types shared by SQLite and PostgreSQL. Moments are ISO-8601 UTC strings, dates are
 * 'YYYY-MM-DD', flags are 0/1 integers and structured values are JSON text, so that one query
 * layer reads the same shapes on both databases (docs/adr/002-one-schema-two-databases.md).
 */
export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  /** Materialised path of ids, '/1/4/9/': a subtree is a prefix match. */
  path: string;
  superior_name: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface UserTable {
  id: Generated<number>;
  unit_id: number;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  /** JSON array of Role. */
  roles: string;
  active: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not give live sessions. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
}

export interface PlanTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  version: number;
  /** 'active' | 'superseded' */
  status: string;
  number: string | null;
  title: string;
  issued_on: string | null;
  superior_name: string | null;
  unit_name: string | null;
  /** JSON: legal bases, objectives, focus items, report due text — the document as understood. */
  document_json: string;
  source_filename: string | null;
  source_kind: string;
  source_sha256: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** JSON ReportingSettings: report due dates read from the plan, when it states them. */
  report_settings_json: string | null;
}

export interface PlanAreaTable {
  id: Generated<number>;
  plan_id: number;
  code: string;
  title: string;
  position: number;
}

export interface TaskTable {
  id: Generated<number>;
  plan_id: number;
  area_id: number;
  code: string;
  title: string;
  /** JSON array of { name, optional }. */
  deliverables_json: string;
  lead: string | null;
  lead_optional: number;
  /** JSON array of { name, optional }. */
  cooperators_json: string;
  deadline_text: string;
  optional: number;
  note: string | null;
  /** 'not_started' | 'in_progress' | 'done' | 'not_applicable' */
  status: string;
  progress_note: string | null;
  completed_on: string | null;
  position: number;
  /** Set when a replacing import dropped the task: kept, never deleted. */
  removed_at: string | null;
  created_at: string;
  updated_at: string;
  /** JSON Schedule read from the deadline text (core/schedule), or as corrected by the user. */
  schedule_json: string | null;
  schedule_corrected: number;
}

export interface TaskAssigneeTable {
  task_id: number;
  user_id: number;
}

export interface TargetTable {
  id: Generated<number>;
  plan_id: number;
  /** 'section' (section II of the plan) | 'appendix' (Phụ lục 2) */
  source: string;
  parent_id: number | null;
  code: string;
  text: string;
  /** JSON Threshold or null. */
  threshold_json: string | null;
  lead: string | null;
  cooperators_json: string;
  is_group: number;
  achieved_value: number | null;
  achieved_text: string | null;
  achieved_note: string | null;
  /** 'met' | 'not_met' set by hand where the threshold is not a single figure ("≥ năm 2022"). */
  assessed_state: string | null;
  /** A register figure that measures this target ('dossier_on_time', …), or null (entered by hand). */
  metric: string | null;
  position: number;
  removed_at: string | null;
  updated_at: string;
}

export interface FileBlobTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  data: Uint8Array;
}

export interface EvidenceTable {
  id: Generated<number>;
  unit_id: number;
  task_id: number | null;
  target_id: number | null;
  /** Index into the task's deliverables, or null for the task as a whole. */
  deliverable_index: number | null;
  file_id: number;
  filename: string;
  content_type: string;
  size: number;
  note: string | null;
  uploaded_by: number;
  uploaded_at: string;
  /** Evidence is an official record: it is withdrawn, never deleted. */
  withdrawn_at: string | null;
  withdrawn_by: number | null;
  occurrence_id: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  unit_id: number | null;
  user_id: number | null;
  entity: string;
  entity_id: number | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  at: string;
  request_id: string | null;
}

export interface CalendarScheduleTable {
  id: Generated<number>;
  year: number;
  version: number;
  /** 'active' | 'superseded': every edit is a new version. */
  status: string;
  /** JSON ScheduleEntry[]. */
  days_off_json: string;
  working_days_json: string;
  source: string | null;
  created_by: number | null;
  created_at: string;
}

export interface UnitCalendarTable {
  unit_id: number;
  /** JSON UnitCalendarSettings; a unit without a row inherits its parent's. */
  settings_json: string;
  updated_by: number | null;
  updated_at: string;
}

export interface TaskOccurrenceTable {
  id: Generated<number>;
  task_id: number;
  /** Stable across re-imports: "2023-Q2", "kehoach:2023-01-31", "event:2023-05-02". */
  key: string;
  due_date: string | null;
  label: string;
  deliverable: string | null;
  period_key: string | null;
  /** 'pending' | 'done' | 'not_applicable' */
  status: string;
  completed_on: string | null;
  note: string | null;
  position: number;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}

export interface CalendarFeedTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ProcedureTable {
  id: Generated<number>;
  unit_id: number;
  code: string;
  name: string;
  field: string | null;
  /** 'working_days' | 'working_hours' | 'calendar_days' */
  limit_unit: string;
  limit_amount: number;
  fee_text: string | null;
  fee_bearing: number;
  /** 'full' (toàn trình) | 'partial' (một phần) | 'none' */
  online_level: string;
  /** 'paper' | 'electronic' */
  result_type: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A dossier: its citizen, and a summary of its event history kept in step by the service. */
export interface DossierTable {
  id: Generated<number>;
  unit_id: number;
  procedure_id: number;
  code: string;
  channel: string;
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_address: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  request: string | null;
  /** JSON [{ name, copies, original }] — the documents received (Mẫu 01). */
  documents_json: string;
  register_book: string | null;
  register_no: number | null;
  received_at: string;
  original_appointment_at: string;
  appointment_at: string;
  /** Midnight (Vietnam time) starting the appointment's day, as UTC ISO: "early" is before it. */
  appointment_day_start: string;
  apology_appointment_at: string | null;
  status: string;
  ended_at: string | null;
  end_kind: string | null;
  late: number;
  late_since: string | null;
  awaiting_supplement_since: string | null;
  supplement_requests: number;
  fee_bearing: number;
  paid_online: number;
  digitised: number;
  electronic_result: number;
  signed_result: number;
  rating: string | null;
  rating_criteria_json: string | null;
  rating_comment: string | null;
  rated_at: string | null;
  rating_token_hash: string | null;
  complaint: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface DossierEventTable {
  id: Generated<number>;
  dossier_id: number;
  kind: string;
  at: string;
  /** JSON: the event's own fields (reason, reasons, from/to, method, newAppointment…). */
  data_json: string;
  actor_id: number | null;
  created_at: string;
}

/** Who saw or exported citizens' personal data, and when (Personal Data Protection Law). */
export interface PersonalDataAccessTable {
  id: Generated<number>;
  user_id: number;
  unit_id: number;
  dossier_id: number | null;
  /** 'view' | 'export' */
  kind: string;
  detail: string | null;
  at: string;
}

/** One message of the reminder sweep (or any mail): unique per recipient, kind and event. */
export interface OutboxTable {
  id: Generated<number>;
  dedupe_key: string;
  unit_id: number;
  user_id: number | null;
  kind: string;
  event_key: string;
  subject: string;
  body: string;
  link: string | null;
  in_app: number;
  email_to: string | null;
  /** 'pending' | 'sending' | 'sent' | 'failed' | 'not_configured' | 'no_address' | 'off' */
  email_status: string;
  attempts: number;
  lease_until: string | null;
  claim_token: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

/** The in-app copy of an outbox message, for its recipient's bell. */
export interface NotificationTable {
  id: Generated<number>;
  outbox_id: number;
  user_id: number;
  unit_id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

/** A user's choice for one kind of reminder (absent: the kind's default). */
export interface NotificationPreferenceTable {
  user_id: number;
  kind: string;
  email: number;
  in_app: number;
  updated_at: string;
}

/** A unit's periodic report for one period: the draft and where it stands. */
export interface ReportTable {
  id: Generated<number>;
  unit_id: number;
  /** '2026-Q1' | '2026-H1' | '2026-Q3' | '2026-Y' (core/report). */
  period_key: string;
  year: number;
  /** 'draft' | 'submitted' | 'returned' */
  status: string;
  number: string | null;
  signer_title: string | null;
  signer_name: string | null;
  /** JSON { areas: { [areaCode]: text }, general: text }. */
  narratives_json: string;
  submission_count: number;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}

/** One submission of a report: its frozen files and snapshot, and its return if any. */
export interface ReportSubmissionTable {
  id: Generated<number>;
  report_id: number;
  seq: number;
  submitted_at: string;
  submitted_by: number | null;
  due_date: string;
  late: number;
  docx_file_id: number;
  xlsx_file_id: number;
  /** JSON ReportContent (core/report) the files were generated from. */
  snapshot_json: string;
  returned_at: string | null;
  returned_by: number | null;
  return_reason: string | null;
}

/** A satisfaction survey of a unit (domain.md §9); never deleted (removed_at). */
export interface SurveyTable {
  id: Generated<number>;
  unit_id: number;
  /** Random public slug: /khao-sat/<slug>. */
  slug: string;
  title: string;
  description: string;
  /** The template it started from ('sipas', 'dossier_rating', 'blank'). */
  template: string | null;
  /** JSON array of core/survey `SurveyQuestion`. */
  questions_json: string;
  /** 1: anyone with the link, one answer per browser; 0: one answer per invitation token. */
  anonymous: number;
  published: number;
  opens_on: string | null;
  closes_on: string | null;
  removed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyInvitationTable {
  id: Generated<number>;
  survey_id: number;
  /** sha256 of the invitation token. */
  token_hash: string;
  created_at: string;
  used_at: string | null;
}

/** One answered form; the satisfaction counts are computed at answer time (core/survey). */
export interface SurveyResponseTable {
  id: Generated<number>;
  survey_id: number;
  unit_id: number;
  invitation_id: number | null;
  browser_id: string | null;
  answers_json: string;
  very_satisfied: number;
  satisfied: number;
  not_satisfied: number;
  submitted_at: string;
}

/** The unit's CCHC news column: plain text, never deleted (removed_at). */
export interface PostTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  body: string;
  published: number;
  published_at: string | null;
  removed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PostAttachmentTable {
  id: Generated<number>;
  post_id: number;
  file_id: number;
  filename: string;
  mime: string;
  size: number;
  removed_at: string | null;
  created_at: string;
}

/** Per-unit per-day counters of the dossier figures (ADR 006), kept in step by the dossier writers. */
export interface DossierDayCountTable {
  unit_id: number;
  /** Vietnam-time day 'YYYY-MM-DD'. */
  day: string;
  received: number;
  online: number;
  direct: number;
  postal: number;
  fee_bearing: number;
  paid_online: number;
  components_digitised: number;
  fully_digitised: number;
  early: number;
  on_time: number;
  late_finished: number;
  resolved: number;
  returned: number;
  refused: number;
  withdrawn: number;
  with_result: number;
  electronic: number;
  very_satisfied: number;
  satisfied: number;
  not_satisfied: number;
  complaints_finished: number;
  open_on_time: number;
  open_late: number;
  complaints_open: number;
}

/** The received and finished counters of `dossier_day_count` per month 'YYYY-MM' (ADR 006). */
export interface DossierMonthCountTable {
  unit_id: number;
  month: string;
  received: number;
  online: number;
  direct: number;
  postal: number;
  fee_bearing: number;
  paid_online: number;
  components_digitised: number;
  fully_digitised: number;
  early: number;
  on_time: number;
  late_finished: number;
  resolved: number;
  returned: number;
  refused: number;
  withdrawn: number;
  with_result: number;
  electronic: number;
  very_satisfied: number;
  satisfied: number;
  not_satisfied: number;
  complaints_finished: number;
}

export interface Database {
  outbox: OutboxTable;
  notification: NotificationTable;
  notification_preference: NotificationPreferenceTable;
  report: ReportTable;
  report_submission: ReportSubmissionTable;
  survey: SurveyTable;
  survey_invitation: SurveyInvitationTable;
  survey_response: SurveyResponseTable;
  post: PostTable;
  post_attachment: PostAttachmentTable;
  procedure: ProcedureTable;
  dossier: DossierTable;
  dossier_event: DossierEventTable;
  personal_data_access: PersonalDataAccessTable;
  calendar_schedule: CalendarScheduleTable;
  unit_calendar: UnitCalendarTable;
  task_occurrence: TaskOccurrenceTable;
  calendar_feed: CalendarFeedTable;
  unit: UnitTable;
  app_user: UserTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  plan: PlanTable;
  plan_area: PlanAreaTable;
  task: TaskTable;
  task_assignee: TaskAssigneeTable;
  target: TargetTable;
  file_blob: FileBlobTable;
  evidence: EvidenceTable;
  audit_log: AuditLogTable;
  feedback: FeedbackTable;
  feedback_event: FeedbackEventTable;
  feedback_attachment: FeedbackAttachmentTable;
  feedback_template: FeedbackTemplateTable;
  feedback_settings: FeedbackSettingsTable;
  dossier_day_count: DossierDayCountTable;
  dossier_month_count: DossierMonthCountTable;
  document: DocumentTable;
  document_counter: DocumentCounterTable;
  trusted_root: TrustedRootTable;
  regulation: RegulationTable;
  regulation_review: RegulationReviewTable;
  exchange_link: ExchangeLinkTable;
  exchange_outbox: ExchangeOutboxTable;
  exchange_connection: ExchangeConnectionTable;
  exchange_inbox: ExchangeInboxTable;
  number_counter: NumberCounterTable;
  rating_use: RatingUseTable;
  app_secret: AppSecretTable;
  used_challenge: UsedChallengeTable;
  rate_limit_hit: RateLimitHitTable;
  import_progress: ImportProgressTable;
  par_criteria_set: ParCriteriaSetTable;
  par_criterion: ParCriterionTable;
  par_assessment: ParAssessmentTable;
  par_score: ParScoreTable;
  par_evidence: ParEvidenceTable;
  par_index_entry: ParIndexEntryTable;
  par_inspection: ParInspectionTable;
  par_finding: ParFindingTable;
}

/** The last number issued in a scope (`dossier_code:UNIT:DAY`, `register_no:UNIT:BOOK`…), ADR 008. */
export interface NumberCounterTable {
  scope: string;
  value: number;
}

/** A rating link used once: the token's sha256, one row per dossier (the constraint of "rate once"). */
export interface RatingUseTable {
  token_hash: string;
  dossier_id: number;
  used_at: string;
}

/** Secrets every process shares when the configuration gives none (the single-process demo). */
export interface AppSecretTable {
  name: string;
  value: string;
  created_at: string;
}

/** PAKN challenges already answered (their nonce), until they would have expired anyway. */
export interface UsedChallengeTable {
  nonce: string;
  expires_at: string;
}

/** `@fastify/rate-limit` counters shared by every process (PostgreSQL). */
export interface RateLimitHitTable {
  key: string;
  hits: number;
  /** Epoch milliseconds at which the window ends. */
  window_ends_at: number | string;
}

/** Progress of a register import, readable by every process (keyed by the sha256 of its secret id). */
export interface ImportProgressTable {
  id_hash: string;
  user_id: number | null;
  unit_id: number;
  state: string;
  done: number;
  total: number;
  message: string | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanAreaRow = Selectable<PlanAreaTable>;
export type TaskRow = Selectable<TaskTable>;
export type TargetRow = Selectable<TargetTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type CalendarScheduleRow = Selectable<CalendarScheduleTable>;
export type TaskOccurrenceRow = Selectable<TaskOccurrenceTable>;
export type ProcedureRow = Selectable<ProcedureTable>;
export type DossierRow = Selectable<DossierTable>;
export type DossierEventRow = Selectable<DossierEventTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type ReportRow = Selectable<ReportTable>;
export type ReportSubmissionRow = Selectable<ReportSubmissionTable>;

/** A citizen's feedback or petition (PAKN, Decree 20/2008): sender, content, workflow columns. */
export interface FeedbackTable {
  id: Generated<number>;
  unit_id: number;
  /** `PA-<unit>-<YYMMDD>-<NNNN>` */
  code: string;
  /** core/feedback FEEDBACK_SOURCES */
  source: string;
  /** The code in the portal it came from (1022, national portal). */
  external_code: string | null;
  sender_name: string;
  sender_address: string;
  sender_phone: string;
  sender_email: string | null;
  sender_id_number: string | null;
  title: string;
  content: string;
  /** core/feedback FEEDBACK_STATUSES */
  status: string;
  category: string | null;
  classify_note: string | null;
  forwarded_to: string | null;
  assignee_id: number | null;
  /** The draft answer, official once approved by the head (sent to the citizen's tracking page). */
  answer_text: string | null;
  answered_by: number | null;
  answered_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  /** 0/1 once approved: approved by the answer deadline. */
  answered_on_time: number | null;
  /** The published version, edited by staff to remove personal data. */
  published_title: string | null;
  published_content: string | null;
  published_answer: string | null;
  published_at: string | null;
  publish_withdrawn_at: string | null;
  /** Published text folded (no diacritics, đ → d, lower case) for the public search. */
  search_text: string | null;
  received_at: string;
  classify_due_at: string;
  forward_due_at: string;
  answer_due_at: string;
  publish_due_at: string | null;
  /** The deadline of the step the item waits for; null when closed. */
  due_at: string | null;
  closed_at: string | null;
  /** sha256 of the sender's secret tracking link. */
  tracking_token_hash: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface FeedbackEventTable {
  id: Generated<number>;
  feedback_id: number;
  kind: string;
  at: string;
  data_json: string;
  /** 1 when the step was done after its deadline. */
  late: number;
  actor_id: number | null;
}

export interface FeedbackAttachmentTable {
  id: Generated<number>;
  feedback_id: number;
  blob_id: number;
  filename: string;
  mime: string;
  size: number;
  created_at: string;
}

export interface FeedbackTemplateTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  body: string;
  removed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A unit's own PAKN time limits (working days); absent → inherited, else the defaults. */
export interface FeedbackSettingsTable {
  unit_id: number;
  classify_days: number;
  forward_days: number;
  answer_days: number;
  publish_days: number;
  updated_at: string;
}

export type FeedbackRow = Selectable<FeedbackTable>;
export type FeedbackEventRow = Selectable<FeedbackEventTable>;
export type FeedbackTemplateRow = Selectable<FeedbackTemplateTable>;
export type SurveyRow = Selectable<SurveyTable>;
export type SurveyResponseRow = Selectable<SurveyResponseTable>;
export type PostRow = Selectable<PostTable>;
export type PostAttachmentRow = Selectable<PostAttachmentTable>;

// ---------------------------------------------------------------------------------------------
// The digital office (issue 13, migration 011)

/** One entry of a unit's document register (sổ văn bản đi / đến); never deleted, cancelled instead. */
export interface DocumentTable {
  id: Generated<number>;
  unit_id: number;
  /** 'outgoing' (văn bản đi) | 'incoming' (văn bản đến) */
  direction: string;
  /** The numbering book (core/documents BOOKS): 'di', 'di-mat', 'den', 'den-mat'. */
  book: string;
  /** The register year (numbers restart each 1 January). */
  year: number;
  /** Outgoing: the document's number; incoming: the arrival number (số đến). */
  number: number;
  /** Outgoing: "71/KH-MNTT"; incoming: the number and symbol printed by the sender. */
  number_text: string;
  /** Decree 30 type code (core/documents DOCUMENT_TYPES), 'CV' for công văn. */
  doc_type: string;
  /** The document's own date (ngày văn bản), 'YYYY-MM-DD'. */
  document_date: string;
  /** Incoming: the day it arrived (ngày đến). */
  received_on: string | null;
  summary: string;
  /** Incoming: the issuing body (nơi gửi). */
  sender: string | null;
  /** Outgoing: where it goes (nơi nhận). */
  recipients: string | null;
  /** Incoming: the unit or person handling it. */
  handling_unit: string | null;
  /** Incoming: the handling deadline. */
  due_date: string | null;
  /** Incoming: the day it was handled. */
  handled_on: string | null;
  /** 'electronic' | 'paper' */
  form: string;
  signed: number;
  signer: string | null;
  confidential: number;
  /** 'eoffice' | 'email' | 'postal' | 'hand' */
  channel: string;
  file_blob_id: number | null;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | null;
  /** core/pdf-signature documentVerdict of the attached PDF; null without a PDF. */
  sig_status: string | null;
  /** The verdict of each signature (JSON). */
  sig_json: string | null;
  sig_checked_at: string | null;
  /** 'manual' | 'import' */
  source: string;
  /** 'active' | 'cancelled' */
  status: string;
  cancel_reason: string | null;
  cancelled_at: string | null;
  cancelled_by: number | null;
  /** Number, summary, sender and recipients folded (no diacritics, lower case) for search. */
  search_text: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentCounterTable {
  unit_id: number;
  year: number;
  book: string;
  last_number: number;
}

export interface TrustedRootTable {
  id: Generated<number>;
  /** sha256 of the certificate's DER, hex. */
  fingerprint: string;
  subject: string;
  not_before: string;
  not_after: string;
  der: Uint8Array;
  added_by: number | null;
  added_at: string;
  removed_by: number | null;
  removed_at: string | null;
}

/** An internal regulation (quy chế nội bộ) with its review cycle. */
export interface RegulationTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  /** core/documents REGULATION_KINDS */
  kind: string;
  adoption_document_id: number | null;
  adoption_number: string | null;
  adopted_on: string | null;
  review_months: number;
  last_reviewed_on: string | null;
  next_review_on: string;
  /** 'in_force' | 'repealed' */
  status: string;
  repeal_reason: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface RegulationReviewTable {
  id: Generated<number>;
  regulation_id: number;
  reviewed_on: string;
  /** 'kept' | 'amended' | 'replaced' */
  outcome: string;
  note: string | null;
  document_id: number | null;
  next_review_on: string;
  created_by: number | null;
  created_at: string;
}

/** Unit side: the superior's server this unit sends its reports to (Ed25519 key of this server). */
export interface ExchangeLinkTable {
  id: Generated<number>;
  unit_id: number;
  superior_url: string;
  /** The connection's id on the superior's server. */
  connection_id: number;
  superior_name: string | null;
  remote_unit_code: string | null;
  remote_unit_name: string | null;
  /** PKCS#8 PEM of this server's Ed25519 signing key for the link. */
  private_key: string;
  /** SPKI PEM, as enrolled at the superior. */
  public_key: string;
  created_by: number | null;
  created_at: string;
  disconnected_at: string | null;
  disconnected_by: number | null;
}

/** Unit side: a signed report package and its delivery (retried with back-off until acknowledged). */
export interface ExchangeOutboxTable {
  id: Generated<number>;
  link_id: number;
  unit_id: number;
  report_id: number;
  submission_id: number;
  period_key: string;
  package_id: string;
  /** The package's exact bytes (file_blob). */
  blob_id: number;
  sha256: string;
  /** Ed25519 signature of the bytes, base64. */
  signature: string;
  /** 'pending' | 'delivered' | 'refused' */
  state: string;
  attempts: number;
  next_attempt_at: string | null;
  lease_until: string | null;
  lease_token: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  delivered_at: string | null;
  ack_json: string | null;
  created_at: string;
}

/** Superior side: a unit's connection, issued with a token; the unit's server enrols its key. */
export interface ExchangeConnectionTable {
  id: Generated<number>;
  unit_id: number;
  /** sha256 of the token's secret. */
  token_hash: string;
  /** SPKI PEM of the unit server's Ed25519 key; null until it enrols. */
  public_key: string | null;
  enrolled_at: string | null;
  remote_unit_code: string | null;
  remote_unit_name: string | null;
  remote_server: string | null;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by: number | null;
}

/** Superior side: a package received, stored byte for byte, and the report rows made from it. */
export interface ExchangeInboxTable {
  id: Generated<number>;
  connection_id: number;
  unit_id: number;
  package_id: string;
  period_key: string;
  sender_seq: number;
  blob_id: number;
  sha256: string;
  signature: string;
  report_id: number;
  submission_id: number;
  received_at: string;
}

export type DocumentRow = Selectable<DocumentTable>;
export type TrustedRootRow = Selectable<TrustedRootTable>;
export type RegulationRow = Selectable<RegulationTable>;
export type RegulationReviewRow = Selectable<RegulationReviewTable>;
export type ExchangeLinkRow = Selectable<ExchangeLinkTable>;
export type ExchangeOutboxRow = Selectable<ExchangeOutboxTable>;
export type ExchangeConnectionRow = Selectable<ExchangeConnectionTable>;
export type ExchangeInboxRow = Selectable<ExchangeInboxTable>;

/** A PAR Index criteria set (issue 18): imported from a province's sheet, versioned per year. */
export interface ParCriteriaSetTable {
  id: Generated<number>;
  /** The superior that set it for its units. */
  owner_unit_id: number;
  name: string;
  year: number;
  /** The kind of unit it applies to (`school`, `ward`…), null for every kind. */
  unit_kind: string | null;
  /** The decision it was transcribed from. */
  source: string | null;
  version: number;
  /** 'active' | 'superseded' */
  status: string;
  total_max: number;
  /** JSON ColumnMap of the sheet it came in (core/par). */
  columns_json: string;
  file_blob_id: number | null;
  file_name: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export type ParCriteriaSetRow = Selectable<ParCriteriaSetTable>;

export interface ParCriterionTable {
  id: Generated<number>;
  set_id: number;
  parent_id: number | null;
  code: string;
  title: string;
  depth: number;
  /** Reading order within the set. */
  position: number;
  max_points: number | null;
  guide: string | null;
  evidence: string | null;
  /** 'normal' | 'bonus' | 'minus' */
  sign: string;
  is_leaf: number;
  /** JSON ParRule. */
  rule_json: string;
  row_no: number;
}
export type ParCriterionRow = Selectable<ParCriterionTable>;

export interface ParAssessmentTable {
  id: Generated<number>;
  set_id: number;
  unit_id: number;
  year: number;
  /** 'draft' | 'submitted' | 'returned' | 'final' */
  status: string;
  survey_weight: number | null;
  survey_rate: number | null;
  self_index: number | null;
  final_index: number | null;
  submitted_at: string | null;
  returned_at: string | null;
  return_reason: string | null;
  finalized_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export type ParAssessmentRow = Selectable<ParAssessmentTable>;

export interface ParScoreTable {
  id: Generated<number>;
  assessment_id: number;
  criterion_id: number;
  self_score: number | null;
  not_applicable: number;
  note: string | null;
  /** The measured figure a bands rule scored (a percentage), with its formula. */
  figure: number | null;
  figure_text: string | null;
  appraised_score: number | null;
  appraisal_reason: string | null;
  explanation: string | null;
  updated_by: number | null;
  updated_at: string;
}
export type ParScoreRow = Selectable<ParScoreTable>;

export interface ParEvidenceTable {
  id: Generated<number>;
  score_id: number;
  /** 'file' | 'task_evidence' | 'report_submission' */
  kind: string;
  file_blob_id: number | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  /** The linked record (evidence id, report submission id). */
  ref_id: number | null;
  label: string;
  created_by: number;
  created_at: string;
  withdrawn_at: string | null;
}
export type ParEvidenceRow = Selectable<ParEvidenceTable>;

/** A year's index entered once when the system holds no assessment for it. */
export interface ParIndexEntryTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  index_value: number;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface ParInspectionTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  title: string;
  /** JSON string[]: the parts to check (defaults to the criteria set's fields). */
  scope_json: string;
  planned_on: string;
  inspectors: string;
  /** 'planned' | 'done' */
  status: string;
  done_on: string | null;
  conclusion: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export type ParInspectionRow = Selectable<ParInspectionTable>;

export interface ParFindingTable {
  id: Generated<number>;
  inspection_id: number;
  text: string;
  /** The corrective task on the plan. */
  task_id: number | null;
  created_by: number | null;
  created_at: string;
}
export type ParFindingRow = Selectable<ParFindingTable>;
