import { createHash } from 'node:crypto';
import { takeNumbers } from '../counters/repository.js';
import { readGeneration } from '../runtime/repository.js';
import { figure } from '../../core/metrics/index.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { filenameForType, sniffEvidenceType } from '../../lib/file-type.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { insertBlob, readBlob } from '../files/repository.js';
import { findUnitByCode, findUnitById } from '../units/repository.js';
import { buildTransparencyFigures } from './figures.js';
import type {
  FigureProvider,
  TransparencyFigure,
  TransparencyPeriod,
  TransparencyProviders,
  TransparencyUnit,
} from './figures.js';
import {
  findAttachment,
  findPost,
  insertAttachment,
  insertPost,
  listAttachments,
  listPosts,
  planAreaCounts,
  removeAttachment,
  updatePost,
} from './repository.js';

export const POST_TITLE_MAX = 300;
export const POST_BODY_MAX = 20_000;
/** Images and PDF only, checked by content. */
const POST_FILE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);
export const POST_FILE_MAX_BYTES = 5 * 1024 * 1024;

export interface PostInput {
  title: string;
  body: string;
  published: boolean;
}

/**
 * The unit's CCHC news column. A post is plain text (shown escaped, paragraphs on blank lines);
 * it is unpublished or removed, never deleted; each change is audited.
 */
export function postsService({
  db,
  clock,
  uploadMaxBytes,
  onChange,
}: {
  db: Q;
  clock: Clock;
  uploadMaxBytes: number;
  onChange?: () => void | Promise<void>;
}) {
  const fileMax = Math.min(uploadMaxBytes, POST_FILE_MAX_BYTES);

  async function loadReadable(actor: Actor, id: number) {
    const p = await findPost(db, id);
    if (!p || p.removed_at !== null || !policy.readUnit(actor, p.unit_path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy bài viết.');
    return p;
  }
  async function loadWritable(actor: Actor, id: number) {
    const p = await loadReadable(actor, id);
    if (!policy.managePosts(actor, p.unit_id))
      throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới sửa được tin CCHC.');
    return p;
  }
  const clean = (input: PostInput) => {
    const title = input.title.normalize('NFC').trim();
    const body = input.body.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (!title) throw new AppError('VALIDATION', 'Chưa có tiêu đề bài viết.');
    if (title.length > POST_TITLE_MAX)
      throw new AppError('VALIDATION', `Tiêu đề tối đa ${POST_TITLE_MAX} ký tự.`);
    if (body.length > POST_BODY_MAX)
      throw new AppError('VALIDATION', `Nội dung tối đa ${POST_BODY_MAX} ký tự.`);
    return { title, body };
  };

  return {
    loadReadable,
    canManage: (actor: Actor, unitId: number) => policy.managePosts(actor, unitId),
    fileMaxBytes: fileMax,

    async list(actor: Actor, unitId: number) {
      const unit = await findUnitById(db, unitId);
      if (!unit || !policy.readUnit(actor, unit.path))
        throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
      const posts = await listPosts(db, unitId, false, 500);
      return {
        posts,
        attachments: await listAttachments(
          db,
          posts.map((p) => p.id),
        ),
      };
    },

    attachmentsOf: (postIds: number[]) => listAttachments(db, postIds),

    async create(actor: Actor, unitId: number, input: PostInput, requestId?: string) {
      const unit = await findUnitById(db, unitId);
      if (!unit || !policy.readUnit(actor, unit.path))
        throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
      if (!policy.managePosts(actor, unitId))
        throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới viết được tin CCHC.');
      const v = clean(input);
      const now = clock.now().toISOString();
      const row = await db.transaction().execute(async (tx) => {
        const r = await insertPost(tx, {
          unit_id: unitId,
          ...v,
          published: input.published ? 1 : 0,
          published_at: input.published ? now : null,
          removed_at: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await insertAudit(tx, {
          unitId,
          userId: actor.userId,
          entity: 'post',
          entityId: r.id,
          action: 'create',
          after: { title: r.title, published: r.published },
          at: now,
          requestId,
        });
        return r;
      });
      await onChange?.();
      return row;
    },

    async update(actor: Actor, id: number, input: PostInput, requestId?: string) {
      const p = await loadWritable(actor, id);
      const v = clean(input);
      const now = clock.now().toISOString();
      const published = input.published ? 1 : 0;
      const patch = {
        ...v,
        published,
        published_at: published ? (p.published === 1 ? p.published_at : now) : p.published_at,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await updatePost(tx, id, patch);
        await insertAudit(tx, {
          unitId: p.unit_id,
          userId: actor.userId,
          entity: 'post',
          entityId: id,
          action: published !== p.published ? (published ? 'publish' : 'unpublish') : 'update',
          before: { title: p.title, body: p.body, published: p.published },
          after: { title: v.title, body: v.body, published },
          at: now,
          requestId,
        });
      });
      await onChange?.();
      return { ...p, ...patch };
    },

    async remove(actor: Actor, id: number, requestId?: string) {
      const p = await loadWritable(actor, id);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await updatePost(tx, id, { removed_at: now, updated_at: now });
        await insertAudit(tx, {
          unitId: p.unit_id,
          userId: actor.userId,
          entity: 'post',
          entityId: id,
          action: 'remove',
          before: { title: p.title, published: p.published },
          at: now,
          requestId,
        });
      });
      await onChange?.();
    },

    async attach(
      actor: Actor,
      id: number,
      file: { filename: string; bytes: Uint8Array } | null,
      requestId?: string,
    ) {
      const p = await loadWritable(actor, id);
      if (!file || file.bytes.length === 0) throw new AppError('FILE_EMPTY');
      if (file.bytes.length > fileMax)
        throw new AppError('FILE_TOO_LARGE', `Tệp đính kèm tối đa ${Math.round(fileMax / 1048576)} MB.`);
      const type = sniffEvidenceType(file.bytes, file.filename);
      if (!type || !POST_FILE_TYPES.has(type.mime))
        throw new AppError('FILE_TYPE', 'Chỉ đính kèm được ảnh (JPG, PNG, GIF, WEBP) hoặc PDF.');
      const now = clock.now().toISOString();
      const sha = createHash('sha256').update(file.bytes).digest('hex');
      const row = await db.transaction().execute(async (tx) => {
        const fileId = await insertBlob(tx, sha, file.bytes);
        const a = await insertAttachment(tx, {
          post_id: id,
          file_id: fileId,
          filename: filenameForType(file.filename, type),
          mime: type.mime,
          size: file.bytes.length,
          removed_at: null,
          created_at: now,
        });
        await insertAudit(tx, {
          unitId: p.unit_id,
          userId: actor.userId,
          entity: 'post',
          entityId: id,
          action: 'attach',
          after: { attachmentId: a.id, filename: a.filename, mime: a.mime, size: a.size },
          at: now,
          requestId,
        });
        return a;
      });
      await onChange?.();
      return row;
    },

    async detach(actor: Actor, id: number, attachmentId: number, requestId?: string) {
      const p = await loadWritable(actor, id);
      const a = await findAttachment(db, attachmentId);
      if (!a || a.post_id !== p.id || a.removed_at !== null)
        throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await removeAttachment(tx, attachmentId, now);
        await insertAudit(tx, {
          unitId: p.unit_id,
          userId: actor.userId,
          entity: 'post',
          entityId: id,
          action: 'detach',
          before: { attachmentId, filename: a.filename },
          at: now,
          requestId,
        });
      });
      await onChange?.();
    },

    /** An attachment's bytes: for staff who read the post, or anyone when the post is published. */
    async file(actor: Actor | null, postId: number, attachmentId: number) {
      const p = actor ? await loadReadable(actor, postId) : await findPost(db, postId);
      if (!p || p.removed_at !== null || (!actor && p.published !== 1))
        throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
      const a = await findAttachment(db, attachmentId);
      if (!a || a.post_id !== p.id || a.removed_at !== null)
        throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
      const bytes = await readBlob(db, a.file_id);
      if (!bytes) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
      return { attachment: a, bytes };
    },
  };
}

export type PostsService = ReturnType<typeof postsService>;

export interface TransparencyData {
  unit: { code: string; name: string };
  period: TransparencyPeriod;
  figures: TransparencyFigure[];
  plan: {
    year: number;
    title: string;
    areas: { code: string; title: string; done: number; total: number; percent: number | null }[];
  } | null;
  posts: {
    id: number;
    title: string;
    body: string;
    publishedAt: string;
    attachments: { id: number; filename: string; mime: string; url: string }[];
  }[];
  generatedAt: string;
}

const PLAN_DEFINITION =
  'Số nhiệm vụ đã hoàn thành ÷ số nhiệm vụ của kế hoạch cải cách hành chính năm đang có hiệu lực (không tính nhiệm vụ không áp dụng).';

/**
 * The public transparency page of a unit: published CCHC news, the figures (injected providers)
 * and plan progress by area. Built at most every few seconds per unit (short in-process cache);
 * writers in this process clear it (`invalidate`).
 */
export function transparencyService({
  db,
  clock,
  providers,
  cacheMs = 5000,
}: {
  db: Q;
  clock: Clock;
  providers: TransparencyProviders;
  cacheMs?: number;
}) {
  type Entry = { data: TransparencyData; json: string; html?: string };
  /**
   * Per unit code: the last built page and when it goes stale, and the build in flight. A stale
   * entry is served while one rebuild runs (many concurrent requests never build it many times);
   * `invalidate` drops everything, so that a change made in this process shows at once.
   */
  let cache = new Map<string, { entry?: Entry; expires: number; building?: Promise<Entry> }>();
  const MAX_UNITS = 5000;
  // Another process's change: every change bumps a generation in the database; a process reads it
  // at most every `GENERATION_CHECK_MS` and drops its cache when it moved (ADR 008).
  const GENERATION_SCOPE = 'cache:transparency';
  const GENERATION_CHECK_MS = 1000;
  let generation = { value: -1, checkedAt: 0, reading: null as Promise<void> | null };
  async function followGeneration(now: number): Promise<void> {
    if (now - generation.checkedAt < GENERATION_CHECK_MS) return;
    generation.reading ??= readGeneration(db, GENERATION_SCOPE)
      .then((value) => {
        if (value !== generation.value) cache = new Map();
        generation = { value, checkedAt: clock.now().getTime(), reading: null };
      })
      .finally(() => {
        generation.reading = null;
      });
    await generation.reading;
  }

  async function planProgress(unitId: number, year: number) {
    const counts = await planAreaCounts(db, unitId, year);
    if (!counts) return null;
    const areas = counts.areas.map((a) => {
      const own = counts.rows.filter((r) => r.area_id === a.id);
      const total = own.filter((r) => r.status !== 'not_applicable').reduce((s, r) => s + r.n, 0);
      const done = own.filter((r) => r.status === 'done').reduce((s, r) => s + r.n, 0);
      return {
        code: a.code,
        title: a.title,
        done,
        total,
        percent: figure(done, total, PLAN_DEFINITION).value,
      };
    });
    return { year, title: counts.plan.title, areas };
  }

  /** The plan provider: tasks done ÷ tasks of the year's active plan. */
  const planFigure: FigureProvider = async (unit: TransparencyUnit, period: TransparencyPeriod) => {
    const p = await planProgress(unit.id, Number(period.to.slice(0, 4)));
    if (!p) return null;
    const done = p.areas.reduce((s, a) => s + a.done, 0);
    const total = p.areas.reduce((s, a) => s + a.total, 0);
    return figure(done, total, PLAN_DEFINITION);
  };

  async function build(code: string): Promise<{ data: TransparencyData; json: string; html?: string }> {
    const unit = await findUnitByCode(db, code);
    if (!unit || unit.archived_at !== null) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    const today = vietnamToday(clock);
    const period = { from: `${today.slice(0, 4)}-01-01`, to: today };
    const u = { id: unit.id, code: unit.code, name: unit.name };
    const [figures, plan, posts] = await Promise.all([
      buildTransparencyFigures({ plan_tasks_done: planFigure, ...providers }, u, period),
      planProgress(unit.id, Number(today.slice(0, 4))),
      listPosts(db, unit.id, true, 10),
    ]);
    const attachments = await listAttachments(
      db,
      posts.map((p) => p.id),
    );
    const data: TransparencyData = {
      unit: { code: unit.code, name: unit.name },
      period,
      figures,
      plan,
      posts: posts.map((p) => ({
        id: p.id,
        title: p.title,
        body: p.body,
        publishedAt: p.published_at ?? p.created_at,
        attachments: attachments
          .filter((a) => a.post_id === p.id)
          .map((a) => ({
            id: a.id,
            filename: a.filename,
            mime: a.mime,
            url: `/api/public/posts/${p.id}/files/${a.id}`,
          })),
      })),
      generatedAt: clock.now().toISOString(),
    };
    return { data, json: JSON.stringify(data) };
  }

  return {
    /** The page's data, its JSON text and (once rendered) its HTML, cached briefly per unit code. */
    async get(codeRaw: string): Promise<Entry> {
      const code = codeRaw.trim();
      const now = clock.now().getTime();
      await followGeneration(now);
      const slot = cache.get(code);
      if (slot?.entry && slot.expires > now) return slot.entry;
      if (slot?.building) return slot.entry ?? slot.building;
      const map = cache;
      const building = build(code).then(
        (entry) => {
          if (map.get(code)?.building === building)
            map.set(code, { entry, expires: clock.now().getTime() + cacheMs });
          return entry;
        },
        (e: unknown) => {
          if (map.get(code)?.building === building) map.delete(code);
          throw e;
        },
      );
      if (!slot && map.size >= MAX_UNITS) {
        const oldest = map.keys().next().value;
        if (oldest !== undefined) map.delete(oldest);
      }
      map.set(code, { ...(slot?.entry ? { entry: slot.entry } : {}), expires: slot?.expires ?? 0, building });
      return slot?.entry ?? building;
    },
    /** Drops the page cache here and, through the generation, in every other process. */
    async invalidate(): Promise<void> {
      cache = new Map();
      generation.value = await takeNumbers(db, GENERATION_SCOPE);
    },
  };
}

export type TransparencyService = ReturnType<typeof transparencyService>;
