import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, encodeCsvText } from "../../../server/import/encoding.ts";

const text = "编号 (id),名称 (name)\nfirm:nice-group,纳爱斯集团\n";

describe("decodeText: the encodings Excel and WPS save CSV in", () => {
  it("reads UTF-8 with a BOM and drops the mark", () => {
    expect(decodeText(encodeCsvText(text))).toEqual({ text, encoding: "utf-8-bom" });
  });

  it("reads plain UTF-8", () => {
    expect(decodeText(Buffer.from(text, "utf8"))).toEqual({ text, encoding: "utf-8" });
  });

  it("reads GBK (Excel's default CSV on Chinese Windows) as GB18030", () => {
    const gbk = iconv.encode(text, "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    expect(decodeText(gbk)).toEqual({ text, encoding: "gb18030" });
  });

  it("reads GB18030-only characters", () => {
    const rare = "𠀀企业";
    expect(decodeText(iconv.encode(rare, "gb18030")).text).toBe(rare);
  });
});
