/**
 * Criteria sets: read a sheet and preview it, import it as the new version of the year (all or
 * nothing), list and show sets, edit a criterion, and find the set that applies to a unit.
 */
import type { ColumnMap, ParNode, ParRule } from '../../core/par/index.js';
import { bandsFromGuide, flatten, parseCriteriaRows, treeTotals } from '../../core/par/index.js';
import { TARGET_METRICS, TARGET_METRIC_LABELS, metricForTarget } from '../../core/metrics/index.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { safeFilename } from '../../lib/file-type.js';
import { sha256 } from '../../lib/hash.js';
import type { ParSetStatus, ParSign } from '../../shared/par.js';
import { policy } from '../auth/policy.js';
import type { Actor, Caller } from '../auth/roles.js';
import { callerUserId } from '../auth/roles.js';
import { counterScope, raiseCounter, takeNumbers } from '../counters/repository.js';
import { DEFAULT_READ_LIMITS, readSheet } from '../dossier-import/file.js';
import { insertBlob } from '../files/repository.js';
import { listUnitSubtree } from '../units/repository.js';
import type { ParContext } from './context.js';
import { audit, chainOf, nfcOrNull, parseRule, readableSet, readableUnit } from './context.js';
import type { SetWithOwner } from './repository.js';
import type { PreviewNodeT } from './schema.js';
import {
  countAssessmentsOfSet,
  findCriterion,
  insertCriterion,
  insertSet,
  latestVersion,
  listCriteria,
  listSetsOwnedBy,
  supersedeSets,
  updateCriterion,
} from './repository.js';

/** The figures a bands rule may be bound to: the register figures the targets use. */
export const PAR_METRICS = TARGET_METRICS.map((m) => ({ value: m, label: TARGET_METRIC_LABELS[m] }));

export type PreviewNode = PreviewNodeT;
export interface CriteriaPreview {
  ok: boolean;
  issues: { row: number; code: string; message: string }[];
  totals: ReturnType<typeof treeTotals>;
  tree: PreviewNode[];
}
export type UploadedFile = { filename: string; bytes: Uint8Array };
export interface SetInput {
  name: string;
  year: number;
  unitKind: string | null;
  source: string | null;
}
export interface CriterionEdit {
  title?: string | undefined;
  guide?: string | null | undefined;
  evidence?: string | null | undefined;
  rule?: ParRule | undefined;
}

const previewNode = (n: ParNode): PreviewNode => ({
  code: n.code,
  title: n.title,
  depth: n.depth,
  max: n.maxPoints,
  sign: n.sign,
  row: n.row,
  guide: n.guide,
  evidence: n.evidence,
  children: n.children.map(previewNode),
});

/** What a criteria set shows of itself in lists and on its page. */
function setSummary(s: SetWithOwner) {
  return {
    id: s.id,
    name: s.name,
    year: s.year,
    version: s.version,
    status: s.status as ParSetStatus,
    unitKind: s.unit_kind,
    source: s.source,
    totalMax: s.total_max,
    owner: { id: s.owner_unit_id, name: s.owner_name },
  };
}

/**
 * A rule guessed from the guide when the sheet gives one plainly ("có: 1 điểm; không: 0 điểm"
 * → yes/no); the superior sets bands and steps in the app.
 */
function ruleFromGuide(title: string, guide: string | null): ParRule {
  const bands = bandsFromGuide(guide);
  const metric = bands ? metricForTarget(`${title} ${guide ?? ''}`, 'percent') : null;
  if (bands && metric) return { kind: 'bands', metric, bands };
  if (guide && /(^|[\s(;])có\s*:/iu.test(guide) && /không\s*:/iu.test(guide) && !/\d+\s*%/.test(guide))
    return { kind: 'yes_no' };
  return { kind: 'manual' };
}

export async function readCriteriaSheet(bytes: Uint8Array, filename: string) {
  const sheet = await readSheet(bytes, filename, { ...DEFAULT_READ_LIMITS, mergedOnce: true });
  return parseCriteriaRows(sheet.rows);
}

/** Reads a sheet and shows the tree, the totals and every inconsistency; saves nothing. */
export async function previewCriteria(file: UploadedFile): Promise<CriteriaPreview> {
  const parsed = await readCriteriaSheet(file.bytes, file.filename);
  return {
    ok: parsed.issues.length === 0 && parsed.fields.length > 0,
    issues: parsed.issues,
    totals: treeTotals(parsed.fields),
    tree: parsed.fields.map(previewNode),
  };
}

/** Imports a set, all or nothing: a set with any issue is refused with the rows named. */
export async function importCriteria(
  ctx: ParContext,
  actor: Actor,
  input: SetInput & { ownerUnitId: number },
  file: UploadedFile,
) {
  const owner = await readableUnit(ctx, actor, input.ownerUnitId);
  if (!policy.manageParCriteria(actor, owner.id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của đơn vị ban hành mới nhập được bộ tiêu chí.');
  const parsed = await readCriteriaSheet(file.bytes, file.filename);
  if (parsed.fields.length === 0 && parsed.issues.length === 0)
    parsed.issues.push({ row: 1, code: '', message: 'Bảng tính không có tiêu chí nào.' });
  if (parsed.issues.length)
    throw new AppError(
      'VALIDATION',
      `Bộ tiêu chí có ${parsed.issues.length} lỗi, chưa nhập gì: ${parsed.issues
        .slice(0, 5)
        .map((i) => `dòng ${i.row}${i.code ? ` (${i.code})` : ''}: ${i.message}`)
        .join('; ')}`,
      { issues: parsed.issues },
    );
  return saveSet(ctx, actor, owner.id, input, parsed.fields, parsed.columns, file);
}

/** The criteria of a saved set, in sheet order, each under its parent. */
async function insertCriteria(tx: Q, setId: number, fields: ParNode[]) {
  const ids: number[] = [];
  for (const [i, f] of flatten(fields).entries()) {
    const row = await insertCriterion(tx, {
      set_id: setId,
      parent_id: f.parent >= 0 ? ids[f.parent]! : null,
      code: f.node.code,
      title: f.node.title,
      depth: f.node.depth,
      position: i,
      max_points: f.node.maxPoints,
      guide: f.node.guide,
      evidence: f.node.evidence,
      sign: f.node.sign,
      is_leaf: f.node.children.length === 0 ? 1 : 0,
      rule_json: JSON.stringify(ruleFromGuide(f.node.title, f.node.guide)),
      row_no: f.node.row,
    });
    ids.push(row.id);
  }
}

/** Saves a checked tree as the new active version (the command line calls as `SYSTEM_ACTOR`). */
export async function saveSet(
  ctx: ParContext,
  caller: Caller,
  ownerId: number,
  input: SetInput,
  fields: ParNode[],
  columns: ColumnMap,
  file: UploadedFile | null,
) {
  const t = treeTotals(fields);
  const now = ctx.nowIso();
  const set = await ctx.db.transaction().execute(async (tx) => {
    // The counter row serialises concurrent saves of one set (PostgreSQL holds its lock until
    // commit), so versions never repeat and only the newest stays active.
    const scope = counterScope.parSetVersion(ownerId, input.year, input.unitKind);
    await raiseCounter(tx, scope, await latestVersion(tx, ownerId, input.year, input.unitKind));
    const version = await takeNumbers(tx, scope);
    await supersedeSets(tx, ownerId, input.year, input.unitKind, now);
    const blobId = file ? await insertBlob(tx, sha256(file.bytes), file.bytes) : null;
    const s = await insertSet(tx, {
      owner_unit_id: ownerId,
      name: input.name.normalize('NFC').trim(),
      year: input.year,
      unit_kind: input.unitKind,
      source: nfcOrNull(input.source),
      version,
      status: 'active',
      total_max: t.totalMax,
      columns_json: JSON.stringify(columns),
      file_blob_id: blobId,
      file_name: file ? safeFilename(file.filename) : null,
      created_by: callerUserId(caller),
      created_at: now,
      updated_at: now,
    });
    await insertCriteria(tx, s.id, fields);
    await audit(ctx, tx, caller, {
      unitId: ownerId,
      entity: 'par_criteria_set',
      entityId: s.id,
      action: 'import',
      after: { name: s.name, year: s.year, version, unitKind: s.unit_kind, totals: t },
    });
    return s;
  });
  return { id: set.id, version: set.version, totals: t };
}

/** The sets of the unit's ancestors (that apply to it) and of its subtree (that it issued). */
export async function listSets(ctx: ParContext, actor: Actor, unitId: number, year?: number) {
  const unit = await readableUnit(ctx, actor, unitId);
  const subtree = await listUnitSubtree(ctx.db, unit.path);
  const owners = [...new Set([...chainOf(unit.path), ...subtree.map((u) => u.id)])];
  const sets = await listSetsOwnedBy(ctx.db, owners, year);
  return {
    items: sets.map((s) => ({ ...setSummary(s), createdAt: s.created_at })),
    actions: { import: policy.manageParCriteria(actor, unit.id) },
  };
}

export async function setDetail(ctx: ParContext, actor: Actor, id: number) {
  const s = await readableSet(ctx, actor, id);
  const criteria = await listCriteria(ctx.db, s.id);
  return {
    ...setSummary(s),
    criteria: criteria.map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      code: c.code,
      title: c.title,
      depth: c.depth,
      max: c.max_points,
      guide: c.guide,
      evidence: c.evidence,
      sign: c.sign as ParSign,
      isLeaf: c.is_leaf === 1,
      rule: parseRule(c.rule_json),
    })),
    metrics: PAR_METRICS,
    actions: { edit: policy.manageParCriteria(actor, s.owner_unit_id) },
  };
}

/** A rule fits a leaf: a bands rule on a known figure with points within the leaf's maximum. */
function checkRule(rule: ParRule, isLeaf: boolean, max: number) {
  if (!isLeaf)
    throw new AppError('VALIDATION', 'Chỉ tiêu chí thành phần (không có tiêu chí con) mới có cách chấm.');
  if (rule.kind === 'bands') {
    if (!(TARGET_METRICS as readonly string[]).includes(rule.metric))
      throw new AppError('VALIDATION', 'Số liệu gắn với thang điểm không có trong hệ thống.');
    for (const b of rule.bands)
      if (b.points < 0 || b.points > max)
        throw new AppError('VALIDATION', 'Điểm của mỗi mức phải từ 0 đến điểm tối đa của tiêu chí.');
  }
  if (rule.kind === 'manual' && rule.step !== undefined && rule.step <= 0)
    throw new AppError('VALIDATION', 'Bước điểm phải lớn hơn 0.');
}

/** Edits a criterion in the app (title, guide, evidence, and a leaf's rule). */
export async function editCriterion(ctx: ParContext, actor: Actor, id: number, patch: CriterionEdit) {
  const c = await findCriterion(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy tiêu chí.');
  const s = await readableSet(ctx, actor, c.set_id);
  if (!policy.manageParCriteria(actor, s.owner_unit_id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của đơn vị ban hành mới sửa được bộ tiêu chí.');
  if (patch.rule) checkRule(patch.rule, c.is_leaf === 1, c.max_points ?? 0);
  if ((await countAssessmentsOfSet(ctx.db, s.id)) > 0 && patch.rule)
    throw new AppError(
      'CONFLICT',
      'Bộ tiêu chí đã có đơn vị tự chấm: hãy nhập phiên bản mới thay vì đổi cách chấm.',
    );
  const v = {
    title: patch.title?.normalize('NFC') ?? c.title,
    guide: patch.guide === undefined ? c.guide : patch.guide,
    evidence: patch.evidence === undefined ? c.evidence : patch.evidence,
    rule_json: patch.rule ? JSON.stringify(patch.rule) : c.rule_json,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await updateCriterion(tx, c.id, v);
    await audit(ctx, tx, actor, {
      unitId: s.owner_unit_id,
      entity: 'par_criterion',
      entityId: c.id,
      action: 'update',
      after: v,
      before: { title: c.title, guide: c.guide, evidence: c.evidence, rule_json: c.rule_json },
    });
  });
  return setDetail(ctx, actor, s.id);
}

/** The active set of the year for the unit's kind, owned by the nearest ancestor (or itself). */
export async function applicableSet(ctx: ParContext, path: string, kind: string, year: number) {
  const chain = chainOf(path);
  const sets = (await listSetsOwnedBy(ctx.db, chain, year)).filter(
    (s) => s.status === 'active' && (s.unit_kind === null || s.unit_kind === kind),
  );
  sets.sort(
    (a, b) =>
      chain.indexOf(b.owner_unit_id) - chain.indexOf(a.owner_unit_id) ||
      Number(b.unit_kind !== null) - Number(a.unit_kind !== null) ||
      b.version - a.version,
  );
  return sets[0] ?? null;
}
