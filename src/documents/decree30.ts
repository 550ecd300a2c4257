/**
 * Documents in the layout of Decree 30/2020/NĐ-CP on clerical work (Phụ lục I: "Thể thức, kỹ
 * thuật trình bày văn bản hành chính"): plans, reports and the one-stop-shop forms.
 *
 * The caller describes a document as plain data (header, number, place and date, title, body
 * blocks, recipients, signature, appendices); `decree30Document` lays it out and returns the
 * bytes of a .docx file. Sizes are in points, margins in millimetres, widths of table columns
 * are relative weights.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ISectionOptions } from 'docx';
import { formatLongDate, formatPlaceDate, nfc, upper } from './format.js';
import type { DateInput } from './format.js';

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

/** Decree 30 prescribes Times New Roman (Unicode, TCVN 6909:2001) for every part of a document. */
export const DECREE30_FONT = 'Times New Roman';

/** A4, 210 × 297 mm, in twips (1/20 pt). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

/** Millimetres to twips (1 inch = 25.4 mm = 1440 twips), rounded: 20 mm → 1134, 30 → 1701, 15 → 850. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export interface Decree30Margins {
  /** Millimetres. Decree 30: 20–25. */
  top: number;
  /** Millimetres. Decree 30: 20–25. */
  bottom: number;
  /** Millimetres. Decree 30: 30–35. */
  left: number;
  /** Millimetres. Decree 30: 15–20. */
  right: number;
}

export interface Decree30Layout {
  margins: Decree30Margins;
  /** Body text size in points. Decree 30: 13–14. */
  bodySize: number;
  /** Line spacing of body paragraphs, as a multiple of single. Decree 30: single to 1.5 lines. */
  lineSpacing: number;
}

/** What a caller may choose; anything left out takes the default. */
export type Decree30LayoutOptions = Partial<Omit<Decree30Layout, 'margins'>> & {
  margins?: Partial<Decree30Margins>;
};

/** Decree 30's ranges for the values a caller may choose. */
export const DECREE30_RANGES = {
  margins: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] },
  bodySize: [13, 14],
  lineSpacing: [1, 1.5],
} as const;

export const DEFAULT_DECREE30_LAYOUT: Decree30Layout = {
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  bodySize: 14,
  lineSpacing: 1.15,
};

/** Fixed sizes (points) of the parts whose size does not follow the body text. */
export const DECREE30_SIZES = {
  /** Tên cơ quan chủ quản: caps, upright, 12–13. */
  superior: 13,
  /** Tên cơ quan ban hành: caps, bold, 12–13. */
  unit: 13,
  /** Quốc hiệu: caps, bold, 12–13. 12 keeps it on one line even with the widest margins. */
  nationalTitle: 12,
  /** Tiêu ngữ: bold, 13–14. */
  motto: 13,
  /** "Số: …": 13. */
  number: 13,
  /** Place and date, italic: 13–14. 13 keeps "Phường …, ngày 12 tháng 12 năm 2026" on one line. */
  placeDate: 13,
  /** "Nơi nhận:": bold italic, 12. */
  recipientsHeading: 12,
  /** Recipients: 11. */
  recipientsItem: 11,
  /** Table text. */
  table: 13,
  /** Page number, centred in the top margin from page 2: 13–14. */
  pageNumber: 13,
} as const;

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Width of the motto in bold Times New Roman, twips per point of size (measured: 3017 at 13 pt). */
const MOTTO_TWIPS_PER_PT = 232;
/** Average advance of a bold capital in Times New Roman, twips per point (measured on unit names). */
const BOLD_CAPS_TWIPS_PER_PT = 11.4;
/** Average advance of mixed-case bold text in Times New Roman (about half an em), twips per point. */
const TEXT_TWIPS_PER_PT = 10;
/** Share of the page's text width given to the left column of the header. */
const HEADER_LEFT_SHARE = 0.4;
/** Horizontal padding of cells in borderless layout tables (1 mm). */
const LAYOUT_CELL_MARGIN = 57;
/** Room left above a signer's name for the signature and the seal (about 2.5 cm). */
const SIGNATURE_SPACE = 1440;

function checkRange(name: string, value: number, [min, max]: readonly [number, number]): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`Decree 30 layout: ${name} must be between ${min} and ${max}, got ${value}`);
  }
}

/** Merges the caller's choices over the defaults and checks them against Decree 30's ranges. */
export function resolveLayout(layout?: Decree30LayoutOptions): Decree30Layout {
  const resolved: Decree30Layout = {
    margins: { ...DEFAULT_DECREE30_LAYOUT.margins, ...layout?.margins },
    bodySize: layout?.bodySize ?? DEFAULT_DECREE30_LAYOUT.bodySize,
    lineSpacing: layout?.lineSpacing ?? DEFAULT_DECREE30_LAYOUT.lineSpacing,
  };
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    checkRange(`margin ${side} (mm)`, resolved.margins[side], DECREE30_RANGES.margins[side]);
  }
  checkRange('body size (pt)', resolved.bodySize, DECREE30_RANGES.bodySize);
  checkRange('line spacing', resolved.lineSpacing, DECREE30_RANGES.lineSpacing);
  return resolved;
}

export type Orientation = 'portrait' | 'landscape';

/** Width of the text area in twips. */
export function textWidthTwips(layout: Decree30Layout, orientation: Orientation = 'portrait'): number {
  const pageWidth = orientation === 'portrait' ? A4_TWIPS.width : A4_TWIPS.height;
  return pageWidth - mmToTwip(layout.margins.left) - mmToTwip(layout.margins.right);
}

// ---------------------------------------------------------------------------------------------
// Input types
// ---------------------------------------------------------------------------------------------

export type Align = 'left' | 'center' | 'right' | 'justify';

/** A piece of text with its own emphasis. A '\n' in `text` is a line break. */
export interface TextSpan {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export type RichText = string | readonly TextSpan[];

export interface Decree30Header {
  /** Tên cơ quan, tổ chức chủ quản trực tiếp (printed in capitals), e.g. 'Ủy ban nhân dân phường Chánh Hưng'. */
  superior?: string;
  /** Tên cơ quan, tổ chức ban hành (printed in bold capitals), e.g. 'Trường Mầm non Tuổi Thơ'. */
  unit: string;
}

export interface PlaceDate {
  /** Địa danh, e.g. 'Quận 8', 'Phường Chánh Hưng'. */
  place: string;
  /** Without a date the line keeps the blanks "ngày … tháng … năm …" to be filled in by hand. */
  date?: DateInput;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: RichText;
  /** Default 'justify'. */
  align?: Align;
  /** First-line indent of 1.27 cm (Decree 30: 1–1.27 cm). Default true for justified text. */
  indent?: boolean;
  bold?: boolean;
  italic?: boolean;
  /** Points; default the body size. */
  size?: number;
  /** Keep on the same page as the next block. */
  keepWithNext?: boolean;
}

export interface HeadingBlock {
  kind: 'heading';
  /** Written as given ("I. MỤC TIÊU", "1. Công tác chỉ đạo, điều hành"). */
  text: string;
  /** 1 and 2: bold; 3: bold italic. Default 1. */
  level?: 1 | 2 | 3;
}

export interface TableColumn {
  header: string;
  /** Relative weight; the table fills the text width. */
  width: number;
  /** Alignment of the column's body cells; default 'left'. */
  align?: Align;
}

export interface TableCellSpec {
  content: RichText;
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  /** Number of columns the cell spans; default 1. */
  columnSpan?: number;
}

export type TableCellValue = RichText | TableCellSpec;

export interface TableBlock {
  kind: 'table';
  columns: readonly TableColumn[];
  rows: readonly (readonly TableCellValue[])[];
  /** Points; default 13. */
  fontSize?: number;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

export interface Signature {
  /** Thẩm quyền ký, e.g. 'KT. HIỆU TRƯỞNG', 'TM. ỦY BAN NHÂN DÂN'; printed above the title. */
  authority?: string;
  /** Chức vụ của người ký, e.g. 'HIỆU TRƯỞNG', 'NGƯỜI TIẾP NHẬN HỒ SƠ' (bold capitals). */
  title: string;
  /** Italic line under the title; default "(Ký, ghi rõ họ tên)", null for none. */
  note?: string | null;
  /** Họ và tên (bold); without it the space is left for a handwritten name. */
  name?: string;
}

/** One signature block, where it stands (usually inside a `columns` block). */
export interface SignatureBlock {
  kind: 'signature';
  signature: Signature;
}

/** Signature blocks side by side (e.g. "NGƯỜI NỘP HỒ SƠ" and "NGƯỜI TIẾP NHẬN HỒ SƠ"). */
export interface SignaturesBlock {
  kind: 'signatures';
  signatures: readonly Signature[];
}

/** Blocks side by side in borderless columns (relative widths), e.g. a QR code beside signatures. */
export interface ColumnsBlock {
  kind: 'columns';
  columns: readonly { width: number; blocks: readonly Block[] }[];
}

export interface ImageBlock {
  kind: 'image';
  data: Uint8Array;
  type: 'png' | 'jpg';
  widthMm: number;
  heightMm: number;
  /** Italic line under the image. */
  caption?: string;
  /** Default 'center'. */
  align?: Align;
  altText?: string;
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | TableBlock
  | PageBreakBlock
  | SignatureBlock
  | SignaturesBlock
  | ColumnsBlock
  | ImageBlock;

export interface Appendix {
  /** Default "PHỤ LỤC n" (n from 1). */
  label?: string;
  /** Tên phụ lục (bold capitals). */
  title?: string;
  /** Default "(Ban hành kèm theo <Loại văn bản> số <số> ngày … của <đơn vị>)". */
  note?: string;
  body: readonly Block[];
  /** Wide appendix tables may be landscape. Default 'portrait'. */
  orientation?: Orientation;
}

export interface Decree30DocumentSpec {
  header: Decree30Header;
  /** Số, ký hiệu, e.g. '71/KH-MNTT' (printed "Số: 71/KH-MNTT"). Omitted: the line is left out. */
  number?: string;
  placeDate: PlaceDate;
  /** Tên loại văn bản, e.g. 'Kế hoạch' (printed in bold capitals). */
  title: string;
  /** Trích yếu nội dung (bold, with a short rule under it). A '\n' breaks the line. */
  subtitle?: string;
  body: readonly Block[];
  /** "Nơi nhận:" items, e.g. ['Như trên;', 'Lưu: VT.']. */
  recipients?: readonly string[];
  signature?: Signature;
  appendices?: readonly Appendix[];
  layout?: Decree30LayoutOptions;
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

interface Ctx {
  layout: Decree30Layout;
  /** Text width of the current section, twips. */
  width: number;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
} as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const THIN_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
} as const;

/** Text runs for one piece of text; '\n' becomes a line break. Every run names the font. */
function runs(text: string, style: RunStyle): TextRun[] {
  return nfc(text)
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          font: DECREE30_FONT,
          size: style.size * 2,
          bold: style.bold,
          italics: style.italic,
          underline: style.underline ? {} : undefined,
        }),
    );
}

function richRuns(text: RichText, style: RunStyle): TextRun[] {
  if (typeof text === 'string') return runs(text, style);
  return text.flatMap((span) =>
    runs(span.text, {
      size: style.size,
      bold: span.bold ?? style.bold,
      italic: span.italic ?? style.italic,
      underline: span.underline ?? style.underline,
    }),
  );
}

/** A single-spaced line with no spacing around it (header, tables, signature blocks). */
function line(
  text: RichText,
  style: RunStyle,
  align: Align = 'center',
  extra: { before?: number; after?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: { before: extra.before ?? 0, after: extra.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    keepNext: extra.keepNext,
    children: richRuns(text, style),
  });
}

/** A short horizontal rule, centred in a space `available` twips wide. */
function rule(ruleWidth: number, available: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((available - ruleWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after, line: 80, lineRule: LineRuleType.EXACT },
    run: { size: 2, font: DECREE30_FONT },
    children: [],
  });
}

/** Decree 30: the rule under the unit's name is 1/3 to 1/2 as long as the line; we take 40%. */
function unitRuleWidth(unit: string, available: number): number {
  const longest = Math.max(
    ...upper(unit)
      .split('\n')
      .map((l) => l.length),
  );
  const textWidth = Math.min(available, longest * BOLD_CAPS_TWIPS_PER_PT * DECREE30_SIZES.unit);
  return Math.max(567, Math.round(textWidth * 0.4));
}

function layoutCell(children: (Paragraph | Table)[], width: number): TableCell {
  // A cell must end with a paragraph (Word refuses a cell whose last element is a table).
  const last = children[children.length - 1];
  return new TableCell({
    children: last === undefined || last instanceof Table ? [...children, new Paragraph({})] : children,
    width: { size: width, type: WidthType.DXA },
    borders: NO_BORDERS,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { left: LAYOUT_CELL_MARGIN, right: LAYOUT_CELL_MARGIN, top: 0, bottom: 0 },
  });
}

/** A borderless table of fixed column widths used to place blocks side by side. */
function layoutTable(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/** Splits `total` twips by relative `weights`, the last column taking the rounding. */
function splitWidth(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0 || weights.some((w) => !(w > 0))) {
    throw new RangeError('Table column widths must be positive numbers');
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * The header (Decree 30, Phụ lục I, ô 1–5): superior and unit top left with a short rule, the
 * national title and motto top right with a rule as long as the motto; then "Số: …" under the
 * unit and the place and date, in italics, under the motto.
 */
export function headerTable(
  layout: Decree30Layout,
  header: Decree30Header,
  number: string | undefined,
  placeDate: PlaceDate,
): Table {
  const width = textWidthTwips(layout);
  const [leftWidth, rightWidth] = splitWidth(width, [HEADER_LEFT_SHARE, 1 - HEADER_LEFT_SHARE]) as [
    number,
    number,
  ];
  const leftInner = leftWidth - 2 * LAYOUT_CELL_MARGIN;
  const rightInner = rightWidth - 2 * LAYOUT_CELL_MARGIN;

  const left: Paragraph[] = [];
  if (header.superior) left.push(line(upper(header.superior), { size: DECREE30_SIZES.superior }));
  left.push(line(upper(header.unit), { size: DECREE30_SIZES.unit, bold: true }));
  left.push(rule(unitRuleWidth(header.unit, leftInner), leftInner));

  const right = [
    line(NATIONAL_TITLE, { size: DECREE30_SIZES.nationalTitle, bold: true }),
    line(MOTTO, { size: DECREE30_SIZES.motto, bold: true }),
    rule(Math.round(MOTTO_TWIPS_PER_PT * DECREE30_SIZES.motto), rightInner),
  ];

  const numberLine = number
    ? [line(`Số: ${nfc(number)}`, { size: DECREE30_SIZES.number }, 'center', { before: 120 })]
    : [];
  const dateLine = [
    line(
      formatPlaceDate(placeDate.place, placeDate.date),
      { size: DECREE30_SIZES.placeDate, italic: true },
      'center',
      { before: 120 },
    ),
  ];

  return layoutTable(
    [
      new TableRow({ children: [layoutCell(left, leftWidth), layoutCell(right, rightWidth)] }),
      new TableRow({ children: [layoutCell(numberLine, leftWidth), layoutCell(dateLine, rightWidth)] }),
    ],
    [leftWidth, rightWidth],
  );
}

/** Tên loại văn bản (bold caps, centred) and the trích yếu with a short rule under it. */
export function titleParagraphs(layout: Decree30Layout, title: string, subtitle?: string): Paragraph[] {
  const size = layout.bodySize;
  const after = 240;
  const out = [
    line(upper(title), { size, bold: true }, 'center', {
      before: 360,
      after: subtitle ? 0 : after,
      keepNext: true,
    }),
  ];
  if (subtitle) {
    out.push(line(subtitle, { size, bold: true }, 'center', { keepNext: true }));
    const longest = Math.max(
      ...nfc(subtitle)
        .split('\n')
        .map((l) => l.length),
    );
    const available = textWidthTwips(layout);
    const textWidth = longest * TEXT_TWIPS_PER_PT * size;
    out.push(rule(Math.max(567, Math.min(available / 2, Math.round(textWidth * 0.4))), available, after));
  }
  return out;
}

function bodyParagraph(ctx: Ctx, block: ParagraphBlock): Paragraph {
  const align = block.align ?? 'justify';
  const indent = block.indent ?? align === 'justify';
  return new Paragraph({
    alignment: ALIGN[align],
    indent: indent ? { firstLine: mmToTwip(12.7) } : undefined,
    spacing: {
      before: 0,
      // Decree 30: at least 6 pt between paragraphs.
      after: 120,
      line: Math.round(240 * ctx.layout.lineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    keepNext: block.keepWithNext,
    children: richRuns(block.text, {
      size: block.size ?? ctx.layout.bodySize,
      bold: block.bold,
      italic: block.italic,
    }),
  });
}

function headingParagraph(ctx: Ctx, block: HeadingBlock): Paragraph {
  const level = block.level ?? 1;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwip(12.7) },
    spacing: {
      before: level === 1 ? 120 : 60,
      after: 120,
      line: Math.round(240 * ctx.layout.lineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    keepNext: true,
    children: runs(block.text, { size: ctx.layout.bodySize, bold: true, italic: level === 3 }),
  });
}

function cellSpec(value: TableCellValue): TableCellSpec {
  return typeof value === 'string' || Array.isArray(value)
    ? { content: value as RichText }
    : (value as TableCellSpec);
}

function gridCell(
  children: Paragraph[],
  width: number,
  columnSpan: number,
  verticalAlign: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable],
): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: columnSpan > 1 ? columnSpan : undefined,
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN },
    verticalAlign,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
  });
}

function dataTable(ctx: Ctx, block: TableBlock): Table {
  const size = block.fontSize ?? DECREE30_SIZES.table;
  const widths = splitWidth(
    ctx.width,
    block.columns.map((c) => c.width),
  );
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, i) =>
      gridCell([line(column.header, { size, bold: true })], widths[i]!, 1, VerticalAlignTable.CENTER),
    ),
  });
  const bodyRows = block.rows.map((row, r) => {
    let col = 0;
    const cells = row.map((value) => {
      const spec = cellSpec(value);
      const span = spec.columnSpan ?? 1;
      if (col + span > widths.length) {
        throw new RangeError(`Table row ${r + 1} has more cells than the ${widths.length} columns`);
      }
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const align = spec.align ?? block.columns[col]?.align ?? 'left';
      col += span;
      const style = { size, bold: spec.bold, italic: spec.italic };
      // Each line of a plain-text cell is its own paragraph (readers and search see the lines apart).
      const paragraphs =
        typeof spec.content === 'string'
          ? spec.content.split('\n').map((l) => line(l, style, align, { before: 20, after: 20 }))
          : [line(spec.content, style, align, { before: 20, after: 20 })];
      return gridCell(paragraphs, width, span, VerticalAlignTable.TOP);
    });
    while (col < widths.length) {
      cells.push(gridCell([line('', { size })], widths[col]!, 1, VerticalAlignTable.TOP));
      col++;
    }
    return new TableRow({ children: cells });
  });
  return new Table({
    rows: [headerRow, ...bodyRows],
    width: { size: ctx.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: THIN_BORDERS,
  });
}

/** One signature block: authority, title, note, room to sign, name. */
export function signatureParagraphs(layout: Decree30Layout, signature: Signature): Paragraph[] {
  const size = layout.bodySize;
  const out: Paragraph[] = [];
  if (signature.authority)
    out.push(line(upper(signature.authority), { size, bold: true }, 'center', { keepNext: true }));
  out.push(line(upper(signature.title), { size, bold: true }, 'center', { keepNext: true }));
  const note = signature.note === undefined ? '(Ký, ghi rõ họ tên)' : signature.note;
  if (note) out.push(line(note, { size, italic: true }, 'center', { keepNext: true }));
  out.push(line(signature.name ?? '', { size, bold: true }, 'center', { before: SIGNATURE_SPACE }));
  return out;
}

function columnsTable(ctx: Ctx, columns: ColumnsBlock['columns']): Table {
  if (columns.length === 0) throw new RangeError('A columns block needs at least one column');
  const widths = splitWidth(
    ctx.width,
    columns.map((c) => c.width),
  );
  return layoutTable(
    [
      new TableRow({
        cantSplit: true,
        children: columns.map((column, i) =>
          layoutCell(
            renderBlocks(ctx.layout, column.blocks, widths[i]! - 2 * LAYOUT_CELL_MARGIN),
            widths[i]!,
          ),
        ),
      }),
    ],
    widths,
  );
}

function imageParagraphs(ctx: Ctx, block: ImageBlock): Paragraph[] {
  const px = (mm: number): number => Math.round((mm / 25.4) * 96);
  const align = ALIGN[block.align ?? 'center'];
  const image = new Paragraph({
    alignment: align,
    keepNext: block.caption !== undefined,
    spacing: { before: 120, after: 0 },
    children: [
      new ImageRun({
        type: block.type,
        data: block.data,
        transformation: { width: px(block.widthMm), height: px(block.heightMm) },
        altText: block.altText
          ? { name: block.altText, description: block.altText, title: block.altText }
          : undefined,
      }),
    ],
  });
  if (!block.caption) return [image];
  return [
    image,
    line(block.caption, { size: ctx.layout.bodySize - 2, italic: true }, block.align ?? 'center', {
      after: 120,
    }),
  ];
}

/** Lays out body blocks for a section whose text width is `width` twips. */
export function renderBlocks(
  layout: Decree30Layout,
  blocks: readonly Block[],
  width = textWidthTwips(layout),
): (Paragraph | Table)[] {
  const ctx: Ctx = { layout, width };
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    switch (block.kind) {
      case 'paragraph':
        return [bodyParagraph(ctx, block)];
      case 'heading':
        return [headingParagraph(ctx, block)];
      case 'table':
        // An empty paragraph after a table keeps two tables from merging and spaces the next block.
        return [dataTable(ctx, block), new Paragraph({ spacing: { before: 0, after: 120 }, children: [] })];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      case 'signature':
        return signatureParagraphs(ctx.layout, block.signature);
      case 'signatures':
        if (block.signatures.length === 0)
          throw new RangeError('A signatures block needs at least one signature');
        return [
          columnsTable(
            ctx,
            block.signatures.map((signature) => ({ width: 1, blocks: [{ kind: 'signature', signature }] })),
          ),
        ];
      case 'columns':
        return [columnsTable(ctx, block.columns)];
      case 'image':
        return imageParagraphs(ctx, block);
    }
  });
}

/** "Nơi nhận:" bottom left and the signature bottom right (Decree 30, ô 7 and 9). */
export function closingTable(
  layout: Decree30Layout,
  recipients: readonly string[] | undefined,
  signature: Signature | undefined,
): Table {
  const [leftWidth, rightWidth] = splitWidth(textWidthTwips(layout), [0.45, 0.55]) as [number, number];
  const left: Paragraph[] = [];
  if (recipients && recipients.length > 0) {
    left.push(
      line('Nơi nhận:', { size: DECREE30_SIZES.recipientsHeading, bold: true, italic: true }, 'left', {
        keepNext: true,
      }),
    );
    for (const item of recipients) {
      const text = nfc(item).trim();
      left.push(
        line(text.startsWith('-') ? text : `- ${text}`, { size: DECREE30_SIZES.recipientsItem }, 'left'),
      );
    }
  }
  const right = signature ? signatureParagraphs(layout, signature) : [];
  return layoutTable(
    [
      new TableRow({
        cantSplit: true,
        children: [layoutCell(left, leftWidth), layoutCell(right, rightWidth)],
      }),
    ],
    [leftWidth, rightWidth],
  );
}

/** "Kế hoạch" from "KẾ HOẠCH": the kind of document as named inside a sentence. */
function sentenceCase(text: string): string {
  const lower = nfc(text).toLocaleLowerCase('vi-VN');
  return lower.charAt(0).toLocaleUpperCase('vi-VN') + lower.slice(1);
}

/** "PHỤ LỤC 1", its name and "(Ban hành kèm theo …)" (Decree 30, Phụ lục I, IV). */
export function appendixHeading(
  layout: Decree30Layout,
  label: string,
  title: string | undefined,
  note: string,
  width: number,
): Paragraph[] {
  const size = layout.bodySize;
  const out = [line(upper(label), { size, bold: true }, 'center', { keepNext: true })];
  if (title) out.push(line(upper(title), { size, bold: true }, 'center', { keepNext: true }));
  out.push(line(note, { size, italic: true }, 'center', { keepNext: true }));
  out.push(rule(Math.round(width / 6), width, 240));
  return out;
}

function defaultAppendixNote(spec: Decree30DocumentSpec): string {
  const number = spec.number ? ` số ${nfc(spec.number)}` : '';
  const date = spec.placeDate.date === undefined ? '' : ` ${formatLongDate(spec.placeDate.date)}`;
  return `(Ban hành kèm theo ${sentenceCase(spec.title)}${number}${date} của ${nfc(spec.header.unit)})`;
}

/** Page number centred in the top margin, from the second page of the section (Decree 30, II.10). */
function pageNumberHeaders(): NonNullable<ISectionOptions['headers']> {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: [PageNumber.CURRENT],
              font: DECREE30_FONT,
              size: DECREE30_SIZES.pageNumber * 2,
            }),
          ],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/** Section properties: A4 in the given orientation, Decree 30 margins, page numbers from page 2. */
export function sectionProperties(
  layout: Decree30Layout,
  orientation: Orientation,
  restartPageNumbers: boolean,
): Pick<ISectionOptions, 'properties' | 'headers'> {
  const m = layout.margins;
  return {
    properties: {
      titlePage: true,
      page: {
        size:
          orientation === 'portrait'
            ? { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.PORTRAIT }
            : { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.LANDSCAPE },
        margin: {
          top: mmToTwip(m.top),
          bottom: mmToTwip(m.bottom),
          left: mmToTwip(m.left),
          right: mmToTwip(m.right),
          header: mmToTwip(10),
          footer: mmToTwip(10),
        },
        pageNumbers: restartPageNumbers ? { start: 1 } : undefined,
      },
    },
    headers: pageNumberHeaders(),
  };
}

/** Packs sections into a .docx with Times New Roman and the body size as the document defaults. */
export async function packDocument(
  layout: Decree30Layout,
  sections: ISectionOptions[],
  meta: { title?: string; creator?: string } = {},
): Promise<Buffer> {
  const doc = new Document({
    title: meta.title ? nfc(meta.title) : undefined,
    creator: meta.creator ? nfc(meta.creator) : 'cchc',
    styles: {
      default: {
        document: {
          run: { font: DECREE30_FONT, size: layout.bodySize * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(doc);
}

/** A complete document in the Decree 30 layout. */
export async function decree30Document(spec: Decree30DocumentSpec): Promise<Buffer> {
  const layout = resolveLayout(spec.layout);
  const mainChildren: (Paragraph | Table)[] = [
    headerTable(layout, spec.header, spec.number, spec.placeDate),
    ...titleParagraphs(layout, spec.title, spec.subtitle),
    ...renderBlocks(layout, spec.body),
  ];
  if (spec.recipients?.length || spec.signature) {
    mainChildren.push(closingTable(layout, spec.recipients, spec.signature));
  }
  const sections: ISectionOptions[] = [
    { ...sectionProperties(layout, 'portrait', false), children: mainChildren },
  ];
  (spec.appendices ?? []).forEach((appendix, i) => {
    const orientation = appendix.orientation ?? 'portrait';
    const width = textWidthTwips(layout, orientation);
    sections.push({
      ...sectionProperties(layout, orientation, true),
      children: [
        ...appendixHeading(
          layout,
          appendix.label ?? `PHỤ LỤC ${i + 1}`,
          appendix.title,
          appendix.note ?? defaultAppendixNote(spec),
          width,
        ),
        ...renderBlocks(layout, appendix.body, width),
      ],
    });
  });
  return packDocument(layout, sections, { title: spec.title, creator: spec.header.unit });
}
