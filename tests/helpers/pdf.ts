import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface ParsedPdf {
  /** Each page's text, its pieces joined without separators (a wrapped line joins up again). */
  pages: string[];
  /** Each text piece of the file, in order (a heading set on its own line is one piece). */
  pieces: string[];
  /** The bookmarks' titles, in order. */
  outline: string[];
  /** How many images each page paints. */
  images: number[];
  /** The file as latin1 text, for its object dictionaries (fonts). */
  raw: string;
}

/** A PDF read the way a viewer reads it (pdf.js): the text of each page through the fonts' ToUnicode maps. */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const pieces: string[] = [];
    const images: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      // Without normalisation pdf.js would turn full-width punctuation (，) into ASCII.
      const content = await page.getTextContent({ disableNormalization: true });
      const strings = content.items.map((item) => ("str" in item ? item.str : ""));
      pages.push(strings.join(""));
      pieces.push(...strings.map((s) => s.trim()).filter(Boolean));
      const ops = await page.getOperatorList();
      images.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length);
    }
    const outline = ((await pdf.getOutline()) ?? []).map((item) => item.title);
    return { pages, pieces, outline, images, raw: Buffer.from(bytes).toString("latin1") };
  } finally {
    await pdf.destroy();
  }
}

/** CJK ideographs and CJK / full-width punctuation. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/g;

/** `text` without any of `allowed` (names, titles, quotes), longest first so a name inside a longer one goes with it. */
export function withoutAllowed(text: string, allowed: Iterable<string>): string {
  let out = text;
  for (const s of [...new Set(allowed)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) out = out.split(s).join(" ");
  return out;
}

/** Every entity name, document title, outlet and quote an API answer holds: what may stay in the other language. */
export function namesAndQuotes(answer: unknown, into = new Set<string>()): Set<string> {
  const KEYS = new Set("label name nameEn title outlet quote locatedIn regionName segmentName products file".split(" "));
  const walk = (value: unknown, key?: string) => {
    if (typeof value === "string") {
      if (key && KEYS.has(key)) into.add(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(answer);
  return into;
}
