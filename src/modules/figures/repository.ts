import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

/** Reports whose stored submission count differs from their submissions. */
export async function reportSubmissionDrift(db: Q, unitId?: number) {
  let q = db
    .selectFrom('report')
    .leftJoin('report_submission', 'report_submission.report_id', 'report.id')
    .select([
      'report.id',
      'report.unit_id',
      'report.period_key',
      'report.submission_count',
      (eb) => eb.fn.count('report_submission.id').as('n'),
    ])
    .groupBy(['report.id', 'report.unit_id', 'report.period_key', 'report.submission_count']);
  if (unitId !== undefined) q = q.where('report.unit_id', '=', unitId);
  return (await q.execute())
    .map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      period: r.period_key,
      stored: num(r.submission_count),
      expected: num(r.n),
    }))
    .filter((r) => r.stored !== r.expected);
}

export async function setReportSubmissionCount(db: Q, id: number, value: number): Promise<void> {
  await db.updateTable('report').set({ submission_count: value }).where('id', '=', id).execute();
}
