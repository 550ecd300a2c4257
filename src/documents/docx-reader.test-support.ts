/**
 * Reading generated .docx files back in tests: the parts of the package, the plain text of the
 * body, and the same text through mammoth (an independent reader of the format).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface DocxParts {
  zip: JSZip;
  documentXml: string;
  stylesXml: string;
  /** Paths under word/media/. */
  media: string[];
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is missing from the package`);
    return file.async('string');
  };
  return {
    zip,
    documentXml: await read('word/document.xml'),
    stylesXml: await read('word/styles.xml'),
    media: Object.keys(zip.files).filter((p) => p.startsWith('word/media/') && !zip.files[p]!.dir),
  };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * The plain text of a WordprocessingML part: one line per paragraph, the runs' text joined, tabs
 * as '\t' and line breaks as '\n'.
 */
export function plainText(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  return paragraphs
    .map((p) => {
      let out = '';
      for (const token of p.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
        if (token[0].startsWith('<w:tab')) out += '\t';
        else if (token[0].startsWith('<w:br')) out += '\n';
        else out += decodeXml(token[1] ?? '');
      }
      return out;
    })
    .join('\n');
}

export async function mammothText(buffer: Buffer): Promise<string> {
  const result = await mammoth.extractRawText({ buffer });
  return result.value;
}

/** Every w:rFonts element of the part names Times New Roman for Latin text. */
export function fontsUsed(xml: string): Set<string> {
  return new Set([...xml.matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((m) => m[1]!));
}

/** The attributes of the first section's page size and margins. */
export function sectionGeometry(xml: string): { pgSz: string[]; pgMar: string[] } {
  return {
    pgSz: [...xml.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]),
    pgMar: [...xml.matchAll(/<w:pgMar [^>]*\/>/g)].map((m) => m[0]),
  };
}

/** The whole <w:r> element whose text contains `text` (to check its formatting). */
export function runWith(xml: string, text: string): string {
  const run = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]).find((r) => r.includes(text));
  if (!run) throw new Error(`No run contains “${text}”`);
  return run;
}

/** The whole <w:p> element whose text contains `text`. */
export function paragraphWith(xml: string, text: string): string {
  const p = (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).find((x) => x.includes(text));
  if (!p) throw new Error(`No paragraph contains “${text}”`);
  return p;
}
