/**
 * Text as every file the project writes must hold it: one shared helper for each rule, so the
 * API's CSV, the template CSV (HTTP and CLI), the browser's compare CSV and every XML-based
 * format (XLSX, GraphML, GEXF) treat a name the same way. Pure: the web app imports it too.
 */

// A cell starting with one of these is run as a formula by Excel and LibreOffice (CSV
// injection, OWASP): = + - @, and tab or carriage return in front of them.
const FORMULA_START = /^[=+\-@\t\r]/;
// A neutralised cell: a leading apostrophe (or more) before a formula start. Neutralising such a
// cell again adds one more, so reading strips exactly one and every value comes back unchanged.
const NEUTRALIZED = /^'+[=+\-@\t\r]/;

/** A CSV cell that a spreadsheet shows as text: one apostrophe in front of a formula start. */
export function neutralizeFormula<T>(cell: T): T | string {
  return typeof cell === "string" && (FORMULA_START.test(cell) || NEUTRALIZED.test(cell)) ? `'${cell}` : cell;
}

/** The value a neutralised CSV cell stood for (import reads CSV through this). */
export function unneutralizeFormula(cell: string): string {
  return NEUTRALIZED.test(cell) ? cell.slice(1) : cell;
}

// Characters XML 1.0 cannot hold at all, escaped or not: most C0 controls, lone surrogates,
// U+FFFE and U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML forbids
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text without the characters XML 1.0 forbids (they are dropped: no XML file can carry them). */
export function xmlSafe(value: string): string {
  return value.replace(INVALID_XML, "");
}

/**
 * Text for an XLSX cell, escaped as Excel escapes it: XML-safe; a literal "_xHHHH_" as
 * "_x005F_xHHHH_" (spreadsheet readers decode that pattern into a character); a carriage return
 * as "_x000D_" (an XML parser would turn a raw one into a line feed).
 */
export function xlsxText(value: string): string {
  return xmlSafe(value)
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/\r/g, "_x000D_");
}
