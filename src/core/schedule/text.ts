import type { Span } from './types.js';

/**
 * A searchable form of a Vietnamese text that remembers where each character came from.
 *
 * Matching is done on `text`: lower case, without diacritics ("Quý" → "quy", "Đ" → "d"), HTML
 * tags blanked, dashes unified. Users type deadlines with or without diacritics, precomposed (NFC)
 * or decomposed (NFD), so folding removes all those differences at once; `starts`/`ends` map a
 * folded range back to the original text so spans stay exact whatever the input form was.
 */
export interface FoldedText {
  text: string;
  /** Original offset where folded char i starts. */
  starts: number[];
  /** Original offset just after folded char i, combining marks included. */
  ends: number[];
}

/** Unicode combining diacritical mark blocks (what NFD splits Vietnamese tone marks into). */
function isCombining(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}
const HTML_TAG = /<\/?[a-zA-Z][^<>]{0,200}>|&nbsp;/g;
const DASHES = /^[\u2010-\u2015\u2212]$/;

// Only the Latin planes are cached, so fuzzing with random Unicode cannot grow it without bound.
const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let folded: string;
  if (ch === '\n' || ch === '\r') folded = '\n';
  else if (/^\s$/u.test(ch)) folded = ' ';
  else if (DASHES.test(ch)) folded = '-';
  else {
    folded = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/đ/g, 'd')
      .replace(/[\u0300-\u036f]/g, '');
  }
  if (ch.charCodeAt(0) < 0x2100) foldCache.set(ch, folded);
  return folded;
}

export function foldText(raw: string): FoldedText {
  const tags: Span[] = [];
  for (const m of raw.matchAll(HTML_TAG)) tags.push({ start: m.index, end: m.index + m[0].length });

  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let lastBase = -1; // index in `text` of the first char produced by the last base character
  // A run of whitespace (tags included) folds to ONE char, '\n' if the run holds a line break,
  // so patterns can be written with single spaces.
  const push = (c: string, start: number, end: number): void => {
    const last = text.length - 1;
    const prev = text[last];
    if ((c === ' ' || c === '\n') && (prev === ' ' || prev === '\n')) {
      ends[last] = end;
      if (c === '\n' && prev === ' ') text = text.slice(0, last) + '\n';
      return;
    }
    text += c;
    starts.push(start);
    ends.push(end);
  };
  let tagIdx = 0;
  let i = 0;
  while (i < raw.length) {
    const tag = tags[tagIdx];
    if (tag !== undefined && tag.start === i) {
      push(' ', tag.start, tag.end);
      lastBase = -1;
      tagIdx++;
      i = tag.end;
      continue;
    }
    const cp = raw.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const ch = raw.slice(i, i + len);
    if (isCombining(cp)) {
      // A decomposed diacritic: it belongs to the previous base letter and folds to nothing.
      if (lastBase >= 0) for (let k = lastBase; k < ends.length; k++) ends[k] = i + len;
    } else {
      const folded = foldChar(ch);
      const before = text.length;
      for (let k = 0; k < folded.length; k++) push(folded[k] ?? '', i, i + len);
      lastBase = text.length > before ? before : -1;
    }
    i += len;
  }
  return { text, starts, ends };
}

/** Folds without keeping the offset map (labels, slugs, comparisons). */
export function fold(raw: string): string {
  return foldText(raw).text;
}

/** Maps a folded range [start, end) back to the original text. */
export function originalSpan(f: FoldedText, start: number, end: number): Span {
  if (end <= start) {
    const at = f.starts[start] ?? (f.ends.length > 0 ? (f.ends[f.ends.length - 1] ?? 0) : 0);
    return { start: at, end: at };
  }
  return { start: f.starts[start] ?? 0, end: f.ends[end - 1] ?? 0 };
}

/** Display form of an original slice: NFC, tags removed, whitespace collapsed, trimmed. */
export function cleanSlice(raw: string, span: Span): string {
  return raw.slice(span.start, span.end).replace(HTML_TAG, ' ').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** 'Kế hoạch' → 'kehoach': the stable part of an occurrence key. */
export function slug(raw: string): string {
  return fold(raw).replace(/[^a-z0-9]+/g, '');
}
