import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-8-bom" | "gb18030";

/**
 * Text of a CSV file as Excel and WPS save them: UTF-8 with a byte-order mark, plain UTF-8,
 * or GBK/GB18030 (Excel's "CSV" on a Chinese Windows). A file that is valid UTF-8 is read as
 * UTF-8; anything else is read as GB18030, a superset of GBK and GB2312.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"), encoding: "gb18030" };
  }
}

/** UTF-8 with a BOM: the form Excel opens as Unicode by double-click. */
export function encodeCsvText(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
