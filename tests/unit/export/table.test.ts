import { describe, expect, it } from "vitest";
import { columnType, edgeTable, formatSources, nodeTable, toCell } from "../../../server/export/table.ts";
import { sampleElements } from "./sample.ts";

describe("export tables", () => {
  it("puts id, type, label, nameEn first and assumption, sources last, other attributes sorted between", () => {
    const { columns } = nodeTable(sampleElements());
    expect(columns.slice(0, 4)).toEqual(["id", "type", "label", "nameEn"]);
    expect(columns.slice(-2)).toEqual(["assumption", "sources"]);
    const middle = columns.slice(4, -2);
    expect(middle).toEqual([...middle].sort());
    expect(columns, "name duplicates label and is left out").not.toContain("name");
  });

  it("starts edge tables with id, source, target, type", () => {
    expect(edgeTable(sampleElements()).columns.slice(0, 4)).toEqual(["id", "source", "target", "type"]);
  });

  it("joins lists with '; ' and flattens citations into one readable cell", () => {
    expect(toCell("tags", ["龙头", "规上"])).toBe("龙头; 规上");
    expect(
      formatSources([
        { doc: "doc:a", quote: "甲" },
        { doc: "doc:b", quote: "乙" },
      ]),
    ).toBe("doc:a: 甲 | doc:b: 乙");
    expect(toCell("x", undefined)).toBeNull();
    expect(toCell("x", Number.NaN)).toBeNull();
  });

  it("types a column by its values: whole numbers long, other numbers double, else string", () => {
    const table = {
      columns: ["a", "b", "c", "d"],
      rows: [
        [1, 1.5, "x", true],
        [2, null, 3, false],
      ],
    };
    expect([0, 1, 2, 3].map((i) => columnType(table, i))).toEqual(["long", "double", "string", "boolean"]);
  });
});
