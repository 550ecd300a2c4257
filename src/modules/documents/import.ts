/**
 * Imports a document register from e-office software (.xlsx/.csv): columns by meaning (as the
 * dossier register import does, src/modules/dossier-import), a row-by-row Vietnamese report, all
 * or nothing, progress, and a row cap. Outgoing entries keep their printed numbers (the book's
 * counter is raised past them); incoming entries keep their "Số đến" or, without one, are numbered
 * after the book's last number, in arrival order.
 */
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { fromDayNumber } from '../../core/calendar/index.js';
import { DOCUMENT_TYPES, bookFor, documentTypeOf, parseNumberSymbol } from '../../core/documents/index.js';
import type {
  Book,
  Direction,
  DocumentChannel,
  DocumentForm,
  DocumentType,
} from '../../core/documents/index.js';
import type { DocumentTable, UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { ImportProgressStore } from '../../lib/import-progress.js';
import { sharedImportProgress } from '../runtime/progress.js';
import type { ImportProgressEntry, ImportProgressView } from '../../lib/import-progress.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { describeColumns, detectColumns } from '../../core/register-import/index.js';
import type { Cell } from '../dossier-import/file.js';
import type { ReadLimits } from '../dossier-import/file.js';
import { readSheet } from '../dossier-import/file.js';
import type { RowError } from '../dossier-import/schema.js';
import { isFiller } from '../../core/register-import/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import { cellText, fold, isProblem, readFlag, readMoment } from '../../core/register-import/index.js';
import type { Problem } from '../../core/register-import/index.js';
import { findUnitById } from '../units/repository.js';
import { DOCUMENT_FIELD_LABELS, DOCUMENT_SYNONYMS } from './import-schema.js';
import type {
  DocumentField,
  DocumentImportCounts,
  DocumentImportReport,
  UnderstoodDocument,
} from './import-schema.js';
import { insertDocumentBatch, lockCounter, raiseCounter, usedNumbers } from './repository.js';
import { NO_FILE_YET, searchTextOf } from './service.js';

export interface DocumentImportDeps {
  db: Q;
  clock: Clock;
  uploadMaxBytes: number;
  /** Limits of the file read (ZIP declared sizes, rows); defaults when absent. */
  readLimits?: ReadLimits;
  /** Data rows one import may hold (default 20,000): a year's register, not a whole archive. */
  maxRows?: number;
  onChange?: (() => void | Promise<void>) | undefined;
  /** Write progress to the database so that every server process answers it (PostgreSQL, ADR 008). */
  shareProgress?: boolean | undefined;
}

export interface DocumentImportOptions {
  dryRun?: boolean | undefined;
  /** The book when the file has no "đi/đến" column and its headers do not tell. */
  direction?: Direction | undefined;
  importId?: string | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  requestId?: string | undefined;
}

export const DEFAULT_MAX_ROWS = 20_000;
const BATCH = 500;
const SAMPLE = 20;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Planned {
  row: number;
  direction: Direction;
  book: Book;
  year: number;
  /** null: allocated at saving (incoming without "Số đến"). */
  number: number | null;
  numberText: string;
  docType: DocumentType;
  documentDate: string;
  receivedOn: string | null;
  summary: string;
  sender: string | null;
  recipients: string | null;
  handlingUnit: string | null;
  dueDate: string | null;
  handledOn: string | null;
  form: DocumentForm;
  signed: boolean;
  signer: string | null;
  confidential: boolean;
  channel: DocumentChannel;
}

/** "Đi", "VB đi", "Văn bản đi" → outgoing; "Đến", "VB đến" → incoming. */
function readDirection(v: Cell): Direction | Problem | null {
  const f = fold(cellText(v));
  if (f === '') return null;
  if (/(^| )den( |$)/.test(f)) return 'incoming';
  if (/(^| )di( |$)/.test(f)) return 'outgoing';
  return { error: `không rõ "${cellText(v)}" là văn bản đi hay đến (cần "Đi" hoặc "Đến")` };
}

/** "Mật", "Tối mật", "Tuyệt mật", "x" → confidential; blank, "Thường", "Không" → not. */
function readConfidential(v: Cell): boolean | Problem {
  const f = fold(cellText(v));
  if (f === '' || /^(thuong|binh thuong|khong|0|-)( |$)/.test(f)) return false;
  if (/(^| )mat( |$)/.test(f) || /^(x|co|1|true)$/.test(f)) return true;
  return { error: `độ mật "${cellText(v)}" không rõ (cần "Mật", "Tối mật", "Tuyệt mật" hoặc để trống)` };
}

/** "Điện tử" → electronic; "Giấy", "Bản giấy" → paper. */
function readForm(v: Cell): DocumentForm | Problem | null {
  const f = fold(cellText(v));
  if (f === '') return null;
  if (/dien tu|^x$|^co$|^1$|so hoa/.test(f)) return 'electronic';
  if (/giay|^khong$|^0$/.test(f)) return 'paper';
  return { error: `hình thức "${cellText(v)}" không rõ (cần "Điện tử" hoặc "Giấy")` };
}

/** The way a document went or came, as e-office exports write it. */
function readChannel(v: Cell): DocumentChannel | Problem | null {
  const f = fold(cellText(v));
  if (f === '') return null;
  if (/truc tiep|chuyen tay|(^| )tay( |$)|giao nhan|nhan tai|van thu/.test(f)) return 'hand';
  if (/e ?mail|thu dien tu|thu cong vu|hop thu/.test(f)) return 'email';
  if (
    /lien thong|truc (lien thong|tich hop|van ban)|phan mem|he thong|ioffice|voffice|e ?office|qlvb|quan ly van ban|mang|dien tu/.test(
      f,
    )
  )
    return 'eoffice';
  if (/buu (chinh|dien)|buu pham|^bc$/.test(f)) return 'postal';
  return {
    error: `phương thức "${cellText(v)}" không rõ (cần "Liên thông/Hệ thống", "Thư điện tử", "Bưu chính" hoặc "Trực tiếp")`,
  };
}

function readType(v: Cell): DocumentType | null {
  const text = cellText(v);
  if (text === '') return null;
  const exact = documentTypeOf(text);
  if (exact) return exact;
  // "Giấy mời họp", "Kế hoạch số…": the longest type name the text starts with.
  const f = fold(text);
  let best: { code: DocumentType; len: number } | null = null;
  for (const t of DOCUMENT_TYPES) {
    const n = fold(t.name);
    if ((f === n || f.startsWith(`${n} `)) && (!best || n.length > best.len))
      best = { code: t.code, len: n.length };
  }
  return best?.code ?? 'KHAC';
}

/** A handling deadline (it may lie in the future). */
function readDueDate(v: Cell): string | Problem | null {
  const m = readMoment(v);
  if (m === null || isProblem(m)) return m;
  return fromDayNumber(m.day);
}

function readArrival(v: Cell): number | Problem | null {
  const raw = cellText(v);
  if (raw === '') return null;
  const n = Number(raw.replace(/^0+(?=\d)/, ''));
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    return { error: `số đến "${raw}" phải là số nguyên dương` };
  return n;
}

export function documentImportService({
  db,
  clock,
  uploadMaxBytes,
  readLimits,
  maxRows,
  onChange,
  shareProgress,
}: DocumentImportDeps) {
  const progressStore = new ImportProgressStore(shareProgress ? sharedImportProgress(db, clock) : null);
  const cap = maxRows ?? DEFAULT_MAX_ROWS;

  async function unitForImport(actor: Actor | null, unitId: number): Promise<UnitRow> {
    const unit = await findUnitById(db, unitId);
    if (!unit || (actor && !policy.readUnit(actor, unit.path)))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    if (actor && !policy.manageDocuments(actor, unit.id))
      throw new AppError(
        'FORBIDDEN',
        'Chỉ văn thư, cán bộ của chính đơn vị mới nhập được sổ văn bản của đơn vị.',
      );
    return unit;
  }

  async function analyse(
    unit: UnitRow,
    src: { bytes: Uint8Array; filename: string | null },
    opts: DocumentImportOptions,
  ) {
    if (src.bytes.length > uploadMaxBytes)
      throw new AppError(
        'FILE_TOO_LARGE',
        `Tệp vượt quá ${Math.round(uploadMaxBytes / 1048576)} MB cho phép.`,
      );
    const sheet = await readSheet(src.bytes, src.filename, readLimits);
    const grid = sheet.rows.map((r) => r.cells);
    const detected = detectColumns(grid, DOCUMENT_SYNONYMS);
    const errors: RowError[] = [];
    const headerRow = detected.headerIndex >= 0 ? sheet.rows[detected.headerIndex]!.row : 1;
    const mapping = detected.mapping;
    const counts: DocumentImportCounts = {
      rows: 0,
      valid: 0,
      invalid: 0,
      skipped: 0,
      outgoing: 0,
      incoming: 0,
      confidential: 0,
      numbersToAllocate: 0,
      defaulted: 0,
    };
    const base = {
      fileKind: sheet.kind,
      headerRow,
      columns: detected.headerIndex >= 0 ? describeColumns(grid[detected.headerIndex]!, mapping) : [],
      mapping,
      counts,
      errors,
    };
    if (detected.headerIndex < 0) {
      errors.push({
        row: 1,
        field: 'file',
        message:
          'Không nhận ra dòng tiêu đề của sổ văn bản (cần các cột như "Số, ký hiệu", "Ngày văn bản", "Trích yếu", "Nơi nhận" hoặc "Nơi gửi").',
      });
      return { ...base, planned: [] as Planned[] };
    }
    const below = sheet.rows.slice(detected.headerIndex + 1);
    const dataRows = below.filter((r) => isFiller(r.cells) === null);
    counts.skipped = below.filter((r) => isFiller(r.cells) === 'numbering').length;
    if (dataRows.length > cap)
      throw new AppError(
        'FILE_TOO_LARGE',
        `Tệp có ${dataRows.length.toLocaleString('vi-VN')} dòng, vượt quá ${cap.toLocaleString('vi-VN')} dòng cho một lần nhập: hãy chia tệp (ví dụ theo năm) rồi nhập từng phần.`,
      );
    for (const f of ['summary'] as const)
      if (mapping[f] === undefined)
        errors.push({
          row: headerRow,
          field: f,
          message: `Không tìm thấy cột "${DOCUMENT_FIELD_LABELS[f]}" trong tệp.`,
        });
    if (mapping.numberText === undefined && mapping.arrivalNumber === undefined)
      errors.push({
        row: headerRow,
        field: 'numberText',
        message: 'Không tìm thấy cột "Số, ký hiệu" hay "Số đến" trong tệp.',
      });
    if (mapping.documentDate === undefined && mapping.receivedOn === undefined)
      errors.push({
        row: headerRow,
        field: 'documentDate',
        message: 'Không tìm thấy cột "Ngày văn bản" hay "Ngày đến" trong tệp.',
      });
    if (errors.length > 0) return { ...base, planned: [] as Planned[] };

    // The book of a file without a đi/đến column: the caller's choice, else its headers.
    const fileDirection: Direction =
      opts.direction ??
      (mapping.arrivalNumber !== undefined ||
      mapping.receivedOn !== undefined ||
      (mapping.sender !== undefined && mapping.recipients === undefined)
        ? 'incoming'
        : 'outgoing');
    const today = vietnamToday(clock);
    const get = (cells: Cell[], f: DocumentField): Cell => {
      const i = mapping[f];
      return i === undefined ? null : (cells[i] ?? null);
    };
    const planned: Planned[] = [];
    const invalid = new Set<number>();
    const seen = new Map<string, number>();
    for (const { row, cells } of dataRows) {
      const err = (field: DocumentField, message: string) => {
        invalid.add(row);
        errors.push({ row, field, message: `${DOCUMENT_FIELD_LABELS[field]}: ${message}` });
      };
      const numberCell = cellText(get(cells, 'numberText'));
      const summary = cellText(get(cells, 'summary'));
      const dateCell = get(cells, 'documentDate');
      const receivedCell = get(cells, 'receivedOn');
      if (numberCell === '' && summary === '' && cellText(dateCell) === '' && cellText(receivedCell) === '') {
        counts.skipped++; // a note or footer line, not a document
        continue;
      }
      counts.rows++;
      const dir = readDirection(get(cells, 'direction'));
      if (isProblem(dir)) err('direction', `${dir.error}.`);
      const direction: Direction = dir && !isProblem(dir) ? dir : fileDirection;
      const conf = readConfidential(get(cells, 'confidential'));
      if (isProblem(conf)) err('confidential', `${conf.error}.`);
      const confidential = conf === true;
      const day = (cell: Cell, field: DocumentField): string | null => {
        const m = readMoment(cell);
        if (m === null) return null;
        if (isProblem(m)) {
          err(field, `${m.error}.`);
          return null;
        }
        const d = fromDayNumber(m.day);
        if (d > today) {
          err(field, `ngày ${d.split('-').reverse().join('/')} ở tương lai.`);
          return null;
        }
        return d;
      };
      let documentDate = day(dateCell, 'documentDate');
      const receivedOn = direction === 'incoming' ? day(receivedCell, 'receivedOn') : null;
      documentDate ??= receivedOn;
      if (!documentDate && !invalid.has(row)) err('documentDate', 'thiếu ngày văn bản.');
      if (summary.length < 3) err('summary', summary === '' ? 'thiếu trích yếu.' : 'trích yếu quá ngắn.');
      else if (summary.length > 2000) err('summary', 'trích yếu dài quá 2.000 ký tự.');
      const typeCell = readType(get(cells, 'docType'));
      let form = readForm(get(cells, 'form'));
      if (isProblem(form)) err('form', `${form.error}.`);
      let channel = readChannel(get(cells, 'channel'));
      if (isProblem(channel)) err('channel', `${channel.error}.`);
      if (isProblem(form) || isProblem(channel)) continue;
      let defaulted = false;
      if (form === null && channel === null) {
        // An e-office export: unless it says otherwise, its documents went through the system.
        form = 'electronic';
        channel = 'eoffice';
        defaulted = true;
      } else if (channel === null) {
        channel = form === 'electronic' ? 'eoffice' : 'hand';
        defaulted = true;
      } else if (form === null) form = channel === 'eoffice' || channel === 'email' ? 'electronic' : 'paper';
      const signedRaw = readFlag(get(cells, 'signed'));
      if (isProblem(signedRaw)) err('signed', `${signedRaw.error}.`);
      const signed = signedRaw === true;
      if (signed && form === 'paper') err('signed', 'văn bản giấy không có chữ ký số.');

      let number: number | null = null;
      let numberText = numberCell;
      let docType: DocumentType = typeCell ?? 'KHAC';
      if (direction === 'outgoing') {
        const parsed = numberCell ? parseNumberSymbol(numberCell) : null;
        if (!parsed)
          err(
            'numberText',
            numberCell === ''
              ? 'thiếu số, ký hiệu.'
              : `không đọc được số, ký hiệu "${numberCell}" (cần dạng 71/KH-MNTT).`,
          );
        else {
          number = parsed.number;
          docType = typeCell && typeCell !== 'KHAC' ? typeCell : parsed.type;
        }
      } else {
        const arrival = readArrival(get(cells, 'arrivalNumber'));
        if (isProblem(arrival)) err('arrivalNumber', `${arrival.error}.`);
        else number = arrival;
        if (!receivedOn && !invalid.has(row)) err('receivedOn', 'thiếu ngày đến.');
        if (typeCell === null && numberCell) docType = parseNumberSymbol(numberCell)?.type ?? 'KHAC';
        if (numberText === '') numberText = 'Không số';
      }
      let dueDate: string | null = null;
      if (direction === 'incoming') {
        const due = readDueDate(get(cells, 'dueDate'));
        if (isProblem(due)) err('dueDate', `${due.error}.`);
        else dueDate = due;
      }
      const handledOn = direction === 'incoming' ? day(get(cells, 'handledOn'), 'handledOn') : null;
      if (handledOn && receivedOn && handledOn < receivedOn) err('handledOn', 'ngày xử lý trước ngày đến.');
      if (receivedOn && documentDate && receivedOn < documentDate)
        err('receivedOn', 'ngày đến trước ngày văn bản.');
      const sender = cellText(get(cells, 'sender')) || null;
      if (direction === 'incoming' && !sender) err('sender', 'thiếu nơi gửi.');
      if (invalid.has(row) || !documentDate) continue;
      const year = Number((direction === 'outgoing' ? documentDate : receivedOn!).slice(0, 4));
      const book = bookFor(direction, confidential);
      if (number !== null) {
        const key = `${book}|${year}|${number}`;
        const first = seen.get(key);
        if (first !== undefined) {
          err(
            direction === 'outgoing' ? 'numberText' : 'arrivalNumber',
            `số ${number} năm ${year} trùng với dòng ${first}.`,
          );
          continue;
        }
        seen.set(key, row);
      }
      if (defaulted) counts.defaulted++;
      planned.push({
        row,
        direction,
        book,
        year,
        number,
        numberText,
        docType,
        documentDate,
        receivedOn,
        summary,
        sender: direction === 'incoming' ? sender : null,
        recipients: direction === 'outgoing' ? cellText(get(cells, 'recipients')) || null : null,
        handlingUnit: direction === 'incoming' ? cellText(get(cells, 'handlingUnit')) || null : null,
        dueDate,
        handledOn,
        form: form!,
        signed,
        signer: cellText(get(cells, 'signer')) || null,
        confidential,
        channel: channel,
      });
    }

    // Numbers already in the register (cancelled entries keep theirs).
    const books = new Map<string, Planned[]>();
    for (const p of planned) {
      const k = `${p.book}|${p.year}`;
      const list = books.get(k);
      if (list) list.push(p);
      else books.set(k, [p]);
    }
    for (const [k, list] of books) {
      const [book, year] = k.split('|') as [Book, string];
      const used = await usedNumbers(db, unit.id, book, Number(year));
      for (const p of list)
        if (p.number !== null && used.has(p.number)) {
          invalid.add(p.row);
          errors.push({
            row: p.row,
            field: p.direction === 'outgoing' ? 'numberText' : 'arrivalNumber',
            message: `${DOCUMENT_FIELD_LABELS[p.direction === 'outgoing' ? 'numberText' : 'arrivalNumber']}: số ${p.number} năm ${year} đã có trong sổ (văn bản đã được nhập trước đây?).`,
          });
        }
    }
    const valid = planned.filter((p) => !invalid.has(p.row));
    counts.invalid = invalid.size;
    counts.valid = counts.rows - counts.invalid;
    for (const p of valid) {
      counts[p.direction]++;
      if (p.confidential) counts.confidential++;
      if (p.number === null) counts.numbersToAllocate++;
    }
    errors.sort((a, b) => a.row - b.row);
    return { ...base, planned: valid };
  }

  const understood = (p: Planned): UnderstoodDocument => ({
    row: p.row,
    direction: p.direction,
    book: p.book,
    year: p.year,
    number: p.number,
    numberText: p.numberText,
    docType: p.docType,
    documentDate: p.documentDate,
    receivedOn: p.receivedOn,
    summary: p.summary,
    form: p.form,
    signed: p.signed,
    confidential: p.confidential,
    channel: p.channel,
  });

  /**
   * Reads and checks a file; unless `dryRun`, saves every entry in one transaction. Row errors come
   * back as a VALIDATION error whose details are the report; nothing is saved then.
   */
  async function run(
    actor: Actor | null,
    unitId: number,
    src: { bytes: Uint8Array; filename: string | null },
    opts: DocumentImportOptions = {},
  ): Promise<DocumentImportReport> {
    const unit = await unitForImport(actor, unitId);
    const entry = opts.dryRun
      ? null
      : await progressStore.track(opts.importId, actor?.userId ?? null, unit.id);
    return progressStore.follow(entry, async () => {
      const a = await analyse(unit, src, opts);
      const report: DocumentImportReport = {
        dryRun: opts.dryRun === true,
        fileKind: a.fileKind,
        headerRow: a.headerRow,
        columns: a.columns,
        mapping: a.mapping,
        counts: a.counts,
        sample: a.planned.slice(0, SAMPLE).map(understood),
        errors: a.errors,
        imported: 0,
        importId: opts.importId ?? null,
      };
      if (a.errors.length > 0) {
        const rows = a.counts.invalid;
        throw new AppError(
          'VALIDATION',
          rows > 0
            ? `Tệp có ${rows} dòng lỗi: chưa lưu văn bản nào.`
            : 'Tệp không nhập được: chưa lưu văn bản nào.',
          report,
        );
      }
      if (a.planned.length === 0) throw new AppError('FILE_EMPTY', 'Tệp không có văn bản nào để nhập.');
      if (opts.dryRun) return report;
      report.imported = await save(actor, unit, src, a.planned, a.counts, opts, entry);
      await onChange?.();
      return report;
    });
  }

  async function save(
    actor: Actor | null,
    unit: UnitRow,
    src: { bytes: Uint8Array; filename: string | null },
    planned: Planned[],
    counts: DocumentImportCounts,
    opts: DocumentImportOptions,
    entry: ImportProgressEntry | null,
  ): Promise<number> {
    const total = planned.length;
    if (entry) Object.assign(entry, { state: 'saving', total });
    const now = clock.now().toISOString();
    const userId = actor?.userId ?? null;
    // Book by book, in the order of their dates: allocated arrival numbers follow arrival order.
    const ordered = [...planned].sort(
      (x, y) =>
        (x.receivedOn ?? x.documentDate).localeCompare(y.receivedOn ?? y.documentDate) || x.row - y.row,
    );
    try {
      await db.transaction().execute(async (tx) => {
        const next = new Map<string, number>();
        for (const p of ordered) {
          const k = `${p.book}|${p.year}`;
          if (!next.has(k)) {
            // Locks the book's counter row for the transaction: no registration interleaves.
            const last = await lockCounter(tx, unit.id, p.year, p.book);
            const given = planned
              .filter((q) => q.book === p.book && q.year === p.year && q.number !== null)
              .reduce((m, q) => Math.max(m, q.number!), 0);
            next.set(k, Math.max(last, given) + 1);
          }
          if (p.number === null) {
            p.number = next.get(k)!;
            next.set(k, p.number + 1);
          }
        }
        let done = 0;
        for (let i = 0; i < ordered.length; i += BATCH) {
          const rows: Insertable<DocumentTable>[] = ordered.slice(i, i + BATCH).map((p) => {
            const values = {
              unit_id: unit.id,
              direction: p.direction,
              book: p.book,
              year: p.year,
              number: p.number!,
              number_text: p.numberText,
              doc_type: p.docType,
              document_date: p.documentDate,
              received_on: p.receivedOn,
              summary: p.summary,
              sender: p.sender,
              recipients: p.recipients,
              handling_unit: p.handlingUnit,
              due_date: p.dueDate,
              handled_on: p.handledOn,
              form: p.form,
              signed: p.signed ? 1 : 0,
              signer: p.signer,
              confidential: p.confidential ? 1 : 0,
              channel: p.channel,
              ...NO_FILE_YET,
              source: 'import',
              created_by: userId,
              created_at: now,
              updated_at: now,
            };
            return { ...values, search_text: searchTextOf(values) };
          });
          await insertDocumentBatch(tx, rows);
          done += rows.length;
          if (entry) {
            entry.done = done;
            await progressStore.publish(entry);
          }
          opts.onProgress?.(done, total);
          // Let the event loop turn (better-sqlite3 answers synchronously).
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        for (const [k, n] of next) {
          const [book, year] = k.split('|') as [Book, string];
          await raiseCounter(tx, unit.id, Number(year), book, n - 1);
        }
        await insertAudit(tx, {
          unitId: unit.id,
          userId,
          entity: 'document',
          entityId: null,
          action: 'import',
          after: {
            filename: src.filename,
            sha256: sha256(src.bytes),
            imported: total,
            outgoing: counts.outgoing,
            incoming: counts.incoming,
            confidential: counts.confidential,
            numbersAllocated: counts.numbersToAllocate,
            defaulted: counts.defaulted,
          },
          at: now,
          requestId: opts.requestId ?? null,
        });
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError(
          'CONFLICT',
          'Một số số văn bản vừa được dùng bởi thao tác khác: chưa lưu gì, hãy nhập lại tệp.',
        );
      throw e;
    }
    return total;
  }

  function progress(id: string): Promise<ImportProgressView> {
    return progressStore.view(id);
  }

  return { run, progress };
}

export type DocumentImportService = ReturnType<typeof documentImportService>;
