import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-8-bom" | "gb18030";

/**
 * Why some lines of a CSV file do not fit the encoding it was read in:
 * - "bom-mismatch": the file starts with a UTF-8 byte-order mark but most of it is not UTF-8
 *   (GBK text saved behind a UTF-8 BOM);
 * - "invalid-utf8": a UTF-8 file with stray bytes on some lines;
 * - "mixed": a GBK file with some lines in UTF-8 (pasted from another file);
 * - "invalid-gb18030": bytes that are neither UTF-8 nor GBK/GB18030.
 */
export type EncodingIssue = "bom-mismatch" | "invalid-utf8" | "mixed" | "invalid-gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Line numbers (1-based, counted by line feeds) whose bytes do not fit `encoding`, ascending. */
  suspectLines: number[];
  issue?: EncodingIssue;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");
const LINE_FEED = 0x0a;

interface LineClass {
  line: number;
  bytes: Uint8Array;
  kind: "utf8" | "not-utf8";
}

/** The lines holding non-ASCII bytes, each marked as valid UTF-8 (with Chinese in it) or not. */
function classifyLines(bytes: Uint8Array): LineClass[] {
  const lines: LineClass[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== LINE_FEED) continue;
    const slice = bytes.subarray(start, i);
    if (slice.some((b) => b >= 0x80)) {
      let kind: LineClass["kind"] = "not-utf8";
      try {
        strictUtf8.decode(slice);
        kind = "utf8";
      } catch {
        // left as not-utf8
      }
      lines.push({ line, bytes: slice, kind });
    }
    start = i + 1;
    line += 1;
  }
  return lines;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const CJK_PAIR = /[\u3400-\u9fff].*[\u3400-\u9fff]/s;

/**
 * Text of a CSV file as Excel and WPS save them: UTF-8 with a byte-order mark, plain UTF-8,
 * or GBK/GB18030 (Excel's "CSV" on a Chinese Windows), and the lines that do not fit. A file
 * that is valid UTF-8 is read as UTF-8. Otherwise each line with non-ASCII bytes is checked:
 * a file mostly in UTF-8 (or marked UTF-8 by its BOM) is read as UTF-8 and its other lines are
 * suspect; a file mostly not UTF-8 is read as GB18030 (a superset of GBK and GB2312), and its
 * lines that are UTF-8 Chinese, or not GB18030 either, are suspect. The caller refuses suspect
 * lines instead of storing them garbled.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const utf8Encoding: TextEncoding = bom ? "utf-8-bom" : "utf-8";
  try {
    return { text: strictUtf8.decode(body), encoding: utf8Encoding, suspectLines: [] };
  } catch {
    // not valid UTF-8 throughout: look line by line
  }
  const lines = classifyLines(body);
  const utf8Lines = lines.filter((l) => l.kind === "utf8");
  const otherLines = lines.filter((l) => l.kind === "not-utf8");
  if (bom || utf8Lines.length > otherLines.length) {
    return {
      text: lenientUtf8.decode(body),
      encoding: utf8Encoding,
      suspectLines: otherLines.map((l) => l.line),
      issue: bom && otherLines.length >= utf8Lines.length ? "bom-mismatch" : "invalid-utf8",
    };
  }
  const text = iconv.decode(asBuffer(body), "gb18030");
  const mixed = utf8Lines.filter((l) => CJK_PAIR.test(lenientUtf8.decode(l.bytes)));
  const invalid = otherLines.filter((l) => iconv.decode(asBuffer(l.bytes), "gb18030").includes("\ufffd"));
  const suspectLines = [...mixed, ...invalid].map((l) => l.line).sort((a, b) => a - b);
  return {
    text,
    encoding: "gb18030",
    suspectLines,
    ...(suspectLines.length > 0 ? { issue: mixed.length >= invalid.length ? ("mixed" as const) : ("invalid-gb18030" as const) } : {}),
  };
}

/** What to tell the planner about one suspect row, with what to do about it. */
export function encodingProblem(issue: EncodingIssue, row: number): string {
  const saveAs =
    "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入 / in Excel, Save As “CSV UTF-8 (Comma delimited)” and import that file";
  switch (issue) {
    case "bom-mismatch":
    case "invalid-utf8":
      return `第${row}行含无法按 UTF-8 解读的字节，${saveAs}. Row ${row} has bytes that are not UTF-8.`;
    case "mixed":
      return `第${row}行是 UTF-8 文字，而文件其余部分是 GBK：同一文件混用了两种编码，${saveAs}. Row ${row} is UTF-8 while the rest of the file is GBK.`;
    case "invalid-gb18030":
      return `第${row}行含既不是 UTF-8 也不是 GBK 的字节，${saveAs}. Row ${row} has bytes that are neither UTF-8 nor GBK.`;
  }
}

/** The whole-file line for a BOM that contradicts the content. */
export const BOM_MISMATCH_MESSAGE =
  "文件开头标明是 UTF-8（BOM），但内容不是 UTF-8（像是 GBK）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）” / the file is marked UTF-8 (byte-order mark) but its text is not UTF-8 (it looks like GBK): Save As “CSV UTF-8” in Excel";

/** UTF-8 with a BOM: the form Excel opens as Unicode by double-click. */
export function encodeCsvText(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
