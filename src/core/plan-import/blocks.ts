// The intermediate representation both readers (HTML from mammoth, and .md/.txt) produce, so
// that the interpretation of a plan is written once.

export interface Para {
  /** Whitespace-normalised NFC text, never empty. */
  text: string;
  /** Every letter of the paragraph is bold. */
  bold: boolean;
  /** 1–6 for a heading, 0 otherwise. */
  heading: number;
  /** Item of a bulleted (`ul`) or numbered (`ol`) list; numbered items lose their number. */
  list: 'ul' | 'ol' | null;
  /** Nesting depth of the list (1 = top level); 0 when not in a list. */
  listDepth: number;
}

export interface Cell {
  paragraphs: Para[];
}

export interface Row {
  cells: Cell[];
  /** The row came from `<thead>` or is made of `<th>` cells. */
  header: boolean;
}

export type Block = { kind: 'paragraph'; para: Para } | { kind: 'table'; rows: Row[] };

export function makePara(text: string, options: Partial<Omit<Para, 'text'>> = {}): Para {
  return {
    text,
    bold: options.bold ?? false,
    heading: options.heading ?? 0,
    list: options.list ?? null,
    listDepth: options.listDepth ?? 0,
  };
}

/** A cell's paragraphs as one line; bulleted paragraphs keep their "- ". */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  return cell.paragraphs
    .map((p) => (p.list === 'ul' && !/^[-–—•+]/u.test(p.text) ? `- ${p.text}` : p.text))
    .join(' ')
    .trim();
}
