import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { dateOfMoment } from '../../core/calendar/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import {
  DEFAULT_FEEDBACK_DEADLINES,
  addFeedbackDays,
  allowedActions,
  checkAction,
  currentDue,
  deadlinesFromReceipt,
  dueState,
  feedbackCode,
  foldForSearch,
  isFeedbackStatus,
  looksVietnamese,
  nextStatus,
} from '../../core/feedback/index.js';
import type {
  DueState,
  FeedbackCategory,
  FeedbackDeadlineSettings,
  FeedbackSource,
  FeedbackStatus,
} from '../../core/feedback/index.js';
import { FEEDBACK_DEFINITIONS, feedbackRates } from '../../core/metrics/index.js';
import type { FeedbackRates } from '../../core/metrics/index.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { filenameForType, safeFilename, sniffEvidenceType } from '../../lib/file-type.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { CalendarService } from '../calendar/service.js';
import { counterScope, takeNumbers } from '../counters/repository.js';
import { sharedSecret, useChallenge } from '../runtime/repository.js';
import { findUnitById, listUnitSubtree } from '../units/repository.js';
import { findUserById } from '../users/repository.js';
import type { FeedbackCountsRow, FeedbackWithScope } from './repository.js';
import { insertBlob, readBlob } from '../files/repository.js';
import {
  feedbackCountsSql,
  findFeedback,
  findFeedbackByToken,
  findSettings,
  findTemplate,
  insertAttachment,
  insertFeedback,
  insertFeedbackEvent,
  insertTemplate,
  listAttachments,
  listFeedback,
  listFeedbackEvents,
  listPublished,
  listTemplates,
  logFeedbackAccess,
  lockFeedback,
  openFeedbackByUnit,
  updateFeedback,
  updateTemplate,
  upsertSettings,
} from './repository.js';

/** Attachments: images or PDF, by content; at most 3 of at most 5 MB each. */
export const FEEDBACK_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const FEEDBACK_MAX_FILES = 3;
const ATTACHMENT_MIMES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** A challenge answered sooner than this after it was issued is a script, not a person. */
export const CHALLENGE_MIN_AGE_MS = 2_000;
export const CHALLENGE_MAX_AGE_MS = 60 * 60_000;

export interface SenderInput {
  name: string;
  address: string;
  phone: string;
  email?: string | null | undefined;
  idNumber?: string | null | undefined;
}

export interface SubmitInput {
  unitId: number;
  sender: SenderInput;
  title: string;
  content: string;
}

export interface StaffEntryInput extends SubmitInput {
  source: FeedbackSource;
  externalCode?: string | null | undefined;
  /** Defaults to now; the day the letter, call or portal item arrived. */
  receivedAt?: string | undefined;
}

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

export type ActionInput =
  | { kind: 'classify'; category: FeedbackCategory; note?: string | null | undefined }
  | { kind: 'forward'; to: string; note?: string | null | undefined }
  | { kind: 'assign'; assigneeId: number }
  | { kind: 'answer'; text: string }
  | { kind: 'return'; reason: string }
  | { kind: 'approve'; note?: string | null | undefined }
  | { kind: 'publish'; title: string; content: string; answer: string }
  | { kind: 'withdraw'; reason: string };

export interface FeedbackFigures {
  period: { from: string; to: string };
  counts: FeedbackCountsRow;
  rates: FeedbackRates;
  definitions: typeof FEEDBACK_DEFINITIONS;
}

export interface FeedbackDeps {
  db: Q;
  clock: Clock;
  calendar: CalendarService;
  /**
   * The challenges' signing key, the same for every process (`CCHC_SECRET`); without one, a key
   * generated once and kept in the database (the single-process demo), ADR 008.
   */
  secret?: string | null | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (s: string) => Date.parse(s);
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const nfc = (s: string) => s.normalize('NFC').trim();
const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** The Vietnam-day bounds of a period given as dates. */
export function periodOf(from: string, to: string): { fromIso: string; toIso: string } {
  const a = Date.parse(`${from}T00:00:00+07:00`);
  const b = Date.parse(`${to}T23:59:59.999+07:00`);
  if (Number.isNaN(a) || Number.isNaN(b) || a > b)
    throw new AppError('VALIDATION', 'Kỳ số liệu không hợp lệ: ngày đầu phải không sau ngày cuối.');
  return { fromIso: iso(a), toIso: iso(b) };
}

export function feedbackService({ db, clock, calendar, secret: configured }: FeedbackDeps) {
  let key: Promise<Buffer> | null = null;
  const signingKey = () =>
    (key ??= (
      configured
        ? Promise.resolve(configured)
        : sharedSecret(db, 'feedback_challenge', clock.now().toISOString())
    ).then((k) => createHash('sha256').update(`feedback_challenge:${k}`).digest())).catch((e: unknown) => {
      key = null;
      throw e;
    });

  async function readableUnit(actor: Actor, unitId: number) {
    const unit = await findUnitById(db, unitId);
    if (!unit || !policy.readUnit(actor, unit.path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  async function loadReadable(actor: Actor, id: number): Promise<FeedbackWithScope> {
    const f = await findFeedback(db, id);
    if (!f || !policy.readUnit(actor, f.unit_path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị.');
    return f;
  }

  /** The unit's limits: its own, else the nearest ancestor's, else the defaults of domain.md §8. */
  async function settingsFor(
    unitId: number,
  ): Promise<FeedbackDeadlineSettings & { inheritedFrom: 'default' | 'own' | number }> {
    const unit = await findUnitById(db, unitId);
    if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    const chain = unit.path.split('/').filter(Boolean).map(Number);
    const rows = await findSettings(db, chain);
    for (const id of [...chain].reverse()) {
      const r = rows.find((x) => x.unit_id === id);
      if (r)
        return {
          classifyDays: r.classify_days,
          forwardDays: r.forward_days,
          answerDays: r.answer_days,
          publishDays: r.publish_days,
          inheritedFrom: id === unit.id ? 'own' : id,
        };
    }
    return { ...DEFAULT_FEEDBACK_DEADLINES, inheritedFrom: 'default' };
  }

  const calendarOf = async (unitId: number): Promise<WorkingCalendar> =>
    (await calendar.forUnit(unitId)).calendar;

  function rightsOf(actor: Actor, unitId: number) {
    return { handle: policy.handleFeedback(actor, unitId), approve: policy.approveFeedback(actor, unitId) };
  }

  async function dueOf(f: FeedbackWithScope, cal?: WorkingCalendar): Promise<DueState> {
    if (!f.due_at) return 'none';
    return dueState(ms(f.due_at), clock.now().getTime(), cal ?? (await calendarOf(f.unit_id)));
  }

  /** Receives one item (public form or staff entry) in one transaction; returns the secret link token. */
  async function create(
    unitId: number,
    input: SubmitInput,
    source: FeedbackSource,
    meta: {
      actorId: number | null;
      externalCode?: string | null | undefined;
      receivedAt?: number | undefined;
      requestId?: string | undefined;
    },
    files: UploadedFile[],
  ) {
    const unit = await findUnitById(db, unitId);
    if (!unit || unit.archived_at) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị nhận phản ánh.');
    const now = clock.now();
    const receivedMs = meta.receivedAt ?? now.getTime();
    if (Number.isNaN(receivedMs) || receivedMs > now.getTime() + 60_000)
      throw new AppError('VALIDATION', 'Thời điểm tiếp nhận không được ở tương lai.');
    const checked = files.map((f) => {
      if (f.bytes.length === 0)
        throw new AppError('FILE_EMPTY', `Tệp đính kèm "${safeFilename(f.filename)}" rỗng.`);
      if (f.bytes.length > FEEDBACK_FILE_MAX_BYTES)
        throw new AppError(
          'FILE_TOO_LARGE',
          `Tệp đính kèm "${safeFilename(f.filename)}" vượt quá 5 MB cho phép.`,
        );
      const type = sniffEvidenceType(f.bytes, f.filename);
      if (!type || !ATTACHMENT_MIMES.has(type.mime))
        throw new AppError(
          'FEEDBACK_FILE_TYPE',
          `Tệp "${safeFilename(f.filename)}" không phải ảnh (JPG, PNG, GIF, WEBP) hay PDF: hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp.`,
        );
      return { ...f, mime: type.mime, filename: filenameForType(f.filename, type) };
    });
    const [settings, cal] = await Promise.all([settingsFor(unit.id), calendarOf(unit.id)]);
    const d = deadlinesFromReceipt(receivedMs, settings, cal);
    const token = randomBytes(24).toString('base64url');
    const day = dateOfMoment(receivedMs);
    const s = input.sender;
    const row = await db.transaction().execute(async (tx) => {
      // Public form and staff entry share the day's sequence: one atomic step (ADR 008).
      const seq = await takeNumbers(tx, counterScope.feedbackCode(unit.code, day));
      const r = await insertFeedback(tx, {
        unit_id: unit.id,
        code: feedbackCode(unit.code, receivedMs, seq),
        source,
        external_code: meta.externalCode?.trim() || null,
        sender_name: nfc(s.name),
        sender_address: nfc(s.address),
        sender_phone: s.phone.trim(),
        sender_email: s.email?.trim() || null,
        sender_id_number: s.idNumber?.trim() || null,
        title: nfc(input.title),
        content: input.content.normalize('NFC').trim(),
        status: 'received',
        received_at: iso(receivedMs),
        classify_due_at: iso(d.classifyDue),
        forward_due_at: iso(d.forwardDue),
        answer_due_at: iso(d.answerDue),
        due_at: iso(d.classifyDue),
        tracking_token_hash: sha(token),
        created_by: meta.actorId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      for (const f of checked) {
        const blobId = await insertBlob(tx, sha256Bytes(f.bytes), f.bytes);
        await insertAttachment(tx, {
          feedback_id: r.id,
          blob_id: blobId,
          filename: f.filename,
          mime: f.mime,
          size: f.bytes.length,
          created_at: now.toISOString(),
        });
      }
      await insertFeedbackEvent(tx, {
        feedback_id: r.id,
        kind: 'received',
        at: iso(receivedMs),
        data_json: JSON.stringify({ source, externalCode: r.external_code, attachments: checked.length }),
        late: 0,
        actor_id: meta.actorId,
      });
      await insertAudit(tx, {
        unitId: unit.id,
        userId: meta.actorId,
        entity: 'feedback',
        entityId: r.id,
        action: 'receive',
        after: { code: r.code, source, externalCode: r.external_code },
        at: now.toISOString(),
        requestId: meta.requestId ?? null,
      });
      return r;
    });
    return { row, token };
  }

  /** The counts and rates of a period over a unit (or its subtree). */
  async function countFigures(
    path: string,
    unitId: number | undefined,
    from: string,
    to: string,
  ): Promise<FeedbackFigures> {
    const { fromIso, toIso } = periodOf(from, to);
    const counts = await feedbackCountsSql(db, { path, unitId }, fromIso, toIso, clock.now().toISOString());
    return {
      period: { from, to },
      counts,
      rates: feedbackRates({
        received: counts.received,
        answered: counts.answered,
        answeredOnTime: counts.answeredOnTime,
        published: counts.published,
      }),
      definitions: FEEDBACK_DEFINITIONS,
    };
  }

  return {
    loadReadable,
    settingsFor,
    rightsOf,
    dueOf,
    seesPersonalData: (actor: Actor, unitId: number) => policy.handleFeedback(actor, unitId),

    // ---------------------------------------------------------------- public side

    /** A light challenge: a sum to work out, signed by the server, usable once, not too fast. */
    async issueChallenge(): Promise<{ token: string; question: string }> {
      const a = randomInt(1, 10);
      const b = randomInt(1, 10);
      const body = b64(JSON.stringify({ a, b, t: clock.now().getTime(), n: randomBytes(8).toString('hex') }));
      const mac = createHmac('sha256', await signingKey())
        .update(body)
        .digest('base64url');
      return { token: `${body}.${mac}`, question: `${a} + ${b} = ?` };
    },

    /** Checks a challenge's signature, age and answer, and uses it up (for every process). */
    async checkChallenge(token: string, answer: string): Promise<void> {
      const [body, mac] = token.split('.');
      if (!body || !mac) throw new AppError('FEEDBACK_CHALLENGE');
      const expected = createHmac('sha256', await signingKey())
        .update(body)
        .digest();
      const given = Buffer.from(mac, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new AppError('FEEDBACK_CHALLENGE');
      let c: { a: number; b: number; t: number; n: string };
      try {
        c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof c;
      } catch {
        throw new AppError('FEEDBACK_CHALLENGE');
      }
      const age = clock.now().getTime() - c.t;
      if (age < CHALLENGE_MIN_AGE_MS)
        throw new AppError(
          'FEEDBACK_CHALLENGE',
          'Bạn gửi quá nhanh sau khi mở biểu mẫu. Vui lòng kiểm tra lại nội dung rồi gửi lại.',
        );
      if (age > CHALLENGE_MAX_AGE_MS) throw new AppError('FEEDBACK_CHALLENGE');
      if (Number(answer.trim()) !== c.a + c.b) throw new AppError('FEEDBACK_CHALLENGE');
      if (!(await useChallenge(db, c.n, new Date(c.t + CHALLENGE_MAX_AGE_MS).toISOString())))
        throw new AppError('FEEDBACK_CHALLENGE');
    },

    /** A citizen's submission through the public form (challenge and honeypot checked by the caller). */
    async submit(input: SubmitInput, files: UploadedFile[], requestId?: string) {
      if (!looksVietnamese(`${input.title} ${input.content}`))
        throw new AppError(
          'VALIDATION',
          'Theo Nghị định 20/2008/NĐ-CP, phản ánh, kiến nghị phải viết bằng tiếng Việt.',
        );
      return create(input.unitId, input, 'web', { actorId: null, requestId }, files);
    },

    /** Units a citizen may address (every unit that is not archived). */
    async publicUnits() {
      const all = await listUnitSubtree(db, '/');
      return all.filter((u) => !u.archived_at).map((u) => ({ id: u.id, code: u.code, name: u.name }));
    },

    async track(token: string) {
      const f = await findFeedbackByToken(db, sha(token));
      if (!f)
        throw new AppError(
          'NOT_FOUND',
          'Liên kết theo dõi không hợp lệ. Vui lòng kiểm tra lại đường dẫn đã nhận khi gửi.',
        );
      return f;
    },

    /** The steps a sender may see on the tracking page (kind and moment only). */
    async publicEvents(feedbackId: number) {
      return (await listFeedbackEvents(db, feedbackId)).map((e) => ({ kind: e.kind, at: e.at }));
    },

    async published(q: {
      search?: string | undefined;
      unitId?: number | undefined;
      page: number;
      pageSize: number;
    }) {
      const folded = q.search ? foldForSearch(q.search).replace(/[%_\\]/g, ' ') : undefined;
      return listPublished(db, {
        folded,
        unitId: q.unitId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
    },

    // ---------------------------------------------------------------- staff side

    /** An item entered by staff from a phone call, a letter or a portal (1022), keeping its source and code. */
    async enter(actor: Actor, input: StaffEntryInput, requestId?: string) {
      const unit = await readableUnit(actor, input.unitId);
      if (!policy.handleFeedback(actor, unit.id)) throw new AppError('FORBIDDEN');
      if (input.source === 'portal_1022' && !input.externalCode?.trim())
        throw new AppError('VALIDATION', 'Phản ánh từ Cổng 1022 cần ghi mã phản ánh trên cổng.');
      const receivedAt = input.receivedAt ? ms(input.receivedAt) : undefined;
      return (
        await create(
          unit.id,
          input,
          input.source,
          { actorId: actor.userId, externalCode: input.externalCode, receivedAt, requestId },
          [],
        )
      ).row;
    },

    async list(
      actor: Actor,
      f: {
        unitId?: number | undefined;
        subtree?: boolean | undefined;
        status?: string | undefined;
        state?: 'open' | 'overdue' | 'closed' | undefined;
        search?: string | undefined;
        limit: number;
        offset: number;
      },
    ) {
      const unit = await readableUnit(actor, f.unitId ?? actor.unitId);
      if (f.status && !isFeedbackStatus(f.status))
        throw new AppError('VALIDATION', 'Trạng thái không hợp lệ.');
      return listFeedback(db, {
        path: unit.path,
        unitId: f.subtree ? undefined : unit.id,
        status: f.status,
        state: f.state,
        now: clock.now().toISOString(),
        search: f.search,
        limit: f.limit,
        offset: f.offset,
      });
    },

    /** Open items past their step's deadline, and those within 2 working days of it. */
    async dueLists(actor: Actor, unitId: number, subtree: boolean) {
      const rows = await this.list(actor, { unitId, subtree, state: 'open', limit: 1000, offset: 0 });
      const cals = new Map<number, WorkingCalendar>();
      const overdue: { item: FeedbackWithScope; due: DueState }[] = [];
      const dueSoon: { item: FeedbackWithScope; due: DueState }[] = [];
      for (const f of rows) {
        let cal = cals.get(f.unit_id);
        if (!cal) cals.set(f.unit_id, (cal = await calendarOf(f.unit_id)));
        const due = await dueOf(f, cal);
        if (due === 'overdue') overdue.push({ item: f, due });
        else if (due === 'due_soon') dueSoon.push({ item: f, due });
      }
      return { overdue, dueSoon };
    },

    async withDue(rows: FeedbackWithScope[]) {
      const cals = new Map<number, WorkingCalendar>();
      const out: { item: FeedbackWithScope; due: DueState }[] = [];
      for (const f of rows) {
        let cal = cals.get(f.unit_id);
        if (!cal && f.due_at) cals.set(f.unit_id, (cal = await calendarOf(f.unit_id)));
        out.push({ item: f, due: await dueOf(f, cal) });
      }
      return out;
    },

    async detail(actor: Actor, id: number) {
      const f = await loadReadable(actor, id);
      const full = policy.handleFeedback(actor, f.unit_id);
      if (full)
        await logFeedbackAccess(db, {
          userId: actor.userId,
          unitId: f.unit_id,
          detail: `Xem phản ánh ${f.code}`,
          at: clock.now().toISOString(),
        });
      const [events, attachments, due] = await Promise.all([
        listFeedbackEvents(db, f.id),
        listAttachments(db, f.id),
        dueOf(f),
      ]);
      const actions = allowedActions(f.status as FeedbackStatus, rightsOf(actor, f.unit_id));
      return { f, full, events, attachments, due, actions };
    },

    async attachment(actor: Actor, id: number, attachmentId: number) {
      const f = await loadReadable(actor, id);
      if (!policy.handleFeedback(actor, f.unit_id))
        throw new AppError('FORBIDDEN', 'Chỉ cán bộ xử lý phản ánh của đơn vị mới xem được tệp đính kèm.');
      const a = (await listAttachments(db, f.id)).find((x) => x.id === attachmentId);
      if (!a) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
      const bytes = await readBlob(db, a.blob_id);
      if (!bytes) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
      await logFeedbackAccess(db, {
        userId: actor.userId,
        unitId: f.unit_id,
        detail: `Tải tệp đính kèm của phản ánh ${f.code}`,
        at: clock.now().toISOString(),
      });
      return { ...a, bytes };
    },

    /** One workflow step, checked by core/feedback; every step is audited and kept as an event. */
    async act(actor: Actor, id: number, input: ActionInput, requestId?: string): Promise<void> {
      const f = await loadReadable(actor, id);
      const status = f.status as FeedbackStatus;
      const rights = rightsOf(actor, f.unit_id);
      const problem = checkAction(status, input.kind, rights);
      const forbidden =
        !rights.handle || ((input.kind === 'approve' || input.kind === 'return') && !rights.approve);
      if (problem) throw new AppError(forbidden ? 'FORBIDDEN' : 'CONFLICT', problem);
      const now = clock.now();
      const nowMs = now.getTime();
      const nowIso = now.toISOString();
      const next = nextStatus(status, input.kind, input.kind === 'classify' ? input.category : undefined);
      const patch: Record<string, unknown> = { status: next, updated_at: nowIso };
      let late = false;
      const { kind, ...data } = input;
      switch (input.kind) {
        case 'classify':
          patch.category = input.category;
          patch.classify_note = input.note?.trim() || null;
          late = nowMs > ms(f.classify_due_at);
          break;
        case 'forward':
          patch.forwarded_to = nfc(input.to);
          late = nowMs > ms(f.forward_due_at);
          break;
        case 'assign': {
          const user = await findUserById(db, input.assigneeId);
          if (!user || user.unit_id !== f.unit_id || user.active !== 1)
            throw new AppError('VALIDATION', 'Người được phân công phải là cán bộ đang làm việc tại đơn vị.');
          patch.assignee_id = user.id;
          break;
        }
        case 'answer':
          patch.answer_text = input.text.normalize('NFC').trim();
          patch.answered_by = actor.userId;
          patch.answered_at = nowIso;
          break;
        case 'return':
          break;
        case 'approve': {
          const [settings, cal] = await Promise.all([settingsFor(f.unit_id), calendarOf(f.unit_id)]);
          late = nowMs > ms(f.answer_due_at);
          patch.approved_by = actor.userId;
          patch.approved_at = nowIso;
          patch.answered_on_time = late ? 0 : 1;
          patch.publish_due_at = iso(addFeedbackDays(nowMs, settings.publishDays, cal));
          break;
        }
        case 'publish': {
          const title = nfc(input.title);
          const content = input.content.normalize('NFC').trim();
          const answer = input.answer.normalize('NFC').trim();
          patch.published_title = title;
          patch.published_content = content;
          patch.published_answer = answer;
          patch.published_at = nowIso;
          patch.publish_withdrawn_at = null;
          patch.search_text = foldForSearch(`${f.code} ${title} ${content} ${answer} ${f.unit_name}`);
          late = f.publish_due_at !== null && nowMs > ms(f.publish_due_at) && f.published_at === null;
          break;
        }
        case 'withdraw':
          patch.publish_withdrawn_at = nowIso;
          break;
      }
      const deadlines = {
        classifyDue: ms(f.classify_due_at),
        forwardDue: ms(f.forward_due_at),
        answerDue: ms(f.answer_due_at),
      };
      const publishDue = (patch.publish_due_at as string | undefined) ?? f.publish_due_at;
      const due = currentDue(next, deadlines, publishDue ? ms(publishDue) : null);
      patch.due_at = due === null ? null : iso(due);
      if (due === null && f.closed_at === null) patch.closed_at = nowIso;
      await db.transaction().execute(async (tx) => {
        // The step was decided on the row as read above: if another handler moved it on meanwhile,
        // refuse rather than apply a transition from a state that is gone.
        const cur = await lockFeedback(tx, f.id);
        if (!cur || cur.status !== f.status || cur.updated_at !== f.updated_at)
          throw new AppError('CHANGED_MEANWHILE');
        await updateFeedback(tx, f.id, patch);
        await insertFeedbackEvent(tx, {
          feedback_id: f.id,
          kind,
          at: nowIso,
          data_json: JSON.stringify(data),
          late: late ? 1 : 0,
          actor_id: actor.userId,
        });
        await insertAudit(tx, {
          unitId: f.unit_id,
          userId: actor.userId,
          entity: 'feedback',
          entityId: f.id,
          action: kind,
          before: { status },
          after: { status: next, ...data },
          at: nowIso,
          requestId: requestId ?? null,
        });
      });
    },

    // ---------------------------------------------------------------- templates and settings

    async templates(actor: Actor, unitId: number) {
      const unit = await readableUnit(actor, unitId);
      return listTemplates(db, unit.id);
    },

    async saveTemplate(
      actor: Actor,
      unitId: number,
      input: { title: string; body: string },
      id?: number,
      requestId?: string,
    ) {
      const unit = await readableUnit(actor, unitId);
      if (!policy.handleFeedback(actor, unit.id)) throw new AppError('FORBIDDEN');
      const now = clock.now().toISOString();
      const values = { title: nfc(input.title), body: input.body.normalize('NFC').trim(), updated_at: now };
      if (id !== undefined) {
        const old = await findTemplate(db, id);
        if (!old || old.unit_id !== unit.id || old.removed_at)
          throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu trả lời.');
      }
      return db.transaction().execute(async (tx) => {
        let row;
        if (id !== undefined) {
          await updateTemplate(tx, id, values);
          row = { ...(await findTemplate(tx, id))! };
        } else
          row = await insertTemplate(tx, {
            ...values,
            unit_id: unit.id,
            removed_at: null,
            created_by: actor.userId,
            created_at: now,
          });
        await insertAudit(tx, {
          unitId: unit.id,
          userId: actor.userId,
          entity: 'feedback_template',
          entityId: row.id,
          action: id ? 'update' : 'create',
          after: values,
          at: now,
          requestId: requestId ?? null,
        });
        return row;
      });
    },

    async removeTemplate(actor: Actor, id: number, requestId?: string) {
      const old = await findTemplate(db, id);
      const unit = old ? await findUnitById(db, old.unit_id) : undefined;
      if (!old || !unit || old.removed_at || !policy.readUnit(actor, unit.path))
        throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu trả lời.');
      if (!policy.handleFeedback(actor, unit.id)) throw new AppError('FORBIDDEN');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await updateTemplate(tx, id, { removed_at: now, updated_at: now });
        await insertAudit(tx, {
          unitId: unit.id,
          userId: actor.userId,
          entity: 'feedback_template',
          entityId: id,
          action: 'remove',
          before: { title: old.title },
          at: now,
          requestId: requestId ?? null,
        });
      });
    },

    async settings(actor: Actor, unitId: number) {
      const unit = await readableUnit(actor, unitId);
      return settingsFor(unit.id);
    },

    /** Only the unit's own handlers change its limits; existing items keep the deadlines they were given. */
    async saveSettings(actor: Actor, unitId: number, s: FeedbackDeadlineSettings, requestId?: string) {
      const unit = await readableUnit(actor, unitId);
      if (!policy.handleFeedback(actor, unit.id)) throw new AppError('FORBIDDEN');
      const before = await settingsFor(unit.id);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await upsertSettings(tx, {
          unit_id: unit.id,
          classify_days: s.classifyDays,
          forward_days: s.forwardDays,
          answer_days: s.answerDays,
          publish_days: s.publishDays,
          updated_at: now,
        });
        await insertAudit(tx, {
          unitId: unit.id,
          userId: actor.userId,
          entity: 'feedback_settings',
          entityId: unit.id,
          action: 'update',
          before,
          after: s,
          at: now,
          requestId: requestId ?? null,
        });
      });
      return settingsFor(unit.id);
    },

    // ---------------------------------------------------------------- figures

    /**
     * PAKN figures of a period (dates 'YYYY-MM-DD', Vietnam days, both included) over one unit
     * (`unitId`) or its whole subtree (`{ unitId, subtree: true }`). No caller check: for the plan
     * page and the public transparency page, which decide themselves what they show.
     */
    async figures(
      scope: number | { unitId: number; subtree?: boolean | undefined },
      from: string,
      to: string,
    ): Promise<FeedbackFigures> {
      const unitId = typeof scope === 'number' ? scope : scope.unitId;
      const subtree = typeof scope === 'number' ? false : scope.subtree === true;
      const unit = await findUnitById(db, unitId);
      if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
      return countFigures(unit.path, subtree ? undefined : unit.id, from, to);
    },

    /** Open and overdue feedback per unit under a path (the dashboards check the caller's scope). */
    openByUnit: (path: string, now: string) => openFeedbackByUnit(db, path, now),

    /** The same figures for a signed-in caller who reads the unit. */
    async figuresFor(
      actor: Actor,
      unitId: number,
      from: string,
      to: string,
      subtree: boolean,
    ): Promise<FeedbackFigures> {
      const unit = await readableUnit(actor, unitId);
      return countFigures(unit.path, subtree ? undefined : unit.id, from, to);
    },
  };
}

function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type FeedbackService = ReturnType<typeof feedbackService>;
