/**
 * The PAR Index (issue 18, domain.md §10): criteria sets imported as data by a superior, each
 * unit's self-assessment per year with evidence, the superior's appraisal (thẩm định) with a
 * reason per adjusted leaf, the unit's explanation (giải trình), the final index with an optional
 * survey part, and the ranking of the superior's units with the change from last year. Leaves
 * scored by bands on a measured figure score themselves from the registers (`measure`).
 */
import type { ColumnMap, ParNode, ParRule } from '../../core/par/index.js';
import {
  bandPoints,
  bandsFromGuide,
  checkScore,
  finalIndex,
  flatten,
  parseCriteriaRows,
  rank,
  totals,
  treeTotals,
} from '../../core/par/index.js';
import type { AssessmentTotals } from '../../core/par/index.js';
import type { Figure } from '../../core/metrics/index.js';
import { TARGET_METRICS, TARGET_METRIC_LABELS, metricForTarget } from '../../core/metrics/index.js';
import type { TargetMetric } from '../../core/metrics/index.js';
import type { ParCriterionRow, ParEvidenceRow, ParScoreRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { EVIDENCE_TYPES_TEXT, safeFilename, sniffEvidenceType } from '../../lib/file-type.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { DEFAULT_READ_LIMITS, readSheet } from '../dossier-import/file.js';
import { insertBlob, readBlob } from '../files/repository.js';
import { sha256 } from '../../lib/hash.js';
import { findUnitById, listUnitSubtree } from '../units/repository.js';
import { counterScope, raiseCounter, takeNumbers } from '../counters/repository.js';
import type { AssessmentWithUnit, SetWithOwner } from './repository.js';
import {
  countAssessmentsOfSet,
  findAssessment,
  findAssessmentOf,
  findCriterion,
  findParEvidence,
  findReportSubmission,
  findScore,
  findSet,
  findTaskEvidence,
  insertAssessment,
  insertCriterion,
  insertParEvidence,
  insertScores,
  insertSet,
  latestVersion,
  listAssessmentsUnder,
  listCriteria,
  listParEvidence,
  listScores,
  listSetsOwnedBy,
  lockAssessment,
  previousIndexes,
  supersedeSets,
  updateAssessment,
  updateCriterion,
  updateScore,
  upsertIndexEntry,
  withdrawParEvidence,
} from './repository.js';

/** A register figure for a unit over a period, or null when the system does not measure it. */
export type ParMeasure = (unitId: number, metric: string, from: string, to: string) => Promise<Figure | null>;

export interface ParDeps {
  db: Q;
  clock: Clock;
  postgres: boolean;
  uploadMaxBytes: number;
  measure: ParMeasure;
}

export const PAR_STATUS_LABELS = {
  draft: 'Đang tự chấm',
  submitted: 'Đã gửi thẩm định',
  returned: 'Trả lại để giải trình',
  final: 'Đã có kết quả thẩm định',
} as const;
export type ParStatus = keyof typeof PAR_STATUS_LABELS;

/** The figures a bands rule may be bound to: the register figures the targets use. */
export const PAR_METRICS = TARGET_METRICS.map((m) => ({ value: m, label: TARGET_METRIC_LABELS[m] }));

const round2 = (n: number) => Math.round(n * 100) / 100;
const parseRule = (json: string): ParRule => JSON.parse(json) as ParRule;

export interface CriteriaPreview {
  ok: boolean;
  issues: { row: number; code: string; message: string }[];
  totals: ReturnType<typeof treeTotals>;
  tree: PreviewNode[];
}
export interface PreviewNode {
  code: string;
  title: string;
  depth: number;
  max: number | null;
  sign: 'normal' | 'bonus' | 'minus';
  row: number;
  guide: string | null;
  evidence: string | null;
  children: PreviewNode[];
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
    status: s.status as 'active' | 'superseded',
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

export function parService({ db, clock, postgres, uploadMaxBytes, measure }: ParDeps) {
  const today = () => vietnamToday(clock);
  const nowIso = () => clock.now().toISOString();

  async function audit(
    tx: Q,
    actor: Actor | null,
    unitId: number,
    entity: string,
    entityId: number,
    action: string,
    after: unknown,
    before?: unknown,
  ) {
    await insertAudit(tx, {
      unitId,
      userId: actor?.userId ?? null,
      entity,
      entityId,
      action,
      before,
      after,
      at: nowIso(),
    });
  }

  async function readableUnit(actor: Actor, unitId: number) {
    const unit = await findUnitById(db, unitId);
    if (!unit || !policy.readUnit(actor, unit.path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  /** Ids of the unit and its ancestors, from its materialised path. */
  const chainOf = (path: string) => path.split('/').filter(Boolean).map(Number);

  /** A set is readable by its owner's subtree and by the owner's ancestors. */
  async function readableSet(actor: Actor, id: number) {
    const s = await findSet(db, id);
    if (
      !s ||
      !(
        policy.readUnit(actor, s.owner_path) ||
        s.owner_path.startsWith(actor.unitPath) ||
        actor.unitPath.startsWith(s.owner_path)
      )
    )
      throw new AppError('NOT_FOUND', 'Không tìm thấy bộ tiêu chí.');
    return s;
  }

  async function loadAssessment(actor: Actor, id: number) {
    const a = await findAssessment(db, id);
    if (!a || !policy.readUnit(actor, a.unit_path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy bản tự đánh giá.');
    return a;
  }

  function requireSelf(actor: Actor, a: AssessmentWithUnit, states: ParStatus[], what: string) {
    if (!policy.selfAssessPar(actor, a.unit_id))
      throw new AppError(
        'FORBIDDEN',
        'Chỉ cán bộ của chính đơn vị mới tự chấm, nộp minh chứng và giải trình.',
      );
    if (!states.includes(a.status as ParStatus))
      throw new AppError(
        'CONFLICT',
        `Bản tự đánh giá đang ở trạng thái "${PAR_STATUS_LABELS[a.status as ParStatus]}": không ${what} được.`,
      );
  }

  function requireAppraiser(actor: Actor, a: AssessmentWithUnit, states: ParStatus[], what: string) {
    if (!policy.appraisePar(actor, a.unit_path, a.unit_id))
      throw new AppError('FORBIDDEN', 'Chỉ cấp trên của đơn vị mới thẩm định được bản tự đánh giá.');
    if (!states.includes(a.status as ParStatus))
      throw new AppError(
        'CONFLICT',
        `Bản tự đánh giá đang ở trạng thái "${PAR_STATUS_LABELS[a.status as ParStatus]}": không ${what} được.`,
      );
  }

  async function leafOf(a: AssessmentWithUnit, criterionId: number) {
    const c = await findCriterion(db, criterionId);
    if (!c || c.set_id !== a.set_id || c.is_leaf !== 1)
      throw new AppError(
        'NOT_FOUND',
        'Không tìm thấy tiêu chí thành phần trong bộ tiêu chí của bản tự đánh giá.',
      );
    const s = await findScore(db, a.id, c.id);
    if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy tiêu chí thành phần.');
    return { c, s };
  }

  const yearWindow = (year: number) => {
    const to = `${year}-12-31`;
    const t = today();
    return { from: `${year}-01-01`, to: t < to ? t : to };
  };

  /** Live figures of the bands leaves (read while the unit still scores; frozen at submission). */
  async function liveFigures(unitId: number, year: number, criteria: ParCriterionRow[]) {
    const out = new Map<number, { figure: number | null; text: string }>();
    const { from, to } = yearWindow(year);
    const cache = new Map<string, Figure | null>();
    for (const c of criteria) {
      const rule = parseRule(c.rule_json);
      if (c.is_leaf !== 1 || rule.kind !== 'bands') continue;
      if (!cache.has(rule.metric)) cache.set(rule.metric, await measure(unitId, rule.metric, from, to));
      const f = cache.get(rule.metric) ?? null;
      out.set(c.id, {
        figure: f?.value ?? null,
        text: f
          ? `${TARGET_METRIC_LABELS[rule.metric as TargetMetric] ?? rule.metric}: ${f.value === null ? 'chưa có số liệu' : `${String(f.value).replace('.', ',')}%`} (${f.numerator}/${f.denominator})`
          : 'chưa có số liệu',
      });
    }
    return out;
  }

  async function present(actor: Actor, a: AssessmentWithUnit) {
    const set = (await findSet(db, a.set_id))!;
    const criteria = await listCriteria(db, a.set_id);
    const scores = new Map((await listScores(db, a.id)).map((s) => [s.criterion_id, s]));
    const evidence = await listParEvidence(db, a.id);
    const byScore = new Map<number, ParEvidenceRow[]>();
    for (const e of evidence) byScore.set(e.score_id, [...(byScore.get(e.score_id) ?? []), e]);
    const live =
      a.status === 'draft'
        ? await liveFigures(a.unit_id, a.year, criteria)
        : new Map<number, { figure: number | null; text: string }>();
    const self = policy.selfAssessPar(actor, a.unit_id);
    const appraiser = policy.appraisePar(actor, a.unit_path, a.unit_id);

    const leaves: {
      c: ParCriterionRow;
      s: ParScoreRow;
      selfScore: number | null;
      figure: number | null;
      figureText: string | null;
    }[] = [];
    for (const c of criteria) {
      if (c.is_leaf !== 1) continue;
      const s = scores.get(c.id);
      if (!s) continue;
      const rule = parseRule(c.rule_json);
      let selfScore = s.self_score;
      let figure = s.figure;
      let figureText = s.figure_text;
      const l = live.get(c.id);
      if (l && rule.kind === 'bands') {
        figure = l.figure;
        figureText = l.text;
        selfScore = s.not_applicable ? null : bandPoints(rule.bands, l.figure);
      }
      leaves.push({ c, s, selfScore, figure, figureText });
    }
    const leafInfo = new Map(leaves.map((l) => [l.c.id, l]));
    const selfTotals = totals(
      leaves.map((l) => ({
        max: l.c.max_points ?? 0,
        sign: l.c.sign as 'normal',
        score: l.selfScore,
        notApplicable: l.s.not_applicable === 1,
      })),
    );
    const appraisedAny = leaves.some((l) => l.s.appraised_score !== null);
    const appraisedTotals: AssessmentTotals | null = appraisedAny
      ? totals(
          leaves.map((l) => ({
            max: l.c.max_points ?? 0,
            sign: l.c.sign as 'normal',
            score: l.s.appraised_score ?? l.selfScore,
            notApplicable: l.s.not_applicable === 1,
          })),
        )
      : null;
    // Subtotals per node: sum of its leaves.
    const childrenOf = new Map<number | null, ParCriterionRow[]>();
    for (const c of criteria) childrenOf.set(c.parent_id, [...(childrenOf.get(c.parent_id) ?? []), c]);
    const sub = (c: ParCriterionRow, pick: (l: (typeof leaves)[number]) => number | null): number | null => {
      if (c.is_leaf === 1) {
        const l = leafInfo.get(c.id);
        if (!l || l.s.not_applicable) return null;
        const v = pick(l);
        return v === null ? null : c.sign === 'minus' ? -v : v;
      }
      let any = false;
      let sum = 0;
      for (const k of childrenOf.get(c.id) ?? []) {
        const v = sub(k, pick);
        if (v !== null) {
          any = true;
          sum += v;
        }
      }
      return any ? round2(sum) : null;
    };
    let evidenceMissing = 0;
    let explanationMissing = 0;
    const nodes = criteria.map((c) => {
      const l = leafInfo.get(c.id);
      const rule = parseRule(c.rule_json);
      const ev = l ? (byScore.get(l.s.id) ?? []) : [];
      const needsEvidence = !!c.evidence && l !== undefined && l.s.not_applicable === 0;
      const missing = needsEvidence && ev.length === 0;
      if (missing) evidenceMissing++;
      const needsNote = missing && (l?.selfScore ?? 0) > 0 && !l?.s.note;
      if (needsNote) explanationMissing++;
      return {
        criterionId: c.id,
        parentId: c.parent_id,
        code: c.code,
        title: c.title,
        depth: c.depth,
        max: c.max_points,
        sign: c.sign as 'normal' | 'bonus' | 'minus',
        guide: c.guide,
        evidenceRequired: c.evidence,
        isLeaf: c.is_leaf === 1,
        rule,
        selfSubtotal: sub(c, (x) => x.selfScore),
        appraisedSubtotal: appraisedAny ? sub(c, (x) => x.s.appraised_score ?? x.selfScore) : null,
        score: l
          ? {
              selfScore: l.selfScore,
              notApplicable: l.s.not_applicable === 1,
              note: l.s.note,
              figure: l.figure,
              figureText: l.figureText,
              appraisedScore: l.s.appraised_score,
              appraisalReason: l.s.appraisal_reason,
              explanation: l.s.explanation,
              evidenceMissing: missing,
              explanationRequired: needsNote,
              evidence: ev.map((e) => ({
                id: e.id,
                kind: e.kind as 'file' | 'task_evidence' | 'report_submission',
                label: e.label,
                fileName: e.file_name,
                hasFile: e.file_blob_id !== null,
              })),
            }
          : null,
      };
    });
    const status = a.status as ParStatus;
    const leavesCount = leaves.length;
    return {
      id: a.id,
      unit: { id: a.unit_id, code: a.unit_code, name: a.unit_name },
      year: a.year,
      status,
      statusLabel: PAR_STATUS_LABELS[status],
      set: {
        id: set.id,
        name: set.name,
        year: set.year,
        version: set.version,
        source: set.source,
        totalMax: set.total_max,
      },
      nodes,
      totals: { self: selfTotals, appraised: appraisedTotals },
      progress: {
        leaves: leavesCount,
        scored: selfTotals.scored,
        notApplicable: selfTotals.notApplicable,
        unscored: selfTotals.unscored,
        evidenceMissing,
        explanationMissing,
      },
      survey: { weight: a.survey_weight, rate: a.survey_rate },
      selfIndex: status === 'draft' ? selfTotals.indexOn100 : a.self_index,
      finalIndex: a.final_index,
      returnReason: a.return_reason,
      submittedAt: a.submitted_at,
      finalizedAt: a.finalized_at,
      actions: {
        score: self && status === 'draft',
        submit: self && status === 'draft',
        explain: self && status === 'returned',
        sendExplanations: self && status === 'returned',
        appraise: appraiser && status === 'submitted',
        returnForExplanation: appraiser && status === 'submitted',
        finalize: appraiser && status === 'submitted',
      },
    };
  }

  async function reload(actor: Actor, id: number) {
    return present(actor, (await findAssessment(db, id))!);
  }

  /** Runs a state change under the assessment's row lock, checking it is still in `from`. */
  async function transition(id: number, from: ParStatus[], work: (tx: Q) => Promise<void>) {
    await db.transaction().execute(async (tx) => {
      const row = await lockAssessment(tx, id, postgres);
      if (!row || !from.includes(row.status as ParStatus))
        throw new AppError(
          'CHANGED_MEANWHILE',
          'Bản tự đánh giá vừa được người khác cập nhật: hãy tải lại trang.',
        );
      await work(tx);
    });
  }

  return {
    metrics: PAR_METRICS,

    /** Reads a sheet and shows the tree, the totals and every inconsistency; saves nothing. */
    async previewCriteria(file: { filename: string; bytes: Uint8Array }): Promise<CriteriaPreview> {
      const parsed = await readCriteriaSheet(file.bytes, file.filename);
      return {
        ok: parsed.issues.length === 0 && parsed.fields.length > 0,
        issues: parsed.issues,
        totals: treeTotals(parsed.fields),
        tree: parsed.fields.map(previewNode),
      };
    },

    /** Imports a set, all or nothing: a set with any issue is refused with the rows named. */
    async importCriteria(
      actor: Actor,
      input: {
        ownerUnitId: number;
        name: string;
        year: number;
        unitKind: string | null;
        source: string | null;
      },
      file: { filename: string; bytes: Uint8Array },
    ) {
      const owner = await readableUnit(actor, input.ownerUnitId);
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
      return this.saveSet(actor, owner.id, input, parsed.fields, parsed.columns, file);
    },

    /** Saves a checked tree as the new active version (`actor` null: the command line). */
    async saveSet(
      actor: Actor | null,
      ownerId: number,
      input: { name: string; year: number; unitKind: string | null; source: string | null },
      fields: ParNode[],
      columns: ColumnMap,
      file: { filename: string; bytes: Uint8Array } | null,
    ) {
      const t = treeTotals(fields);
      const flat = flatten(fields);
      const now = nowIso();
      const set = await db.transaction().execute(async (tx) => {
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
          source: input.source?.normalize('NFC').trim() || null,
          version,
          status: 'active',
          total_max: t.totalMax,
          columns_json: JSON.stringify(columns),
          file_blob_id: blobId,
          file_name: file ? safeFilename(file.filename) : null,
          created_by: actor?.userId ?? null,
          created_at: now,
          updated_at: now,
        });
        const ids: number[] = [];
        for (const [i, f] of flat.entries()) {
          const row = await insertCriterion(tx, {
            set_id: s.id,
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
        await audit(tx, actor, ownerId, 'par_criteria_set', s.id, 'import', {
          name: s.name,
          year: s.year,
          version,
          unitKind: s.unit_kind,
          totals: t,
        });
        return s;
      });
      return { id: set.id, version: set.version, totals: t };
    },

    async listSets(actor: Actor, unitId: number, year?: number) {
      const unit = await readableUnit(actor, unitId);
      const subtree = await listUnitSubtree(db, unit.path);
      const owners = [...new Set([...chainOf(unit.path), ...subtree.map((u) => u.id)])];
      const sets = await listSetsOwnedBy(db, owners, year);
      return {
        items: sets.map((s) => ({ ...setSummary(s), createdAt: s.created_at })),
        actions: { import: policy.manageParCriteria(actor, unit.id) },
      };
    },

    async setDetail(actor: Actor, id: number) {
      const s = await readableSet(actor, id);
      const criteria = await listCriteria(db, s.id);
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
          sign: c.sign as 'normal' | 'bonus' | 'minus',
          isLeaf: c.is_leaf === 1,
          rule: parseRule(c.rule_json),
        })),
        metrics: PAR_METRICS,
        actions: { edit: policy.manageParCriteria(actor, s.owner_unit_id) },
      };
    },

    /** Edits a criterion in the app (title, guide, evidence, and a leaf's rule). */
    async editCriterion(
      actor: Actor,
      id: number,
      patch: {
        title?: string | undefined;
        guide?: string | null | undefined;
        evidence?: string | null | undefined;
        rule?: ParRule | undefined;
      },
    ) {
      const c = await findCriterion(db, id);
      if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy tiêu chí.');
      const s = await readableSet(actor, c.set_id);
      if (!policy.manageParCriteria(actor, s.owner_unit_id))
        throw new AppError('FORBIDDEN', 'Chỉ cán bộ của đơn vị ban hành mới sửa được bộ tiêu chí.');
      if (patch.rule) {
        if (c.is_leaf !== 1)
          throw new AppError(
            'VALIDATION',
            'Chỉ tiêu chí thành phần (không có tiêu chí con) mới có cách chấm.',
          );
        if (patch.rule.kind === 'bands') {
          if (!(TARGET_METRICS as readonly string[]).includes(patch.rule.metric))
            throw new AppError('VALIDATION', 'Số liệu gắn với thang điểm không có trong hệ thống.');
          for (const b of patch.rule.bands)
            if (b.points < 0 || b.points > (c.max_points ?? 0))
              throw new AppError('VALIDATION', 'Điểm của mỗi mức phải từ 0 đến điểm tối đa của tiêu chí.');
        }
        if (patch.rule.kind === 'manual' && patch.rule.step !== undefined && patch.rule.step <= 0)
          throw new AppError('VALIDATION', 'Bước điểm phải lớn hơn 0.');
      }
      if ((await countAssessmentsOfSet(db, s.id)) > 0 && patch.rule)
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
      await db.transaction().execute(async (tx) => {
        await updateCriterion(tx, c.id, v);
        await audit(tx, actor, s.owner_unit_id, 'par_criterion', c.id, 'update', v, {
          title: c.title,
          guide: c.guide,
          evidence: c.evidence,
          rule_json: c.rule_json,
        });
      });
      return this.setDetail(actor, s.id);
    },

    /** The unit's assessment of the year, or the set it would use and whether it may start. */
    async forUnitYear(actor: Actor, unitId: number, year: number) {
      const unit = await readableUnit(actor, unitId);
      const a = await findAssessmentOf(db, unit.id, year);
      if (a) return { assessment: await present(actor, a), applicableSet: null, actions: { start: false } };
      const set = await this.applicableSet(unit.path, unit.kind, year);
      return {
        assessment: null,
        applicableSet: set
          ? { id: set.id, name: set.name, version: set.version, totalMax: set.total_max }
          : null,
        actions: { start: !!set && policy.selfAssessPar(actor, unit.id) },
      };
    },

    /** The active set of the year for the unit's kind, owned by the nearest ancestor (or itself). */
    async applicableSet(path: string, kind: string, year: number) {
      const chain = chainOf(path);
      const sets = (await listSetsOwnedBy(db, chain, year)).filter(
        (s) => s.status === 'active' && (s.unit_kind === null || s.unit_kind === kind),
      );
      sets.sort(
        (a, b) =>
          chain.indexOf(b.owner_unit_id) - chain.indexOf(a.owner_unit_id) ||
          Number(b.unit_kind !== null) - Number(a.unit_kind !== null) ||
          b.version - a.version,
      );
      return sets[0] ?? null;
    },

    async start(actor: Actor, unitId: number, year: number) {
      const unit = await readableUnit(actor, unitId);
      if (!policy.selfAssessPar(actor, unit.id))
        throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới tự chấm điểm.');
      const set = await this.applicableSet(unit.path, unit.kind, year);
      if (!set)
        throw new AppError(
          'VALIDATION',
          `Cấp trên chưa ban hành bộ tiêu chí năm ${year} cho loại đơn vị này.`,
        );
      const criteria = await listCriteria(db, set.id);
      const now = nowIso();
      const id = await db.transaction().execute(async (tx) => {
        if (await findAssessmentOf(tx, unit.id, year))
          throw new AppError('CONFLICT', `Đơn vị đã có bản tự đánh giá năm ${year}.`);
        const a = await insertAssessment(tx, {
          set_id: set.id,
          unit_id: unit.id,
          year,
          status: 'draft',
          survey_weight: null,
          survey_rate: null,
          self_index: null,
          final_index: null,
          submitted_at: null,
          returned_at: null,
          return_reason: null,
          finalized_at: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await insertScores(
          tx,
          criteria
            .filter((c) => c.is_leaf === 1)
            .map((c) => ({
              assessment_id: a.id,
              criterion_id: c.id,
              self_score: null,
              not_applicable: 0,
              note: null,
              figure: null,
              figure_text: null,
              appraised_score: null,
              appraisal_reason: null,
              explanation: null,
              updated_by: actor.userId,
              updated_at: now,
            })),
        );
        await audit(tx, actor, unit.id, 'par_assessment', a.id, 'start', { year, setId: set.id });
        return a.id;
      });
      return reload(actor, id);
    },

    async detail(actor: Actor, id: number) {
      return present(actor, await loadAssessment(actor, id));
    },

    /** Scores a leaf, or marks it "không áp dụng", with a note. */
    async score(
      actor: Actor,
      id: number,
      criterionId: number,
      input: {
        score?: number | null | undefined;
        notApplicable?: boolean | undefined;
        note?: string | null | undefined;
      },
    ) {
      const a = await loadAssessment(actor, id);
      requireSelf(actor, a, ['draft'], 'chấm điểm');
      const { c, s } = await leafOf(a, criterionId);
      const rule = parseRule(c.rule_json);
      const na = input.notApplicable ?? s.not_applicable === 1;
      let value = input.score === undefined ? s.self_score : input.score;
      if (rule.kind === 'bands' && input.score !== undefined && input.score !== null)
        throw new AppError(
          'VALIDATION',
          `Tiêu chí ${c.code} tự chấm theo số liệu của hệ thống: không nhập điểm tay.`,
        );
      if (na) value = null;
      if (value !== null && value !== undefined) {
        const err = checkScore(rule, c.max_points ?? 0, value);
        if (err) throw new AppError('VALIDATION', `Tiêu chí ${c.code}: ${err}`);
      }
      const v = {
        self_score: value ?? null,
        not_applicable: na ? 1 : 0,
        note: input.note === undefined ? s.note : input.note?.normalize('NFC').trim() || null,
        updated_by: actor.userId,
        updated_at: nowIso(),
      };
      await transition(a.id, ['draft'], async (tx) => {
        await updateScore(tx, s.id, v);
        await audit(tx, actor, a.unit_id, 'par_score', s.id, 'self_score', v, {
          self_score: s.self_score,
          not_applicable: s.not_applicable,
          note: s.note,
        });
      });
      return reload(actor, a.id);
    },

    /** Attaches an uploaded file as evidence of a leaf (stored in `file_blob`, like every evidence). */
    async attachFile(
      actor: Actor,
      id: number,
      criterionId: number,
      file: { filename: string; bytes: Uint8Array },
    ) {
      const a = await loadAssessment(actor, id);
      requireSelf(actor, a, ['draft', 'returned'], 'nộp minh chứng');
      const { s } = await leafOf(a, criterionId);
      if (file.bytes.length === 0) throw new AppError('FILE_EMPTY', 'Tệp minh chứng rỗng.');
      if (file.bytes.length > uploadMaxBytes)
        throw new AppError(
          'FILE_TOO_LARGE',
          `Tệp minh chứng vượt quá ${Math.round(uploadMaxBytes / 1048576)} MB.`,
        );
      const type = sniffEvidenceType(file.bytes, file.filename);
      if (!type) throw new AppError('FILE_TYPE', `Chỉ nhận tệp minh chứng dạng ${EVIDENCE_TYPES_TEXT}.`);
      const name = safeFilename(file.filename);
      await db.transaction().execute(async (tx) => {
        const blob = await insertBlob(tx, sha256(file.bytes), file.bytes);
        const e = await insertParEvidence(tx, {
          score_id: s.id,
          kind: 'file',
          file_blob_id: blob,
          file_name: name,
          content_type: type.mime,
          size: file.bytes.length,
          ref_id: null,
          label: name,
          created_by: actor.userId,
          created_at: nowIso(),
          withdrawn_at: null,
        });
        await audit(tx, actor, a.unit_id, 'par_evidence', e.id, 'attach', {
          kind: 'file',
          name,
          size: file.bytes.length,
        });
      });
      return reload(actor, a.id);
    },

    /** Links what the system already holds: a task's evidence file or a submitted periodic report. */
    async attachLink(
      actor: Actor,
      id: number,
      criterionId: number,
      link: { kind: 'task_evidence' | 'report_submission'; refId: number },
    ) {
      const a = await loadAssessment(actor, id);
      requireSelf(actor, a, ['draft', 'returned'], 'nộp minh chứng');
      const { s } = await leafOf(a, criterionId);
      let values: {
        file_blob_id: number | null;
        file_name: string | null;
        content_type: string | null;
        size: number | null;
        label: string;
      };
      if (link.kind === 'task_evidence') {
        const ev = await findTaskEvidence(db, link.refId);
        if (!ev || ev.unit_id !== a.unit_id || ev.withdrawn_at)
          throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng của nhiệm vụ trong đơn vị.');
        values = {
          file_blob_id: ev.file_id,
          file_name: ev.filename,
          content_type: ev.content_type,
          size: ev.size,
          label: `Minh chứng nhiệm vụ ${ev.task_code}: ${ev.filename}`,
        };
      } else {
        const r = await findReportSubmission(db, link.refId);
        if (!r || r.unit_id !== a.unit_id)
          throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo đã gửi của đơn vị.');
        values = {
          file_blob_id: r.docx_file_id,
          file_name: `bao-cao-${r.period}-lan-${r.seq}.docx`,
          content_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          size: null,
          label: `Báo cáo CCHC kỳ ${r.period} (gửi ngày ${r.submitted_at.slice(0, 10).split('-').reverse().join('/')})`,
        };
      }
      await db.transaction().execute(async (tx) => {
        const e = await insertParEvidence(tx, {
          score_id: s.id,
          kind: link.kind,
          ref_id: link.refId,
          ...values,
          created_by: actor.userId,
          created_at: nowIso(),
          withdrawn_at: null,
        });
        await audit(tx, actor, a.unit_id, 'par_evidence', e.id, 'link', {
          kind: link.kind,
          refId: link.refId,
        });
      });
      return reload(actor, a.id);
    },

    async withdrawEvidence(actor: Actor, evidenceId: number) {
      const e = await findParEvidence(db, evidenceId);
      if (!e) throw new AppError('NOT_FOUND', 'Không tìm thấy minh chứng.');
      const a = await loadAssessment(actor, e.assessment_id);
      requireSelf(actor, a, ['draft', 'returned'], 'rút minh chứng');
      await db.transaction().execute(async (tx) => {
        await withdrawParEvidence(tx, e.id, nowIso());
        await audit(tx, actor, a.unit_id, 'par_evidence', e.id, 'withdraw', { withdrawn: true });
      });
      return reload(actor, a.id);
    },

    async evidenceFile(actor: Actor, evidenceId: number) {
      const e = await findParEvidence(db, evidenceId);
      if (!e || e.withdrawn_at) throw new AppError('NOT_FOUND', 'Không tìm thấy minh chứng.');
      await loadAssessment(actor, e.assessment_id);
      if (e.file_blob_id === null) throw new AppError('NOT_FOUND', 'Minh chứng không có tệp.');
      const bytes = await readBlob(db, e.file_blob_id);
      if (!bytes) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng.');
      return { bytes, name: e.file_name ?? 'minh-chung', type: e.content_type ?? 'application/octet-stream' };
    },

    /**
     * Submits to the superior: every leaf scored or "không áp dụng", every leaf scored without its
     * required evidence explained; the automatic leaves' figures and scores are frozen.
     */
    async submit(actor: Actor, id: number) {
      const a = await loadAssessment(actor, id);
      requireSelf(actor, a, ['draft'], 'gửi');
      const view = await present(actor, a);
      const problems: { code: string; message: string }[] = [];
      for (const n of view.nodes) {
        if (!n.score || n.score.notApplicable) continue;
        if (n.score.selfScore === null)
          problems.push({
            code: n.code,
            message:
              n.rule.kind === 'bands'
                ? 'Chưa có số liệu để tự chấm: hãy ghi "không áp dụng" hoặc bổ sung số liệu.'
                : 'Chưa chấm điểm.',
          });
        else if (n.score.explanationRequired)
          problems.push({
            code: n.code,
            message: 'Chấm điểm khi chưa đủ tài liệu kiểm chứng: cần ghi giải trình.',
          });
      }
      if (problems.length)
        throw new AppError(
          'VALIDATION',
          `Chưa gửi được: ${problems.length} tiêu chí chưa hoàn thành (${problems
            .slice(0, 5)
            .map((p) => `${p.code}: ${p.message}`)
            .join('; ')}).`,
          { problems },
        );
      const now = nowIso();
      await transition(a.id, ['draft'], async (tx) => {
        for (const n of view.nodes)
          if (n.score && n.rule.kind === 'bands') {
            const s = await findScore(tx, a.id, n.criterionId);
            await updateScore(tx, s!.id, {
              self_score: n.score.selfScore,
              figure: n.score.figure,
              figure_text: n.score.figureText,
              updated_at: now,
            });
          }
        await updateAssessment(tx, a.id, {
          status: 'submitted',
          self_index: view.totals.self.indexOn100,
          submitted_at: now,
          updated_at: now,
        });
        await audit(
          tx,
          actor,
          a.unit_id,
          'par_assessment',
          a.id,
          'submit',
          { selfIndex: view.totals.self.indexOn100, totals: view.totals.self },
          { status: a.status },
        );
      });
      return reload(actor, a.id);
    },

    /** The superior sets the appraised score of a leaf; a reason is required when it differs from the self score. */
    async appraise(
      actor: Actor,
      id: number,
      criterionId: number,
      input: { score: number; reason?: string | null | undefined },
    ) {
      const a = await loadAssessment(actor, id);
      requireAppraiser(actor, a, ['submitted'], 'thẩm định');
      const { c, s } = await leafOf(a, criterionId);
      if (s.not_applicable)
        throw new AppError(
          'VALIDATION',
          `Tiêu chí ${c.code} được ghi "không áp dụng": không chấm điểm thẩm định.`,
        );
      const rule = parseRule(c.rule_json);
      const err = checkScore(
        rule.kind === 'bands' ? { kind: 'manual' } : rule,
        c.max_points ?? 0,
        input.score,
      );
      if (err) throw new AppError('VALIDATION', `Tiêu chí ${c.code}: ${err}`);
      const reason = input.reason?.normalize('NFC').trim() || null;
      if (input.score !== s.self_score && !reason)
        throw new AppError(
          'VALIDATION',
          `Tiêu chí ${c.code}: điểm thẩm định khác điểm tự chấm, hãy ghi lý do điều chỉnh.`,
        );
      const v = {
        appraised_score: input.score,
        appraisal_reason: reason,
        updated_by: actor.userId,
        updated_at: nowIso(),
      };
      await transition(a.id, ['submitted'], async (tx) => {
        await updateScore(tx, s.id, v);
        await audit(tx, actor, a.unit_id, 'par_score', s.id, 'appraise', v, {
          appraised_score: s.appraised_score,
          appraisal_reason: s.appraisal_reason,
        });
      });
      return reload(actor, a.id);
    },

    async returnForExplanation(actor: Actor, id: number, reason: string) {
      const a = await loadAssessment(actor, id);
      requireAppraiser(actor, a, ['submitted'], 'trả lại');
      const now = nowIso();
      await transition(a.id, ['submitted'], async (tx) => {
        await updateAssessment(tx, a.id, {
          status: 'returned',
          returned_at: now,
          return_reason: reason.normalize('NFC').trim(),
          updated_at: now,
        });
        await audit(tx, actor, a.unit_id, 'par_assessment', a.id, 'return', { reason }, { status: a.status });
      });
      return reload(actor, a.id);
    },

    /** The unit answers a leaf (giải trình); scores stay frozen. */
    async explain(actor: Actor, id: number, criterionId: number, explanation: string) {
      const a = await loadAssessment(actor, id);
      requireSelf(actor, a, ['returned'], 'giải trình');
      const { s } = await leafOf(a, criterionId);
      const v = {
        explanation: explanation.normalize('NFC').trim(),
        updated_by: actor.userId,
        updated_at: nowIso(),
      };
      await transition(a.id, ['returned'], async (tx) => {
        await updateScore(tx, s.id, v);
        await audit(tx, actor, a.unit_id, 'par_score', s.id, 'explain', v, { explanation: s.explanation });
      });
      return reload(actor, a.id);
    },

    async sendExplanations(actor: Actor, id: number) {
      const a = await loadAssessment(actor, id);
      requireSelf(actor, a, ['returned'], 'gửi giải trình');
      const now = nowIso();
      await transition(a.id, ['returned'], async (tx) => {
        await updateAssessment(tx, a.id, { status: 'submitted', updated_at: now });
        await audit(
          tx,
          actor,
          a.unit_id,
          'par_assessment',
          a.id,
          'send_explanations',
          { status: 'submitted' },
          { status: a.status },
        );
      });
      return reload(actor, a.id);
    },

    /**
     * The superior finalises: leaves it did not adjust keep the self score; the optional survey
     * part (a rate entered, or the unit's survey results) weighs `surveyWeight` points of 100.
     */
    async finalize(
      actor: Actor,
      id: number,
      input: {
        surveyWeight?: number | null | undefined;
        surveyRate?: number | null | undefined;
        surveyFromResults?: boolean | undefined;
      },
    ) {
      const a = await loadAssessment(actor, id);
      requireAppraiser(actor, a, ['submitted'], 'kết thúc thẩm định');
      const view = await present(actor, a);
      const weight = input.surveyWeight ?? null;
      let rate = input.surveyRate ?? null;
      if (weight && input.surveyFromResults) {
        const w = yearWindow(a.year);
        rate = (await measure(a.unit_id, 'survey_satisfaction', w.from, w.to))?.value ?? null;
        if (rate === null)
          throw new AppError(
            'VALIDATION',
            'Đơn vị chưa có kết quả khảo sát trong năm: hãy nhập tỷ lệ hài lòng.',
          );
      }
      if (weight && rate === null)
        throw new AppError('VALIDATION', 'Có phần khảo sát: hãy nhập tỷ lệ hài lòng (%).');
      const assessed = (view.totals.appraised ?? view.totals.self).indexOn100;
      const index = finalIndex(assessed, weight ? { weight, rate } : null);
      const now = nowIso();
      await transition(a.id, ['submitted'], async (tx) => {
        for (const n of view.nodes)
          if (n.score && !n.score.notApplicable && n.score.appraisedScore === null) {
            const s = await findScore(tx, a.id, n.criterionId);
            await updateScore(tx, s!.id, { appraised_score: n.score.selfScore, updated_at: now });
          }
        await updateAssessment(tx, a.id, {
          status: 'final',
          survey_weight: weight,
          survey_rate: rate,
          final_index: index,
          finalized_at: now,
          updated_at: now,
        });
        await audit(
          tx,
          actor,
          a.unit_id,
          'par_assessment',
          a.id,
          'finalize',
          { finalIndex: index, surveyWeight: weight, surveyRate: rate },
          { status: a.status },
        );
      });
      return reload(actor, a.id);
    },

    /** The index of a year without an assessment in the system, entered once by the unit or its superior. */
    async enterPreviousIndex(actor: Actor, unitId: number, year: number, value: number, note: string | null) {
      const unit = await readableUnit(actor, unitId);
      if (!policy.selfAssessPar(actor, unit.id) && !policy.appraisePar(actor, unit.path, unit.id))
        throw new AppError('FORBIDDEN');
      if ((await findAssessmentOf(db, unit.id, year))?.status === 'final')
        throw new AppError('CONFLICT', `Năm ${year} đã có kết quả thẩm định trong hệ thống.`);
      await db.transaction().execute(async (tx) => {
        await upsertIndexEntry(tx, {
          unit_id: unit.id,
          year,
          index_value: value,
          note,
          created_by: actor.userId,
          created_at: nowIso(),
        });
        await audit(tx, actor, unit.id, 'par_index_entry', unit.id, 'enter', { year, value, note });
      });
    },

    /** The final index of a unit for a year (the assessment's, else the entered one). */
    async indexOf(unitId: number, year: number): Promise<number | null> {
      return (await previousIndexes(db, [unitId], year)).get(unitId) ?? null;
    },

    /** Ranking of the units below `unitId` by their final (or, before it, self) index, with last year's change. */
    async ranking(actor: Actor, unitId: number, year: number) {
      const unit = await readableUnit(actor, unitId);
      const list = (await listAssessmentsUnder(db, unit.path, year)).filter((a) => a.unit_id !== unit.id);
      const below = (await listUnitSubtree(db, unit.path)).filter((u) => u.id !== unit.id);
      const prev = await previousIndexes(
        db,
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
            statusLabel: a ? PAR_STATUS_LABELS[a.status as ParStatus] : 'Chưa tự đánh giá',
            selfIndex: a?.self_index ?? null,
            finalIndex: r.index,
            previous: r.previous,
            change: r.change,
            rank: r.rank,
          };
        }),
      };
    },

    /** The pieces the outputs (.xlsx, .docx, .zip) are built from. */
    async exportData(actor: Actor, id: number) {
      const a = await loadAssessment(actor, id);
      const view = await present(actor, a);
      const set = (await findSet(db, a.set_id))!;
      const original = set.file_blob_id !== null ? await readBlob(db, set.file_blob_id) : undefined;
      const criteria = await listCriteria(db, a.set_id);
      return {
        view,
        unit: { name: a.unit_name, superiorName: a.unit_superior_name },
        columns: JSON.parse(set.columns_json) as ColumnMap,
        rows: new Map(criteria.map((c) => [c.id, c.row_no])),
        original: original ?? null,
        evidence: await listParEvidence(db, a.id),
        readBlob: (blobId: number) => readBlob(db, blobId),
        today: today(),
      };
    },
  };
}

export type ParService = ReturnType<typeof parService>;
