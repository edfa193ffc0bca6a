import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, encodeCsvText } from "../../../server/import/encoding.ts";
import { readRecords } from "../../../server/import/read-records.ts";

const text = "编号 (id),名称 (name)\nfirm:nice-group,纳爱斯集团\n";

describe("decodeText: the encodings Excel and WPS save CSV in", () => {
  it("reads UTF-8 with a BOM and drops the mark", () => {
    expect(decodeText(encodeCsvText(text))).toMatchObject({ text, encoding: "utf-8-bom", suspectLines: [] });
  });

  it("reads plain UTF-8", () => {
    expect(decodeText(Buffer.from(text, "utf8"))).toMatchObject({ text, encoding: "utf-8", suspectLines: [] });
  });

  it("reads GBK (Excel's default CSV on Chinese Windows) as GB18030", () => {
    const gbk = iconv.encode(text, "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    expect(decodeText(gbk)).toMatchObject({ text, encoding: "gb18030", suspectLines: [] });
  });

  it("reads GB18030-only characters", () => {
    const rare = "𠀀企业";
    expect(decodeText(iconv.encode(rare, "gb18030")).text).toBe(rare);
  });
});

// Finding 4 of issue 12: these files were imported as garbage with a 200 and no warning.
const HEADER = "编号 (id),名称 (name),备注 (note)";
const ROWS = [
  "firm:enc-a,丽水甲美妆有限公司,编码测试",
  "firm:enc-b,丽水乙日化有限公司,编码测试",
  "firm:enc-c,丽水丙生物科技有限公司,编码测试",
  "firm:enc-d,丽水丁包装材料有限公司,编码测试",
];
const names = (parsed: Awaited<ReturnType<typeof readRecords>>) => parsed.entities.map((e) => e.props.name);
const errors = (parsed: Awaited<ReturnType<typeof readRecords>>) => [...parsed.problems].filter((p) => p.severity === "error");

describe("encoding honesty: a file whose bytes contradict its encoding is refused row by row, never stored garbled", () => {
  it("GBK text behind a UTF-8 byte-order mark: the file and each row are named, with what to do", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode([HEADER, ...ROWS].join("\r\n"), "gbk")]);
    const parsed = await readRecords([{ name: "firms.csv", bytes }]);
    const found = errors(parsed);
    expect(found.some((p) => p.row === null && /BOM/.test(p.message) && /GBK/.test(p.message))).toBe(true);
    for (const row of [1, 2, 3, 4, 5]) {
      expect(found.some((p) => p.row === row && p.message.includes(`第${row}行含无法按 UTF-8 解读的字节`))).toBe(true);
    }
    expect(found.every((p) => /CSV UTF-8/.test(p.message) || /^另有/.test(p.message))).toBe(true);
  });

  it("a UTF-8 file with one stray byte: read as UTF-8 (not GB18030 mojibake), the one row refused", async () => {
    const lines = [HEADER, ...ROWS].map((line) => Buffer.from(line, "utf8"));
    lines[3] = Buffer.concat([
      Buffer.from("firm:enc-c,丽水丙", "utf8"),
      Buffer.from([0xff]),
      Buffer.from("生物科技有限公司,编码测试", "utf8"),
    ]);
    const bytes = Buffer.concat(lines.flatMap((line) => [line, Buffer.from("\r\n")]));
    const parsed = await readRecords([{ name: "firms.csv", bytes }]);
    expect(parsed.sheets[0]?.encoding).toBe("utf-8");
    expect(errors(parsed).map((p) => [p.row, p.message.slice(0, 19)])).toEqual([[4, "第4行含无法按 UTF-8 解读的字节"]]);
    expect(names(parsed)).toEqual(expect.arrayContaining(["丽水甲美妆有限公司", "丽水乙日化有限公司", "丽水丁包装材料有限公司"]));
  });

  it("a GBK file with one row pasted in UTF-8: that row is named as mixed encodings", async () => {
    const gbk = [HEADER, ...ROWS].map((line) => iconv.encode(line, "gbk"));
    gbk[2] = Buffer.from(ROWS[1]!, "utf8");
    const bytes = Buffer.concat(gbk.flatMap((line) => [line, Buffer.from("\r\n")]));
    const parsed = await readRecords([{ name: "firms.csv", bytes }]);
    expect(parsed.sheets[0]?.encoding).toBe("gb18030");
    const found = errors(parsed);
    expect(found.map((p) => p.row)).toEqual([3]);
    expect(found[0]?.message).toMatch(/第3行是 UTF-8 文字，而文件其余部分是 GBK/);
    expect(names(parsed)).toEqual(expect.arrayContaining(["丽水甲美妆有限公司", "丽水丙生物科技有限公司"]));
  });

  it("a clean GBK file and a clean UTF-8 file have no encoding problem", async () => {
    for (const bytes of [iconv.encode([HEADER, ...ROWS].join("\r\n"), "gbk"), encodeCsvText([HEADER, ...ROWS].join("\r\n"))]) {
      const parsed = await readRecords([{ name: "firms.csv", bytes }]);
      expect(errors(parsed)).toEqual([]);
      expect(names(parsed)).toHaveLength(4);
    }
  });
});
