/**
 * Results: the index of a past year entered by hand, a unit's index of a year, the ranking of a
 * superior's units with the change from last year, and the pieces the outputs are built from.
 */
import type { ColumnMap } from '../../core/par/index.js';
import { rank } from '../../core/par/index.js';
import { AppError } from '../../errors.js';
import { PAR_NOT_STARTED_LABEL, PAR_STATUS_LABELS } from '../../shared/par.js';
import type { ParStatus } from '../../shared/par.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { readBlob } from '../files/repository.js';
import { listUnitSubtree } from '../units/repository.js';
import type { ParContext } from './context.js';
import { audit, loadAssessment, readableUnit } from './context.js';
import { present } from './present.js';
import {
  findAssessmentOf,
  findSet,
  listAssessmentsUnder,
  listCriteria,
  listParEvidence,
  previousIndexes,
  upsertIndexEntry,
} from './repository.js';

/** The index of a year without an assessment in the system, entered once by the unit or its superior. */
export async function enterPreviousIndex(
  ctx: ParContext,
  actor: Actor,
  unitId: number,
  year: number,
  value: number,
  note: string | null,
) {
  const unit = await readableUnit(ctx, actor, unitId);
  if (!policy.selfAssessPar(actor, unit.id) && !policy.appraisePar(actor, unit.path, unit.id))
    throw new AppError('FORBIDDEN');
  if ((await findAssessmentOf(ctx.db, unit.id, year))?.status === 'final')
    throw new AppError('CONFLICT', `Năm ${year} đã có kết quả thẩm định trong hệ thống.`);
  await ctx.db.transaction().execute(async (tx) => {
    await upsertIndexEntry(tx, {
      unit_id: unit.id,
      year,
      index_value: value,
      note,
      created_by: actor.userId,
      created_at: ctx.nowIso(),
    });
    await audit(ctx, tx, actor, {
      unitId: unit.id,
      entity: 'par_index_entry',
      entityId: unit.id,
      action: 'enter',
      after: { year, value, note },
    });
  });
}

/** The final index of a unit for a year (the assessment's, else the entered one). */
export async function indexOf(ctx: ParContext, unitId: number, year: number): Promise<number | null> {
  return (await previousIndexes(ctx.db, [unitId], year)).get(unitId) ?? null;
}

/** Ranking of the units below `unitId` by their final (or, before it, self) index, with last year's change. */
export async function ranking(ctx: ParContext, actor: Actor, unitId: number, year: number) {
  const unit = await readableUnit(ctx, actor, unitId);
  const list = (await listAssessmentsUnder(ctx.db, unit.path, year)).filter((a) => a.unit_id !== unit.id);
  const below = (await listUnitSubtree(ctx.db, unit.path)).filter((u) => u.id !== unit.id);
  const prev = await previousIndexes(
    ctx.db,
    below.map((u) => u.id),
    year - 1,
  );
  const byUnit = new Map(list.map((a) => [a.unit_id, a]));
  const rows = rank(
    below.map((u) => ({
      unitId: u.id,
      index: byUnit.get(u.id)?.final_index ?? null,
      previous: prev.get(u.id) ?? null,
    })),
  );
  const names = new Map(below.map((u) => [u.id, u]));
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    rows: rows.map((r) => {
      const a = byUnit.get(r.unitId);
      return {
        unit: { id: r.unitId, code: names.get(r.unitId)!.code, name: names.get(r.unitId)!.name },
        assessmentId: a?.id ?? null,
        status: (a?.status as ParStatus | undefined) ?? null,
        statusLabel: a ? PAR_STATUS_LABELS[a.status as ParStatus] : PAR_NOT_STARTED_LABEL,
        selfIndex: a?.self_index ?? null,
        finalIndex: r.index,
        previous: r.previous,
        change: r.change,
        rank: r.rank,
      };
    }),
  };
}

/** The pieces the outputs (.xlsx, .docx, .zip) are built from. */
export async function exportData(ctx: ParContext, actor: Actor, id: number) {
  const a = await loadAssessment(ctx, actor, id);
  const view = await present(ctx, actor, a);
  const set = (await findSet(ctx.db, a.set_id))!;
  const original = set.file_blob_id !== null ? await readBlob(ctx.db, set.file_blob_id) : undefined;
  const criteria = await listCriteria(ctx.db, a.set_id);
  return {
    view,
    unit: { name: a.unit_name, superiorName: a.unit_superior_name },
    columns: JSON.parse(set.columns_json) as ColumnMap,
    rows: new Map(criteria.map((c) => [c.id, c.row_no])),
    original: original ?? null,
    evidence: await listParEvidence(ctx.db, a.id),
    readBlob: (blobId: number) => readBlob(ctx.db, blobId),
    today: ctx.today(),
  };
}
