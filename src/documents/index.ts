/** Official documents as files: the Decree 30/2020 layout and the one-stop-shop forms. */
export type {
  Align,
  Appendix,
  Block,
  ColumnsBlock,
  Decree30DocumentSpec,
  Decree30Header,
  Decree30Layout,
  Decree30LayoutOptions,
  Decree30Margins,
  HeadingBlock,
  ImageBlock,
  Orientation,
  PageBreakBlock,
  ParagraphBlock,
  PlaceDate,
  RichText,
  Signature,
  SignatureBlock,
  SignaturesBlock,
  TableBlock,
  TableCellSpec,
  TableCellValue,
  TableColumn,
  TextSpan,
} from './decree30.js';
export {
  A4_TWIPS,
  DECREE30_FONT,
  DECREE30_RANGES,
  DECREE30_SIZES,
  DEFAULT_DECREE30_LAYOUT,
  decree30Document,
  mmToTwip,
  resolveLayout,
} from './decree30.js';
export type { DateInput } from './format.js';
export { formatDateTime, formatLongDate, formatPlaceDate, formatShortDate, formatTime } from './format.js';
export * from './forms/index.js';
