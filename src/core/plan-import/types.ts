// The structured result of reading a CCHC plan (Kế hoạch cải cách hành chính năm N).

/**
 * A measurable threshold found in a target's text.
 * - `percent`: "từ 98% trở lên" → `>=` 98. "đạt 100%" and a bare "100% …" also read as `>=`: a
 *   rate target is met when the measured rate reaches the figure, and for 100% `>=` and `=` are the
 *   same thing, so every percentage is checked the same way. `<=` comes from "không quá", "tối
 *   đa", "dưới", "… trở xuống"; `=` only from an explicit "bằng X%" / "đúng X%".
 * - `not_lower_than_year`: "bằng hoặc cao hơn so với năm 2022" → this year's figure ≥ that year's.
 * - `text`: the target states several different figures ("tối thiểu 40% … tối thiểu 20%"), so no
 *   single number represents it; the whole text is kept for a person to read.
 */
export type Threshold =
  | { kind: 'percent'; op: '>=' | '=' | '<='; value: number }
  | { kind: 'not_lower_than_year'; year: number }
  | { kind: 'text'; text: string };

/** A co-operating body or a deliverable; `optional` when marked "(nếu có)". */
export interface OptionalName {
  name: string;
  optional: boolean;
}

export interface PlanTarget {
  /** "3.1" — trailing dots removed. */
  code: string;
  /** "3" for "3.1"; null for a top-level target. */
  parentCode: string | null;
  /** The target's text; bullet sub-paragraphs follow on new lines as "- …". */
  text: string;
  threshold: Threshold | null;
  /**
   * Section II: the target has numbered children. Phụ lục 2: the row has neither a lead nor
   * co-operators (a heading row such as "Về giải quyết hồ sơ thủ tục hành chính").
   */
  isGroup: boolean;
  /** Phụ lục 2 only ("Cơ quan chủ trì, theo dõi, tổng hợp"); null in section II. */
  lead: string | null;
  leadOptional: boolean;
  /** Phụ lục 2 only; empty in section II. */
  cooperators: OptionalName[];
  /** Phụ lục 2 only: see `PlanTask.sourceRow`; null in section II. */
  sourceRow: number | null;
}

export interface PlanTask {
  /** "1.4" — trailing dots removed. */
  code: string;
  /** The area (lĩnh vực) the task belongs to: the first part of its code. */
  areaCode: string;
  title: string;
  deliverables: OptionalName[];
  lead: string | null;
  leadOptional: boolean;
  cooperators: OptionalName[];
  /** The deadline as written (whitespace normalised); never turned into a date here. */
  deadlineText: string;
  optional: boolean;
  /** "Ghi chú" column, when the table has one. */
  note: string | null;
  /**
   * 1-based position of the task's first physical row among all rows of the tables of its
   * appendix, header rows included, in document order.
   */
  sourceRow: number;
}

export interface ImportWarning {
  /** Stable code: see `WarningCode`. */
  code: WarningCode;
  /** For the user, in Vietnamese. */
  message: string;
  /** Where in the document, in Vietnamese: "Phụ lục 1, dòng 4.1", "Mục III, 7.8". */
  where: string;
}

export type WarningCode =
  | 'unknown_column'
  | 'unrecognised_table'
  | 'missing_lead'
  | 'missing_deadline'
  | 'duplicate_code'
  | 'code_gap'
  | 'code_out_of_order'
  | 'code_outside_area'
  | 'invalid_code'
  | 'orphan_continuation'
  | 'empty_group'
  | 'missing_parent'
  | 'area_only_in_appendix'
  | 'number_conflict'
  | 'missing_number'
  | 'missing_date';

export interface PlanArea {
  /** "1" … "8". */
  code: string;
  title: string;
}

export interface FocusItem {
  code: string;
  areaCode: string;
  /** The item's text; following paragraphs and bullets are appended on new lines. */
  text: string;
}

export interface ParsedPlan {
  /** "71/KH-MNTT". */
  number: string | null;
  /** 'YYYY-MM-DD'. */
  issuedOn: string | null;
  /** "Kế hoạch thực hiện công tác cải cách hành chính năm 2023". */
  title: string | null;
  year: number | null;
  /** "Trường Mầm non Tuổi Thơ". */
  unitName: string | null;
  /** "Ủy ban nhân dân Quận 8". */
  superiorName: string | null;
  /** From the "Quận 8, ngày 17 tháng 3 năm 2023" line, when the document has one. */
  place: string | null;
  /** The "Thực hiện …" / "Căn cứ …" paragraphs before section I. */
  legalBases: string[];
  /** Section I (Mục tiêu / Mục đích, yêu cầu), one entry per paragraph, numbering removed. */
  objectives: string[];
  /** The areas of work (lĩnh vực): section III headings, then any only found in Phụ lục 1. */
  areas: PlanArea[];
  /** Section II (Chỉ tiêu). */
  targets: PlanTarget[];
  /** Section III (Nhiệm vụ trọng tâm) numbered items. */
  focusItems: FocusItem[];
  /** Phụ lục 1. */
  tasks: PlanTask[];
  /** Phụ lục 2: group rows are parents of the rows numbered under them. */
  appendixTargets: PlanTarget[];
  /** The sentence that sets the periodic reports' due dates. */
  reportDueText: string | null;
  warnings: ImportWarning[];
}
