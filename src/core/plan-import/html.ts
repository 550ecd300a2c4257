// A small HTML reader for the simple HTML mammoth makes from .docx files (p, h1–h6, table, tr,
// td, th, strong, em, ul, ol, li, br, a, img), and for the bits of HTML found inside the cells of
// Markdown tables. It is not a general HTML parser: it tolerates missing end tags and ignores what
// it does not know.

import type { Block, Cell, Para, Row } from './blocks.js';
import { makePara } from './blocks.js';
import { clean } from './text.js';

export type Token =
  | { type: 'text'; text: string }
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string };

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  bull: '•',
};

/** Decode &amp; &lt; &gt; &quot; &apos; &nbsp; &#NNN; &#xHH; (and a few typographic names). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const n =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return whole;
      return String.fromCodePoint(n);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const TAG =
  /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);

export function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const pushText = (): void => {
    if (text) tokens.push({ type: 'text', text: decodeEntities(text) });
    text = '';
  };
  let i = 0;
  while (i < html.length) {
    const c = html.charAt(i);
    if (c !== '<') {
      const next = html.indexOf('<', i);
      const end = next < 0 ? html.length : next;
      text += html.slice(i, end);
      i = end;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const m = TAG.exec(html.slice(i));
    if (!m) {
      // A "<" that does not open a tag ("< 5 ngày") is text.
      text += c;
      i += 1;
      continue;
    }
    pushText();
    const name = (m[2] ?? '').toLowerCase();
    if (m[1] === '/') {
      tokens.push({ type: 'close', name });
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(ATTR)) {
        const key = (a[1] ?? '').toLowerCase();
        attrs[key] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      }
      tokens.push({ type: 'open', name, attrs, selfClosing: m[4] === '/' });
    }
    i += m[0].length;
    if (m[1] !== '/' && RAW_TEXT_ELEMENTS.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      i = end < 0 ? html.length : end;
    }
  }
  pushText();
  return tokens;
}

interface Run {
  text: string;
  bold: boolean;
}

interface CellBuilder {
  paragraphs: Para[];
  colspan: number;
  rowspan: number;
}

interface TableBuilder {
  rows: Row[];
  row: CellBuilder[] | null;
  rowIsHeader: boolean;
  cell: CellBuilder | null;
  inHead: boolean;
  /** Cells spanning down (rowspan): column index → the cell and how many rows it still covers. */
  carry: Map<number, { cell: Cell; remaining: number }>;
}

const PARAGRAPH_TAGS = new Set(['p', 'div', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BOLD_TAGS = new Set(['strong', 'b']);

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 1 && n < 100 ? n : 1;
}

/** Read HTML into blocks: paragraphs and tables whose cells hold paragraphs. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableBuilder[] = [];
  const lists: ('ul' | 'ol')[] = [];
  let runs: Run[] = [];
  let heading = 0;
  let bold = 0;
  let itemList: 'ul' | 'ol' | null = null;
  let itemDepth = 0;

  const emit = (para: Para): void => {
    const table = tables[tables.length - 1];
    if (table) {
      if (!table.cell) openCell(table, {});
      table.cell?.paragraphs.push(para);
    } else {
      blocks.push({ kind: 'paragraph', para });
    }
  };

  const flush = (): void => {
    const text = clean(runs.map((r) => r.text).join(''));
    if (text) {
      const letters = runs.filter((r) => clean(r.text) !== '');
      emit(
        makePara(text, {
          bold: letters.length > 0 && letters.every((r) => r.bold),
          heading,
          list: itemList,
          listDepth: itemDepth,
        }),
      );
    }
    runs = [];
  };

  const openCell = (table: TableBuilder, attrs: Record<string, string>): void => {
    if (!table.row) table.row = [];
    table.cell = { paragraphs: [], colspan: spanOf(attrs.colspan), rowspan: spanOf(attrs.rowspan) };
    table.row.push(table.cell);
  };

  const closeCell = (table: TableBuilder): void => {
    flush();
    table.cell = null;
  };

  const closeRow = (table: TableBuilder): void => {
    if (table.cell) closeCell(table);
    if (!table.row) return;
    const cells: Cell[] = [];
    const takeCarried = (): void => {
      let carried = table.carry.get(cells.length);
      while (carried) {
        cells.push({ paragraphs: [...carried.cell.paragraphs] });
        carried.remaining -= 1;
        if (carried.remaining <= 0) table.carry.delete(cells.length - 1);
        carried = table.carry.get(cells.length);
      }
    };
    for (const built of table.row) {
      takeCarried();
      const cell: Cell = { paragraphs: built.paragraphs };
      if (built.rowspan > 1) table.carry.set(cells.length, { cell, remaining: built.rowspan - 1 });
      cells.push(cell);
      for (let k = 1; k < built.colspan; k += 1) cells.push({ paragraphs: [] });
    }
    takeCarried();
    // Spans reaching past the last cell of this row still fill their column.
    const maxCarried = Math.max(-1, ...table.carry.keys());
    while (cells.length <= maxCarried) {
      const carried = table.carry.get(cells.length);
      if (carried) takeCarried();
      else cells.push({ paragraphs: [] });
    }
    table.rows.push({ cells, header: table.rowIsHeader });
    table.row = null;
    table.rowIsHeader = false;
  };

  const closeTable = (): void => {
    const table = tables.pop();
    if (!table) return;
    closeRow(table);
    const outer = tables[tables.length - 1];
    if (outer) {
      // A table inside a cell: its text joins the outer cell, row by row.
      if (!outer.cell) openCell(outer, {});
      for (const row of table.rows)
        for (const cell of row.cells) outer.cell?.paragraphs.push(...cell.paragraphs);
    } else if (table.rows.length > 0) {
      blocks.push({ kind: 'table', rows: table.rows });
    }
  };

  for (const token of tokenize(html)) {
    if (token.type === 'text') {
      runs.push({ text: token.text, bold: bold > 0 });
      continue;
    }
    const name = token.name;
    const table = tables[tables.length - 1];
    if (token.type === 'open') {
      if (PARAGRAPH_TAGS.has(name)) {
        flush();
        if (/^h[1-6]$/.test(name)) heading = Number(name.slice(1));
      } else if (BOLD_TAGS.has(name)) {
        bold += 1;
      } else if (name === 'br') {
        // A line break splits the paragraph; the next line is not a new list item.
        flush();
        itemList = null;
      } else if (name === 'ul' || name === 'ol') {
        flush();
        lists.push(name);
      } else if (name === 'li') {
        flush();
        itemList = lists[lists.length - 1] ?? 'ul';
        itemDepth = Math.max(1, lists.length);
      } else if (name === 'table') {
        flush();
        tables.push({ rows: [], row: null, rowIsHeader: false, cell: null, inHead: false, carry: new Map() });
      } else if (table && name === 'thead') {
        table.inHead = true;
      } else if (table && name === 'tr') {
        closeRow(table);
        table.row = [];
        table.rowIsHeader = table.inHead;
      } else if (table && (name === 'td' || name === 'th')) {
        if (table.cell) closeCell(table);
        flush();
        openCell(table, token.attrs);
        if (name === 'th') table.rowIsHeader = true;
      }
      continue;
    }
    // Closing tags.
    if (PARAGRAPH_TAGS.has(name)) {
      flush();
      heading = 0;
    } else if (BOLD_TAGS.has(name)) {
      bold = Math.max(0, bold - 1);
    } else if (name === 'li') {
      flush();
      itemList = null;
      itemDepth = 0;
    } else if (name === 'ul' || name === 'ol') {
      flush();
      lists.pop();
      itemList = null;
      itemDepth = 0;
    } else if (table && name === 'thead') {
      table.inHead = false;
    } else if (table && (name === 'td' || name === 'th')) {
      closeCell(table);
    } else if (table && name === 'tr') {
      closeRow(table);
    } else if (name === 'table') {
      flush();
      closeTable();
    }
  }
  flush();
  while (tables.length > 0) closeTable();
  return blocks;
}
