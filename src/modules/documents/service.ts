/**
 * The document register (sổ văn bản đi / đến, issue 13 item 1): registering outgoing documents
 * with the next number of their book (Decree 30: restarting each year, unique and gapless),
 * incoming documents with their arrival number; attaching a file, whose PDF signatures are
 * verified against the installation's trusted roots (item 2); cancelling with a reason, never
 * deleting; every change audited. The figures (item 3) are `figures(scope, from, to)`.
 */
import { createHash } from 'node:crypto';
import {
  CHANNELS,
  CHANNEL_LABELS,
  DOCUMENT_TYPES,
  FORMS,
  FORM_LABELS,
  bookFor,
  documentFiguresFromCounts,
  numberSymbol,
} from '../../core/documents/index.js';
import type { Book, Direction, DocumentFigures } from '../../core/documents/index.js';
import {
  countsAsSigned,
  describeCertificate,
  parseCertificate,
  verifyPdfSignatures,
} from '../../core/pdf-signature/index.js';
import type { PdfVerification, SignatureStatus } from '../../core/pdf-signature/index.js';
import { foldForSearch } from '../../core/feedback/text.js';
import { addDays } from '../../core/calendar/index.js';
import type { UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { filenameForType, sniffEvidenceType } from '../../lib/file-type.js';
import { parseJson } from '../../lib/json.js';
import { insertAudit, listAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { insertBlob, readBlob } from '../files/repository.js';
import { findUnitById } from '../units/repository.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { DocumentWithUnit } from './repository.js';
import {
  countDocuments,
  documentCounts,
  findDocument,
  findTrustedRoot,
  findTrustedRootByFingerprint,
  insertDocument,
  insertTrustedRoot,
  listDocuments,
  listTrustedRoots,
  nextNumber,
  trustedRootsChangedAt,
  updateDocument,
  updateTrustedRoot,
} from './repository.js';
import type { DocumentQuery, PatchBody, RegisterBody } from './schema.js';
import { presentDocument, presentTrustedRoot, presentVerification } from './presenter.js';

export interface DocumentsDeps {
  db: Q;
  clock: Clock;
  uploadMaxBytes: number;
  /** Called after any change the public figures show (the transparency page's cache). */
  onChange?: (() => void | Promise<void>) | undefined;
}

export type FiguresScope = number | { unitId: number; subtree: boolean };

const PAGE_SIZE = 50;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The text the register's search reads: number, summary, sender, recipients, folded. */
export function searchTextOf(d: {
  number_text: string;
  summary: string;
  sender?: string | null;
  recipients?: string | null;
  handling_unit?: string | null;
  signer?: string | null;
}): string {
  return foldForSearch(
    [d.number_text, d.summary, d.sender, d.recipients, d.handling_unit, d.signer].filter(Boolean).join(' | '),
  );
}

/** A new entry's columns before any file, verdict or cancellation. */
export const NO_FILE_YET = {
  file_blob_id: null,
  file_name: null,
  file_mime: null,
  file_size: null,
  sig_status: null,
  sig_json: null,
  sig_checked_at: null,
  status: 'active',
  cancel_reason: null,
  cancelled_at: null,
  cancelled_by: null,
} as const;

/** The verdict as stored on the row, and whether the attached file counts as digitally signed. */
export function verificationColumns(v: PdfVerification, at: string) {
  const good = v.signatures.find((s) => countsAsSigned(s.status));
  return {
    sig_status: v.status,
    sig_json: JSON.stringify(v.signatures),
    sig_checked_at: at,
    signedByFile: v.signatures.some((s) => countsAsSigned(s.status)),
    signerOfFile: good?.signer
      ? [good.signer.commonName, good.signer.organization].filter(Boolean).join(' — ') || null
      : null,
  };
}

export function documentsService({ db, clock, uploadMaxBytes, onChange }: DocumentsDeps) {
  const today = () => vietnamToday(clock);

  async function readableUnit(actor: Actor, unitId: number): Promise<UnitRow> {
    const unit = await findUnitById(db, unitId);
    if (!unit || !policy.readUnit(actor, unit.path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  async function loadReadable(actor: Actor, id: number): Promise<DocumentWithUnit> {
    const d = await findDocument(db, id);
    if (!d || !policy.readUnit(actor, d.unit_path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
    return d;
  }

  async function loadWritable(actor: Actor, id: number): Promise<DocumentWithUnit> {
    const d = await loadReadable(actor, id);
    if (!policy.manageDocuments(actor, d.unit_id))
      throw new AppError(
        'FORBIDDEN',
        'Chỉ văn thư, cán bộ của chính đơn vị mới sửa được sổ văn bản của đơn vị.',
      );
    if (d.status === 'cancelled') throw new AppError('DOCUMENT_CANCELLED');
    return d;
  }

  /** Administrators of a top-level unit keep the installation's trusted roots. */
  async function mayManageRoots(actor: Actor): Promise<boolean> {
    const unit = await findUnitById(db, actor.unitId);
    return policy.manageTrustedRoots(actor, unit !== undefined && unit.parent_id === null);
  }

  async function trustedRootDers(): Promise<Uint8Array[]> {
    return (await listTrustedRoots(db)).map((r) => new Uint8Array(r.der));
  }

  /** The signatures of a PDF against the installation's trusted roots. */
  async function verifyBytes(bytes: Uint8Array): Promise<PdfVerification> {
    return verifyPdfSignatures(bytes, { trustedRoots: await trustedRootDers(), now: clock.now() });
  }

  async function audit(
    tx: Q,
    actor: Actor | null,
    d: { id: number; unit_id: number },
    action: string,
    before: unknown,
    after: unknown,
    requestId?: string,
  ) {
    await insertAudit(tx, {
      unitId: d.unit_id,
      userId: actor?.userId ?? null,
      entity: 'document',
      entityId: d.id,
      action,
      before,
      after,
      at: clock.now().toISOString(),
      requestId: requestId ?? null,
    });
  }

  /** The figures over a unit (or its subtree) and dates, as of today for a period not yet over. */
  async function figures(scope: FiguresScope, from: string, to: string): Promise<DocumentFigures> {
    const s = typeof scope === 'number' ? { unitId: scope, subtree: false } : scope;
    const unit = await findUnitById(db, s.unitId);
    if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    const day = today();
    const asOf = to < day ? to : day;
    const counts = await documentCounts(
      db,
      { path: unit.path, unitId: s.subtree ? undefined : unit.id },
      from,
      to,
      asOf,
    );
    return documentFiguresFromCounts(counts);
  }

  const service = {
    loadReadable,
    figures,
    verifyBytes,

    /** Registers a document: an outgoing one gets the next number of its book, atomically. */
    async register(actor: Actor, input: RegisterBody, requestId?: string) {
      const unit = await readableUnit(actor, input.unitId ?? actor.unitId);
      if (!policy.manageDocuments(actor, unit.id))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ văn thư, cán bộ của chính đơn vị mới vào sổ văn bản của đơn vị.',
        );
      const day = today();
      const direction: Direction = input.direction;
      const confidential = input.confidential === true;
      const book: Book = bookFor(direction, confidential);
      const documentDate = input.documentDate ?? day;
      const receivedOn = direction === 'incoming' ? (input.receivedOn ?? day) : null;
      if (documentDate > day) throw new AppError('VALIDATION', 'Ngày văn bản không được ở tương lai.');
      if (receivedOn !== null && (receivedOn > day || receivedOn < documentDate))
        throw new AppError('VALIDATION', 'Ngày đến phải từ ngày văn bản đến hôm nay.');
      if (direction === 'incoming' && !input.numberText?.trim())
        throw new AppError('VALIDATION', 'Hãy ghi số, ký hiệu của văn bản đến (như in trên văn bản).');
      if (direction === 'incoming' && !input.sender?.trim())
        throw new AppError('VALIDATION', 'Hãy ghi cơ quan, đơn vị gửi văn bản đến.');
      if (input.handledOn && receivedOn && input.handledOn < receivedOn)
        throw new AppError('VALIDATION', 'Ngày xử lý không được trước ngày đến.');
      if (input.signed && input.form === 'paper')
        throw new AppError('VALIDATION', 'Văn bản giấy không có chữ ký số: hãy chọn hình thức điện tử.');
      const year = Number((direction === 'outgoing' ? documentDate : receivedOn!).slice(0, 4));
      const now = clock.now().toISOString();
      const issuer = input.issuer?.trim() || unit.code;
      try {
        const row = await db.transaction().execute(async (tx) => {
          const number = await nextNumber(tx, unit.id, year, book);
          const numberText =
            direction === 'outgoing' ? numberSymbol(number, input.docType, issuer) : input.numberText!.trim();
          const values = {
            unit_id: unit.id,
            direction,
            book,
            year,
            number,
            number_text: numberText,
            doc_type: input.docType,
            document_date: documentDate,
            received_on: receivedOn,
            summary: input.summary.normalize('NFC').trim(),
            sender: direction === 'incoming' ? input.sender!.trim() : null,
            recipients: direction === 'outgoing' ? input.recipients?.trim() || null : null,
            handling_unit: direction === 'incoming' ? input.handlingUnit?.trim() || null : null,
            due_date: direction === 'incoming' ? (input.dueDate ?? null) : null,
            handled_on: direction === 'incoming' ? (input.handledOn ?? null) : null,
            form: input.form,
            signed: input.signed ? 1 : 0,
            signer: input.signer?.trim() || null,
            confidential: confidential ? 1 : 0,
            channel: input.channel,
            ...NO_FILE_YET,
            source: 'manual',
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          } satisfies Omit<Parameters<typeof insertDocument>[1], 'search_text'>;
          const inserted = await insertDocument(tx, { ...values, search_text: searchTextOf(values) });
          await audit(tx, actor, inserted, 'register', undefined, { ...values }, requestId);
          return inserted;
        });
        await onChange?.();
        return row;
      } catch (e) {
        // The counter makes this impossible unless a number was entered by hand elsewhere.
        if (isUniqueViolation(e)) throw new AppError('DOCUMENT_NUMBER_TAKEN');
        throw e;
      }
    },

    async update(actor: Actor, id: number, patch: PatchBody, requestId?: string) {
      const d = await loadWritable(actor, id);
      const next = {
        summary: patch.summary?.normalize('NFC').trim() ?? d.summary,
        recipients: patch.recipients === undefined ? d.recipients : patch.recipients?.trim() || null,
        sender: patch.sender === undefined ? d.sender : patch.sender?.trim() || null,
        handling_unit:
          patch.handlingUnit === undefined ? d.handling_unit : patch.handlingUnit?.trim() || null,
        due_date: patch.dueDate === undefined ? d.due_date : patch.dueDate,
        handled_on: patch.handledOn === undefined ? d.handled_on : patch.handledOn,
        form: patch.form ?? d.form,
        signed: patch.signed === undefined ? d.signed : patch.signed ? 1 : 0,
        signer: patch.signer === undefined ? d.signer : patch.signer?.trim() || null,
        channel: patch.channel ?? d.channel,
      };
      if (
        d.direction === 'outgoing' &&
        (next.due_date || next.handled_on || next.sender || next.handling_unit)
      )
        throw new AppError(
          'VALIDATION',
          'Văn bản đi không có nơi gửi, đơn vị xử lý, hạn xử lý hay ngày xử lý.',
        );
      if (d.direction === 'incoming' && next.recipients)
        throw new AppError('VALIDATION', 'Văn bản đến không có nơi nhận.');
      if (d.direction === 'incoming' && !next.sender)
        throw new AppError('VALIDATION', 'Hãy ghi nơi gửi văn bản đến.');
      if (next.handled_on && next.handled_on > today())
        throw new AppError('VALIDATION', 'Ngày xử lý không được ở tương lai.');
      if (next.handled_on && d.received_on && next.handled_on < d.received_on)
        throw new AppError('VALIDATION', 'Ngày xử lý không được trước ngày đến.');
      if (next.signed === 1 && next.form === 'paper')
        throw new AppError('VALIDATION', 'Văn bản giấy không có chữ ký số: hãy chọn hình thức điện tử.');
      // A verified PDF decides whether the document is signed.
      if (d.sig_status !== null && patch.signed !== undefined && (patch.signed ? 1 : 0) !== d.signed)
        throw new AppError(
          'VALIDATION',
          'Văn bản có tệp PDF đính kèm: việc có chữ ký số được xác định theo kết quả kiểm tra tệp.',
        );
      const changed = Object.fromEntries(
        Object.entries(next).filter(([k, v]) => v !== (d as Record<string, unknown>)[k]),
      ) as Partial<typeof next>;
      if (Object.keys(changed).length === 0) return d;
      const before = Object.fromEntries(
        Object.keys(changed).map((k) => [k, (d as Record<string, unknown>)[k]]),
      );
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await updateDocument(tx, d.id, {
          ...changed,
          search_text: searchTextOf({ ...d, ...next }),
          updated_at: now,
        });
        await audit(tx, actor, d, 'update', before, changed, requestId);
      });
      await onChange?.();
      return (await findDocument(db, d.id))!;
    },

    /** Cancels an entry (its number stays used): official records are never deleted. */
    async cancel(actor: Actor, id: number, reason: string, requestId?: string) {
      const d = await loadWritable(actor, id);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await updateDocument(tx, d.id, {
          status: 'cancelled',
          cancel_reason: reason.trim(),
          cancelled_at: now,
          cancelled_by: actor.userId,
          updated_at: now,
        });
        await audit(
          tx,
          actor,
          d,
          'cancel',
          { status: d.status },
          { status: 'cancelled', reason: reason.trim() },
          requestId,
        );
      });
      await onChange?.();
      return (await findDocument(db, d.id))!;
    },

    /**
     * Attaches the document's file (a PDF, Word, image…, checked by content). A PDF's signatures
     * are verified at once; a PDF with a signature that verifies makes the document "signed" (and
     * names the signer when none was entered); one without makes it unsigned.
     */
    async attach(
      actor: Actor,
      id: number,
      file: { bytes: Uint8Array; filename: string },
      requestId?: string,
    ) {
      const d = await loadWritable(actor, id);
      if (file.bytes.length === 0) throw new AppError('FILE_EMPTY');
      if (file.bytes.length > uploadMaxBytes) throw new AppError('FILE_TOO_LARGE');
      const type = sniffEvidenceType(file.bytes, file.filename);
      if (!type) throw new AppError('FILE_TYPE');
      const now = clock.now().toISOString();
      const pdf = type.mime === 'application/pdf';
      const v = pdf ? verificationColumns(await verifyBytes(file.bytes), now) : null;
      if (v && v.signedByFile && d.form === 'paper')
        throw new AppError(
          'VALIDATION',
          'Tệp có chữ ký số: hãy ghi hình thức văn bản là điện tử trước khi đính kèm.',
        );
      const hash = sha256(file.bytes);
      await db.transaction().execute(async (tx) => {
        const blobId = await insertBlob(tx, hash, file.bytes);
        const patch = {
          file_blob_id: blobId,
          file_name: filenameForType(file.filename, type),
          file_mime: type.mime,
          file_size: file.bytes.length,
          sig_status: v?.sig_status ?? null,
          sig_json: v?.sig_json ?? null,
          sig_checked_at: v?.sig_checked_at ?? null,
          signed: v ? (v.signedByFile ? 1 : 0) : d.signed,
          signer: v?.signedByFile ? (d.signer ?? v.signerOfFile) : d.signer,
          updated_at: now,
        };
        await updateDocument(tx, d.id, {
          ...patch,
          search_text: searchTextOf({ ...d, signer: patch.signer }),
        });
        await audit(
          tx,
          actor,
          d,
          'attach',
          d.file_blob_id ? { file: d.file_name, sigStatus: d.sig_status } : undefined,
          {
            file: patch.file_name,
            sha256: hash,
            size: file.bytes.length,
            sigStatus: patch.sig_status,
            signed: patch.signed,
          },
          requestId,
        );
      });
      await onChange?.();
      return (await findDocument(db, d.id))!;
    },

    /** Checks the attached PDF's signatures again (after trusted roots changed). */
    async recheck(actor: Actor, id: number, requestId?: string) {
      const d = await loadWritable(actor, id);
      if (!d.file_blob_id || d.file_mime !== 'application/pdf')
        throw new AppError('VALIDATION', 'Văn bản chưa có tệp PDF để kiểm tra chữ ký.');
      const bytes = await readBlob(db, d.file_blob_id);
      if (!bytes) throw new AppError('NOT_FOUND');
      const now = clock.now().toISOString();
      const v = verificationColumns(await verifyBytes(new Uint8Array(bytes)), now);
      await db.transaction().execute(async (tx) => {
        await updateDocument(tx, d.id, {
          sig_status: v.sig_status,
          sig_json: v.sig_json,
          sig_checked_at: v.sig_checked_at,
          signed: v.signedByFile ? 1 : 0,
          signer: v.signedByFile ? (d.signer ?? v.signerOfFile) : d.signer,
          updated_at: now,
        });
        await audit(
          tx,
          actor,
          d,
          'recheck',
          { sigStatus: d.sig_status },
          { sigStatus: v.sig_status },
          requestId,
        );
      });
      if ((v.signedByFile ? 1 : 0) !== d.signed) await onChange?.();
      return (await findDocument(db, d.id))!;
    },

    /** A page of the register with the year's figures and what the caller may do. */
    async list(actor: Actor, q: DocumentQuery) {
      const unit = await readableUnit(actor, q.unitId ?? actor.unitId);
      const subtree = q.subtree === '1';
      const year = q.year ?? Number(today().slice(0, 4));
      const page = q.page ?? 1;
      const words = q.q ? foldForSearch(q.q).split(' ').filter(Boolean) : undefined;
      const filter = {
        path: unit.path,
        unitId: subtree ? undefined : unit.id,
        direction: q.direction,
        year,
        status: q.status,
        words,
        due:
          q.dueWithinDays === undefined
            ? undefined
            : { asOf: today(), until: addDays(today(), q.dueWithinDays) },
      };
      const [items, total, fig] = await Promise.all([
        listDocuments(db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        countDocuments(db, filter),
        figures({ unitId: unit.id, subtree }, `${year}-01-01`, `${year}-12-31`),
      ]);
      const day = today();
      const manage = policy.manageDocuments(actor, unit.id);
      return {
        items: items.map((d) => presentDocument(actor, d, day)),
        total,
        page,
        pageSize: PAGE_SIZE,
        unit: { id: unit.id, code: unit.code, name: unit.name },
        year,
        figures: {
          scope: { unitId: unit.id, subtree },
          period: {
            from: `${year}-01-01`,
            to: `${year}-12-31`,
            asOf: day < `${year}-12-31` ? day : `${year}-12-31`,
          },
          ...fig,
          counts: { ...fig.counts },
        },
        options: {
          types: DOCUMENT_TYPES.map((t) => ({ code: t.code, name: t.name })),
          forms: FORMS.map((f) => ({ value: f, label: FORM_LABELS[f] })),
          channels: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
        },
        actions: { register: manage && !subtree, import: manage && !subtree },
      };
    },

    /** A document with its signature verdicts and history. */
    async detail(actor: Actor, id: number) {
      const d = await loadReadable(actor, id);
      const day = today();
      const document = presentDocument(actor, d, day);
      const hidden = d.confidential === 1 && !policy.manageDocuments(actor, d.unit_id);
      let verification = null;
      if (d.sig_status !== null && !hidden) {
        const [roots, changedAt] = await Promise.all([listTrustedRoots(db), trustedRootsChangedAt(db)]);
        verification = presentVerification(
          d.sig_status as SignatureStatus | 'unsigned',
          parseJson(d.sig_json, []),
          d.sig_checked_at ?? d.updated_at,
          changedAt !== null && changedAt > (d.sig_checked_at ?? ''),
          roots.length,
        );
      }
      const history = (await listAudit(db, 'document', [d.id])).map((a) => {
        const after = parseJson<{ reason?: string }>(a.after_json, {});
        return { at: a.at, action: a.action, user: a.user_name, reason: after.reason ?? null };
      });
      return { document, verification, history };
    },

    /** The attached file's bytes (confidential: the unit's own handlers only). */
    async file(actor: Actor, id: number) {
      const d = await loadReadable(actor, id);
      if (d.confidential === 1 && !policy.manageDocuments(actor, d.unit_id))
        throw new AppError('FORBIDDEN', 'Văn bản mật: chỉ văn thư, cán bộ của đơn vị mới tải được tệp.');
      if (!d.file_blob_id) throw new AppError('NOT_FOUND', 'Văn bản chưa có tệp đính kèm.');
      const bytes = await readBlob(db, d.file_blob_id);
      if (!bytes) throw new AppError('NOT_FOUND');
      return {
        bytes: Buffer.from(bytes),
        filename: d.file_name ?? `van-ban-${d.id}`,
        mime: d.file_mime ?? 'application/octet-stream',
      };
    },

    // ---------------------------------------------------------------------------------------------
    // Trusted root certificates (per installation) and checking a PDF without registering it

    async trustedRoots(actor: Actor) {
      const mayManage = await mayManageRoots(actor);
      const items = await listTrustedRoots(db, true);
      return {
        items: items.map(presentTrustedRoot),
        actions: { add: mayManage, remove: mayManage },
      };
    },

    /** Adds a root certificate (DER or PEM) to the installation's store; a removed one comes back. */
    async addTrustedRoot(actor: Actor, bytes: Uint8Array, requestId?: string) {
      if (!(await mayManageRoots(actor)))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ quản trị viên của đơn vị cấp cao nhất mới nhập được chứng thư gốc tin cậy.',
        );
      const cert = parseCertificate(bytes);
      if (!cert) throw new AppError('CERTIFICATE_INVALID');
      const info = await describeCertificate(cert);
      const der = new Uint8Array(cert.toSchema(true).toBER(false));
      const now = clock.now().toISOString();
      return db.transaction().execute(async (tx) => {
        const old = await findTrustedRootByFingerprint(tx, info.fingerprint);
        let id: number;
        if (old) {
          if (old.removed_at === null) return old;
          await updateTrustedRoot(tx, old.id, {
            removed_at: null,
            removed_by: null,
            added_at: now,
            added_by: actor.userId,
          });
          id = old.id;
        } else
          id = (
            await insertTrustedRoot(tx, {
              fingerprint: info.fingerprint,
              subject: info.subject,
              not_before: info.notBefore,
              not_after: info.notAfter,
              der,
              added_by: actor.userId,
              added_at: now,
              removed_by: null,
              removed_at: null,
            })
          ).id;
        await insertAudit(tx, {
          unitId: actor.unitId,
          userId: actor.userId,
          entity: 'trusted_root',
          entityId: id,
          action: 'add',
          after: { fingerprint: info.fingerprint, subject: info.subject, notAfter: info.notAfter },
          at: now,
          requestId: requestId ?? null,
        });
        return (await findTrustedRoot(tx, id))!;
      });
    },

    /** Takes a root out of the store (kept, marked removed). */
    async removeTrustedRoot(actor: Actor, id: number, requestId?: string) {
      if (!(await mayManageRoots(actor)))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ quản trị viên của đơn vị cấp cao nhất mới gỡ được chứng thư gốc tin cậy.',
        );
      const root = await findTrustedRoot(db, id);
      if (!root || root.removed_at !== null) throw new AppError('NOT_FOUND', 'Không tìm thấy chứng thư gốc.');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await updateTrustedRoot(tx, id, { removed_at: now, removed_by: actor.userId });
        await insertAudit(tx, {
          unitId: actor.unitId,
          userId: actor.userId,
          entity: 'trusted_root',
          entityId: id,
          action: 'remove',
          before: { fingerprint: root.fingerprint, subject: root.subject },
          at: now,
          requestId: requestId ?? null,
        });
      });
    },

    /** Checks a PDF's signatures without registering it (any signed-in user). */
    async check(bytes: Uint8Array) {
      if (bytes.length === 0) throw new AppError('FILE_EMPTY');
      if (bytes.length > uploadMaxBytes) throw new AppError('FILE_TOO_LARGE');
      if (!sniffEvidenceType(bytes, 'x.pdf') || sniffEvidenceType(bytes, 'x.pdf')!.mime !== 'application/pdf')
        throw new AppError('FILE_TYPE', 'Chỉ kiểm tra được chữ ký số của tệp PDF.');
      const v = await verifyBytes(bytes);
      const roots = await listTrustedRoots(db);
      return presentVerification(v.status, v.signatures, clock.now().toISOString(), false, roots.length);
    },

    /** Figures with the caller's access checked (the route); `figures` itself checks nothing. */
    async figuresFor(actor: Actor, unitId: number, subtree: boolean, from: string, to: string) {
      const unit = await readableUnit(actor, unitId);
      if (from > to) throw new AppError('VALIDATION', 'Ngày đầu kỳ phải trước ngày cuối kỳ.');
      const f = await figures({ unitId: unit.id, subtree }, from, to);
      const day = today();
      return {
        scope: { unitId: unit.id, subtree },
        period: { from, to, asOf: to < day ? to : day },
        ...f,
        counts: { ...f.counts },
      };
    },
  };
  return service;
}

export type DocumentsService = ReturnType<typeof documentsService>;
