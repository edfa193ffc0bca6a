import { existsSync } from "node:fs";
import * as fontkit from "fontkit";
import { CJK_BOLD_POSTSCRIPT_NAME, CJK_POSTSCRIPT_NAME, cjkFontFile } from "./fonts.ts";

/**
 * Turns the <text> elements this folder writes into glyph outlines (<use> of one <path> per
 * glyph), for the PNG only. resvg shapes every text element with a fresh face of the font, and
 * Noto Sans CJK's large layout tables make that cost a quarter of a second per element; fontkit
 * lays the text out once per string and each glyph's outline is defined once. The SVG files in
 * the pack keep real text (selectable, searchable, editable).
 */
type Face = { font: fontkit.Font; prefix: string };

let faces: { file: string; regular: Face; bold: Face } | undefined;

function loadFaces(fontFile: string) {
  if (faces?.file === fontFile) return faces;
  const file = cjkFontFile(fontFile);
  const boldFile = file.replace(/Regular/g, "Bold");
  const regular = { font: fontkit.openSync(file, CJK_POSTSCRIPT_NAME) as fontkit.Font, prefix: "r" };
  const bold =
    boldFile !== file && existsSync(boldFile)
      ? { font: fontkit.openSync(boldFile, CJK_BOLD_POSTSCRIPT_NAME) as fontkit.Font, prefix: "b" }
      : regular;
  faces = { file: fontFile, regular, bold };
  return faces;
}

const ATTRIBUTE = /([\w-]+)="([^"]*)"/g;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

export function outlineText(svg: string, fontFile: string): string {
  const { regular, bold } = loadFaces(fontFile);
  const defined = new Map<string, string>();
  const body = svg.replace(/<text ([^>]*)>([^<]*)<\/text>/g, (_whole, attributes: string, content: string) => {
    const attrs = Object.fromEntries([...attributes.matchAll(ATTRIBUTE)].map((m) => [m[1], m[2]]));
    const face = attrs["font-weight"] === "bold" ? bold : regular;
    const size = Number(attrs["font-size"] ?? 13);
    const scale = size / face.font.unitsPerEm;
    const run = face.font.layout(content.replace(/&(amp|lt|gt|quot);/g, (e) => ENTITIES[e] ?? e));
    const width = run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
    const anchor = attrs["text-anchor"];
    let x = Number(attrs.x ?? 0) - (anchor === "middle" ? width / 2 : anchor === "end" ? width : 0);
    const y = Number(attrs.y ?? 0);
    const uses: string[] = [];
    run.glyphs.forEach((glyph, i) => {
      const position = run.positions[i];
      const id = `${face.prefix}${glyph.id}`;
      if (!defined.has(id)) defined.set(id, glyph.path.toSVG());
      const gx = x + (position?.xOffset ?? 0) * scale;
      const gy = y - (position?.yOffset ?? 0) * scale;
      uses.push(
        `<use href="#${id}" transform="translate(${gx.toFixed(2)} ${gy.toFixed(2)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})"/>`,
      );
      x += (position?.xAdvance ?? 0) * scale;
    });
    return `<g fill="${attrs.fill ?? "#1a202c"}">${uses.join("")}</g>`;
  });
  const defs = `<defs>${[...defined.entries()].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join("")}</defs>`;
  return body.replace(/(<svg [^>]*>)/, `$1${defs}`);
}
