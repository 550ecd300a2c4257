/**
 * Reading and checking a document register file, row by row, into entries ready to save and a
 * Vietnamese report of what is wrong where. Nothing here writes.
 */
import { fromDayNumber } from '../../core/calendar/index.js';
import { bookFor, parseNumberSymbol } from '../../core/documents/index.js';
import type {
  Book,
  Direction,
  DocumentChannel,
  DocumentForm,
  DocumentType,
} from '../../core/documents/index.js';
import type { Q } from '../../db/types.js';
import { describeColumns, detectColumns } from '../../core/register-import/index.js';
import type { Cell, ReadLimits } from '../dossier-import/file.js';
import { readSheet } from '../dossier-import/file.js';
import type { RowError } from '../dossier-import/schema.js';
import { isFiller } from '../../core/register-import/index.js';
import { cellText, isProblem, readFlag, readMoment } from '../../core/register-import/index.js';
import { AppError } from '../../errors.js';
import {
  readArrival,
  readChannel,
  readConfidential,
  readDirection,
  readDueDate,
  readForm,
  readType,
} from './import-cells.js';
import type { Planned } from './import-cells.js';
import { DOCUMENT_FIELD_LABELS, DOCUMENT_SYNONYMS } from './import-schema.js';
import type { DocumentField, DocumentImportCounts } from './import-schema.js';
import { usedNumbers } from './repository.js';

export interface AnalyseInput {
  db: Q;
  unitId: number;
  today: string;
  uploadMaxBytes: number;
  readLimits: ReadLimits | undefined;
  maxRows: number;
  /** The book when the file has no "đi/đến" column and its headers do not tell. */
  direction: Direction | undefined;
}

type Mapping = Partial<Record<DocumentField, number>>;
type Err = (field: DocumentField, message: string) => void;

const emptyCounts = (): DocumentImportCounts => ({
  rows: 0,
  valid: 0,
  invalid: 0,
  skipped: 0,
  outgoing: 0,
  incoming: 0,
  confidential: 0,
  numbersToAllocate: 0,
  defaulted: 0,
});

/** The columns a register cannot be read without. */
function missingColumns(mapping: Mapping, headerRow: number): RowError[] {
  const errors: RowError[] = [];
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
  return errors;
}

/** The book of a file without a đi/đến column: the caller's choice, else its headers. */
function fileDirectionOf(mapping: Mapping, chosen: Direction | undefined): Direction {
  return (
    chosen ??
    (mapping.arrivalNumber !== undefined ||
    mapping.receivedOn !== undefined ||
    (mapping.sender !== undefined && mapping.recipients === undefined)
      ? 'incoming'
      : 'outgoing')
  );
}

/** A date of the row (not in the future), or null with its error reported. */
function dayReader(today: string, err: Err) {
  return (cell: Cell, field: DocumentField): string | null => {
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
}

/** Form and channel, each filled in from the other (or from "an e-office export") when blank. */
function formAndChannel(
  form: DocumentForm | null,
  channel: DocumentChannel | null,
): { form: DocumentForm; channel: DocumentChannel; defaulted: boolean } {
  if (form === null && channel === null)
    // An e-office export: unless it says otherwise, its documents went through the system.
    return { form: 'electronic', channel: 'eoffice', defaulted: true };
  if (channel === null)
    return { form: form!, channel: form === 'electronic' ? 'eoffice' : 'hand', defaulted: true };
  if (form === null)
    return {
      form: channel === 'eoffice' || channel === 'email' ? 'electronic' : 'paper',
      channel,
      defaulted: false,
    };
  return { form, channel, defaulted: false };
}

/** The number of the entry in its book, its printed number and its type. */
function numbering(
  direction: Direction,
  numberCell: string,
  typeCell: DocumentType | null,
  arrivalCell: Cell,
  err: Err,
): { number: number | null; numberText: string; docType: DocumentType } {
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
    const arrival = readArrival(arrivalCell);
    if (isProblem(arrival)) err('arrivalNumber', `${arrival.error}.`);
    else number = arrival;
    if (typeCell === null && numberCell) docType = parseNumberSymbol(numberCell)?.type ?? 'KHAC';
    if (numberText === '') numberText = 'Không số';
  }
  return { number, numberText, docType };
}

interface RowContext {
  get: (cells: Cell[], f: DocumentField) => Cell;
  today: string;
  fileDirection: Direction;
  err: Err;
  /** Whether an error was reported for the row so far. */
  failed: () => boolean;
}

/** One data row: 'blank' for a note line, null when it has errors (reported), else the entry. */
function readRow(
  row: number,
  cells: Cell[],
  c: RowContext,
): 'blank' | null | { p: Planned; defaulted: boolean } {
  const { get, err } = c;
  const numberCell = cellText(get(cells, 'numberText'));
  const summary = cellText(get(cells, 'summary'));
  const dateCell = get(cells, 'documentDate');
  const receivedCell = get(cells, 'receivedOn');
  if (numberCell === '' && summary === '' && cellText(dateCell) === '' && cellText(receivedCell) === '')
    return 'blank';
  const dir = readDirection(get(cells, 'direction'));
  if (isProblem(dir)) err('direction', `${dir.error}.`);
  const direction: Direction = dir && !isProblem(dir) ? dir : c.fileDirection;
  const incoming = direction === 'incoming';
  const conf = readConfidential(get(cells, 'confidential'));
  if (isProblem(conf)) err('confidential', `${conf.error}.`);
  const confidential = conf === true;
  const day = dayReader(c.today, err);
  let documentDate = day(dateCell, 'documentDate');
  const receivedOn = incoming ? day(receivedCell, 'receivedOn') : null;
  documentDate ??= receivedOn;
  if (!documentDate && !c.failed()) err('documentDate', 'thiếu ngày văn bản.');
  if (summary.length < 3) err('summary', summary === '' ? 'thiếu trích yếu.' : 'trích yếu quá ngắn.');
  else if (summary.length > 2000) err('summary', 'trích yếu dài quá 2.000 ký tự.');
  const typeCell = readType(get(cells, 'docType'));
  const form0 = readForm(get(cells, 'form'));
  if (isProblem(form0)) err('form', `${form0.error}.`);
  const channel0 = readChannel(get(cells, 'channel'));
  if (isProblem(channel0)) err('channel', `${channel0.error}.`);
  if (isProblem(form0) || isProblem(channel0)) return null;
  const { form, channel, defaulted } = formAndChannel(form0, channel0);
  const signedRaw = readFlag(get(cells, 'signed'));
  if (isProblem(signedRaw)) err('signed', `${signedRaw.error}.`);
  const signed = signedRaw === true;
  if (signed && form === 'paper') err('signed', 'văn bản giấy không có chữ ký số.');
  const n = numbering(direction, numberCell, typeCell, get(cells, 'arrivalNumber'), err);
  if (incoming && !receivedOn && !c.failed()) err('receivedOn', 'thiếu ngày đến.');
  let dueDate: string | null = null;
  if (incoming) {
    const due = readDueDate(get(cells, 'dueDate'));
    if (isProblem(due)) err('dueDate', `${due.error}.`);
    else dueDate = due;
  }
  const handledOn = incoming ? day(get(cells, 'handledOn'), 'handledOn') : null;
  if (handledOn && receivedOn && handledOn < receivedOn) err('handledOn', 'ngày xử lý trước ngày đến.');
  if (receivedOn && documentDate && receivedOn < documentDate)
    err('receivedOn', 'ngày đến trước ngày văn bản.');
  const sender = cellText(get(cells, 'sender')) || null;
  if (incoming && !sender) err('sender', 'thiếu nơi gửi.');
  if (c.failed() || !documentDate) return null;
  const year = Number((direction === 'outgoing' ? documentDate : receivedOn!).slice(0, 4));
  const p: Planned = {
    row,
    direction,
    book: bookFor(direction, confidential),
    year,
    ...n,
    documentDate,
    receivedOn,
    summary,
    sender: incoming ? sender : null,
    recipients: !incoming ? cellText(get(cells, 'recipients')) || null : null,
    handlingUnit: incoming ? cellText(get(cells, 'handlingUnit')) || null : null,
    dueDate,
    handledOn,
    form,
    signed,
    signer: cellText(get(cells, 'signer')) || null,
    confidential,
    channel,
  };
  return { p, defaulted };
}

/** Numbers already in the register (cancelled entries keep theirs): reported, their rows dropped. */
async function checkAgainstRegister(
  db: Q,
  unitId: number,
  planned: Planned[],
  invalid: Set<number>,
  errors: RowError[],
) {
  const books = new Map<string, Planned[]>();
  for (const p of planned) {
    const k = `${p.book}|${p.year}`;
    const list = books.get(k);
    if (list) list.push(p);
    else books.set(k, [p]);
  }
  for (const [k, list] of books) {
    const [book, year] = k.split('|') as [Book, string];
    const used = await usedNumbers(db, unitId, book, Number(year));
    for (const p of list)
      if (p.number !== null && used.has(p.number)) {
        invalid.add(p.row);
        const field = p.direction === 'outgoing' ? 'numberText' : 'arrivalNumber';
        errors.push({
          row: p.row,
          field,
          message: `${DOCUMENT_FIELD_LABELS[field]}: số ${p.number} năm ${year} đã có trong sổ (văn bản đã được nhập trước đây?).`,
        });
      }
  }
}

/** Reads a file and checks every row: the entries to save (none when any row has an error). */
export async function analyseRegister(
  input: AnalyseInput,
  src: { bytes: Uint8Array; filename: string | null },
) {
  const { uploadMaxBytes, maxRows: cap } = input;
  if (src.bytes.length > uploadMaxBytes)
    throw new AppError('FILE_TOO_LARGE', `Tệp vượt quá ${Math.round(uploadMaxBytes / 1048576)} MB cho phép.`);
  const sheet = await readSheet(src.bytes, src.filename, input.readLimits);
  const grid = sheet.rows.map((r) => r.cells);
  const detected = detectColumns(grid, DOCUMENT_SYNONYMS);
  const errors: RowError[] = [];
  const headerRow = detected.headerIndex >= 0 ? sheet.rows[detected.headerIndex]!.row : 1;
  const mapping = detected.mapping;
  const counts = emptyCounts();
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
  errors.push(...missingColumns(mapping, headerRow));
  if (errors.length > 0) return { ...base, planned: [] as Planned[] };

  const get = (cells: Cell[], f: DocumentField): Cell => {
    const i = mapping[f];
    return i === undefined ? null : (cells[i] ?? null);
  };
  const fileDirection = fileDirectionOf(mapping, input.direction);
  const planned: Planned[] = [];
  const invalid = new Set<number>();
  const seen = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const err: Err = (field, message) => {
      invalid.add(row);
      errors.push({ row, field, message: `${DOCUMENT_FIELD_LABELS[field]}: ${message}` });
    };
    const read = readRow(row, cells, {
      get,
      today: input.today,
      fileDirection,
      err,
      failed: () => invalid.has(row),
    });
    if (read === 'blank') {
      counts.skipped++; // a note or footer line, not a document
      continue;
    }
    counts.rows++;
    if (read === null) continue;
    const { p, defaulted } = read;
    if (p.number !== null) {
      const key = `${p.book}|${p.year}|${p.number}`;
      const first = seen.get(key);
      if (first !== undefined) {
        err(
          p.direction === 'outgoing' ? 'numberText' : 'arrivalNumber',
          `số ${p.number} năm ${p.year} trùng với dòng ${first}.`,
        );
        continue;
      }
      seen.set(key, row);
    }
    if (defaulted) counts.defaulted++;
    planned.push(p);
  }

  await checkAgainstRegister(input.db, input.unitId, planned, invalid, errors);
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
