import type { Insertable } from 'kysely';
import type {
  ReportRow,
  ReportSubmissionRow,
  ReportSubmissionTable,
  ReportTable,
  UnitRow,
} from '../../db/tables.js';
import type { Q } from '../../db/types.js';

export async function findReport(db: Q, unitId: number, periodKey: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('report')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('period_key', '=', periodKey)
    .executeTakeFirst();
}

export async function insertReport(db: Q, values: Insertable<ReportTable>): Promise<ReportRow> {
  return db.insertInto('report').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A report row with nothing drafted yet (created by a first submission, or one received). */
export function blankReport(
  unitId: number,
  period: { key: string; year: number },
  at: string,
  userId: number | null,
): Insertable<ReportTable> {
  return {
    unit_id: unitId,
    period_key: period.key,
    year: period.year,
    status: 'draft',
    number: null,
    signer_title: null,
    signer_name: null,
    narratives_json: JSON.stringify({ areas: {}, general: '' }),
    submission_count: 0,
    created_by: userId,
    created_at: at,
    updated_by: userId,
    updated_at: at,
  };
}

/**
 * The unit's report of a period under a row lock, created first (as a blank draft) when it does
 * not exist: two first saves at once then both find the row instead of one failing on the unique
 * (unit, period) index (ADR 008). `created` says whether this call made it.
 */
export async function lockOrCreateReport(
  db: Q,
  values: Insertable<ReportTable>,
): Promise<{ report: ReportRow; created: boolean }> {
  const inserted = await db
    .insertInto('report')
    .values(values)
    .onConflict((oc) => oc.columns(['unit_id', 'period_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  const report = await db
    .selectFrom('report')
    .selectAll()
    .where('unit_id', '=', values.unit_id)
    .where('period_key', '=', values.period_key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { report, created: inserted !== undefined };
}

export async function lockReport(db: Q, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('report').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateReport(
  db: Q,
  id: number,
  patch: Partial<Insertable<ReportTable>>,
): Promise<void> {
  await db.updateTable('report').set(patch).where('id', '=', id).execute();
}

/** The reports of some units for the given years (the schedule and the superior's overview). */
export async function listReportsOf(db: Q, unitIds: number[], years: number[]): Promise<ReportRow[]> {
  if (unitIds.length === 0 || years.length === 0) return [];
  return db
    .selectFrom('report')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('year', 'in', years)
    .execute();
}

export async function listSubmissions(
  db: Q,
  reportId: number,
): Promise<(ReportSubmissionRow & { submitted_by_name: string | null; returned_by_name: string | null })[]> {
  return db
    .selectFrom('report_submission')
    .leftJoin('app_user as s', 's.id', 'report_submission.submitted_by')
    .leftJoin('app_user as r', 'r.id', 'report_submission.returned_by')
    .selectAll('report_submission')
    .select(['s.full_name as submitted_by_name', 'r.full_name as returned_by_name'])
    .where('report_id', '=', reportId)
    .orderBy('seq')
    .execute();
}

/** The last submission of each report given (the late flag shown on lists). */
export async function lastSubmissions(db: Q, reportIds: number[]): Promise<Map<number, ReportSubmissionRow>> {
  const out = new Map<number, ReportSubmissionRow>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .selectFrom('report_submission')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('seq')
    .execute();
  for (const r of rows) out.set(r.report_id, r);
  return out;
}

export async function insertSubmission(
  db: Q,
  values: Insertable<ReportSubmissionTable>,
): Promise<ReportSubmissionRow> {
  return db.insertInto('report_submission').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function markSubmissionReturned(
  db: Q,
  id: number,
  at: string,
  by: number | null,
  reason: string,
): Promise<void> {
  await db
    .updateTable('report_submission')
    .set({ returned_at: at, returned_by: by, return_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** Units of a subtree that have an active plan for one of the years, with that plan's settings. */
export async function activePlansInSubtree(
  db: Q,
  path: string,
  years: number[],
): Promise<
  {
    plan_id: number;
    unit_id: number;
    year: number;
    report_settings_json: string | null;
    unit_code: string;
    unit_name: string;
  }[]
> {
  if (years.length === 0) return [];
  return db
    .selectFrom('plan')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .select([
      'plan.id as plan_id',
      'plan.unit_id',
      'plan.year',
      'plan.report_settings_json',
      'unit.code as unit_code',
      'unit.name as unit_name',
    ])
    .where('plan.status', '=', 'active')
    .where('plan.year', 'in', years)
    .where('unit.path', 'like', `${path}%`)
    .where('unit.archived_at', 'is', null)
    .orderBy('unit.path')
    .execute();
}

export async function listChildUnits(db: Q, parentPath: string, excludeId: number): Promise<UnitRow[]> {
  return db
    .selectFrom('unit')
    .selectAll()
    .where('path', 'like', `${parentPath}%`)
    .where('id', '!=', excludeId)
    .where('archived_at', 'is', null)
    .orderBy('path')
    .execute();
}
