// Reader for plans saved as .md or .txt: headings (#), bullets (-, *, +, •), bold/italic marks,
// tab-separated tables (one row per line, as text copied out of Word), Markdown pipe tables
// (`| a | b |` with a `|---|` line), and bits of HTML (<b>, <p>, <br>) inside cells. Every other
// non-blank line is a paragraph of its own; the interpretation joins lines broken mid-sentence.

import type { Block, Cell, Para, Row } from './blocks.js';
import { htmlToBlocks } from './html.js';

const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!|<>~])/g;

/** Markdown inline syntax to the HTML subset `htmlToBlocks` reads. */
function inlineToHtml(source: string): string {
  let s = source.replace(ESCAPABLE, (_m, c: string) => `&#${c.codePointAt(0) ?? 32};`);
  s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  s = s.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/__(?=\S)([\s\S]*?\S)__/g, '<strong>$1</strong>');
  s = s.replace(/(^|[^*\p{L}\p{N}])\*(?=\S)([^*]*?\S)\*(?!\*)/gu, '$1<em>$2</em>');
  s = s.replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>');
  return s;
}

/** The paragraphs of a piece of inline Markdown (it may hold <p> and <br>). */
function inlineParagraphs(source: string): Para[] {
  const out: Para[] = [];
  for (const block of htmlToBlocks(inlineToHtml(source))) {
    if (block.kind === 'paragraph') out.push(block.para);
    else for (const row of block.rows) for (const cell of row.cells) out.push(...cell.paragraphs);
  }
  return out;
}

function parseCell(source: string): Cell {
  return { paragraphs: inlineParagraphs(source) };
}

const PIPE_SEPARATOR = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;
const HORIZONTAL_RULE = /^([-*_])(\s*\1){2,}$/;
const HEADING = /^(#{1,6})\s+(.*?)(\s+#+)?$/;
const BULLET = /^([-*+•])\s+(.*)$/u;

function splitPipeRow(line: string): string[] {
  let s = line.trim().replace(/\\\|/g, '&#124;');
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s.split('|');
}

/** Read .md / .txt text into blocks. */
export function textToBlocks(input: string): Block[] {
  const lines = input.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let table: { kind: 'tab' | 'pipe'; rows: Row[] } | null = null;

  const endTable = (): void => {
    if (table && table.rows.length > 0) blocks.push({ kind: 'table', rows: table.rows });
    table = null;
  };
  const addRow = (kind: 'tab' | 'pipe', cells: string[]): void => {
    if (table?.kind !== kind) {
      endTable();
      table = { kind, rows: [] };
    }
    table.rows.push({ cells: cells.map(parseCell), header: false });
  };
  const addParagraphs = (source: string, options: Partial<Omit<Para, 'text'>>): void => {
    inlineParagraphs(source).forEach((p, i) => {
      const para: Para = { ...p, heading: options.heading ?? 0, bold: p.bold };
      if (i === 0 && options.list) {
        para.list = options.list;
        para.listDepth = options.listDepth ?? 1;
      }
      blocks.push({ kind: 'paragraph', para });
    });
  };

  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (line === '') {
      endTable();
      continue;
    }
    if (/^<table\b/i.test(line)) {
      endTable();
      let chunk = raw;
      while (!/<\/table>/i.test(chunk) && i + 1 < lines.length) {
        i += 1;
        chunk += `\n${lines[i] ?? ''}`;
      }
      blocks.push(...htmlToBlocks(chunk));
      continue;
    }
    if (line.startsWith('|')) {
      if (PIPE_SEPARATOR.test(line)) {
        // The row above the |---| line is the header.
        const t = table as { kind: 'tab' | 'pipe'; rows: Row[] } | null;
        const last = t?.kind === 'pipe' ? t.rows[t.rows.length - 1] : undefined;
        if (last) last.header = true;
        continue;
      }
      addRow('pipe', splitPipeRow(line));
      continue;
    }
    // A tab inside the line separates cells; a leading tab alone is indentation, except in a
    // table already open (a row continued over a page break starts with an empty STT cell).
    const t = table as { kind: 'tab' | 'pipe'; rows: Row[] } | null;
    if (raw.trimStart().includes('\t') || (raw.startsWith('\t') && t?.kind === 'tab')) {
      addRow('tab', raw.split('\t'));
      continue;
    }
    endTable();
    if (HORIZONTAL_RULE.test(line)) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      addParagraphs(heading[2] ?? '', { heading: (heading[1] ?? '#').length });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      const indent = raw.length - raw.trimStart().length;
      addParagraphs(bullet[2] ?? '', { list: 'ul', listDepth: 1 + Math.floor(indent / 2) });
      continue;
    }
    addParagraphs(line, {});
  }
  endTable();
  return blocks;
}
