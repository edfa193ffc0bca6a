import { existsSync } from "node:fs";
import { DEFAULT_CJK_FONT } from "../config.ts";

export { DEFAULT_CJK_FONT };

/**
 * The CJK font the PNG and PDF pictures embed. Debian's fonts-noto-cjk puts Noto Sans CJK at
 * this path (the Dockerfile installs it); CJK_FONT_FILE (server/config.ts) points elsewhere (a
 * .ttc or .otf). The face inside a collection is chosen by its PostScript name.
 */
export const CJK_POSTSCRIPT_NAME = "NotoSansCJKsc-Regular";
/** The bold face, from the same path with Bold for Regular (fonts-noto-cjk ships both); regular when absent. */
export const CJK_BOLD_POSTSCRIPT_NAME = "NotoSansCJKsc-Bold";
export const CJK_FAMILY = "Noto Sans CJK SC";

export class FontMissingError extends Error {}

/** The font file, checked: a missing one is named with how to install it. */
export function cjkFontFile(file: string = DEFAULT_CJK_FONT): string {
  if (!existsSync(file)) {
    throw new FontMissingError(
      `the CJK font ${file} is missing: install fonts-noto-cjk (apt-get install fonts-noto-cjk) or set CJK_FONT_FILE / 缺少中文字体`,
    );
  }
  return file;
}
