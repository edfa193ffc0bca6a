import { existsSync } from "node:fs";

/**
 * The CJK font the PNG and PDF pictures embed. Debian's fonts-noto-cjk puts Noto Sans CJK at
 * this path (the Dockerfile installs it); CHAIN_ATLAS_CJK_FONT points elsewhere (a .ttc or .otf).
 * The face inside a collection is chosen by its PostScript name.
 */
export const DEFAULT_CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
export const CJK_POSTSCRIPT_NAME = "NotoSansCJKsc-Regular";
/** The bold face, from the same path with Bold for Regular (fonts-noto-cjk ships both); regular when absent. */
export const CJK_BOLD_POSTSCRIPT_NAME = "NotoSansCJKsc-Bold";
export const CJK_FAMILY = "Noto Sans CJK SC";

export class FontMissingError extends Error {}

export function cjkFontFile(): string {
  const file = process.env.CHAIN_ATLAS_CJK_FONT || DEFAULT_CJK_FONT;
  if (!existsSync(file)) {
    throw new FontMissingError(
      `the CJK font ${file} is missing: install fonts-noto-cjk (apt-get install fonts-noto-cjk) or set CHAIN_ATLAS_CJK_FONT / 缺少中文字体`,
    );
  }
  return file;
}
