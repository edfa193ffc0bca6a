import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralizeFormula } from "../../../model/spreadsheet-text.ts";
import { writeCsv } from "../../../server/export/csv.ts";
import { sampleElements } from "./sample.ts";

describe("CSV export", () => {
  it("starts with a UTF-8 byte-order mark so Excel reads Chinese", () => {
    const csv = writeCsv(sampleElements(), "nodes");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("reads back with a real CSV parser: commas, quotes, line breaks and Chinese intact", () => {
    const rows = parse(writeCsv(sampleElements(), "nodes"), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const nice = rows.find((r) => r.id === "firm:nice-group");
    expect(nice?.label).toBe("纳爱斯集团");
    expect(nice?.description).toBe('日化龙头, "链主"\n第二行 <b>&</b> it\'s a \\ test');
    expect(nice?.tags).toBe("龙头; 规上");
    expect(nice?.sources).toBe("doc:lianzhou-2024: 纳爱斯集团作为区域内链主型龙头企业。");
    expect(rows.find((r) => r.id === "fund:health")?.sizeYuan).toBe("1000000000");
  });

  it("writes the edge table on request", () => {
    const rows = parse(writeCsv(sampleElements(), "edges"), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.type).sort()).toEqual(["INVESTS_IN", "LOCATED_IN"]);
    expect(rows.find((r) => r.type === "INVESTS_IN")).toMatchObject({
      source: "fund:health",
      target: "firm:nice-group",
      amountYuan: "25000000",
    });
  });

  it("keeps spreadsheet formulas from running (CSV injection)", () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralizeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeFormula("纳爱斯")).toBe("纳爱斯");
    expect(neutralizeFormula(-3)).toBe(-3);
  });
});
