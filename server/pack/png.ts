import { Resvg } from "@resvg/resvg-js";
import { CJK_FAMILY, cjkFontFile, DEFAULT_CJK_FONT } from "./fonts.ts";
import { outlineText } from "./text-outlines.ts";

/**
 * SVG to PNG with resvg (Rust, prebuilt binaries on npm; no browser, no system font lookup). The
 * text arrives already outlined from the CJK font file (text-outlines.ts), so Chinese renders
 * the same on this machine and in the image; the font is still handed over for anything left.
 */
export function svgToPng(svg: string, fontFile: string = DEFAULT_CJK_FONT, scale = 1.5): Buffer {
  const resvg = new Resvg(outlineText(svg, fontFile), {
    font: { fontFiles: [cjkFontFile(fontFile)], loadSystemFonts: false, defaultFontFamily: CJK_FAMILY },
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
  });
  return Buffer.from(resvg.render().asPng());
}
