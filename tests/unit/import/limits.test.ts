import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../../../server/import/limits.ts";
import { ProblemList } from "../../../server/import/problems.ts";
import { readRecords } from "../../../server/import/read-records.ts";
import { badIdsCsv, longCellCsv, manyRowsXlsx, sharedStringsBomb, wideCsv, wideXlsx } from "../../helpers/hostile-files.ts";

const MB = 1024 * 1024;
const limits = (overrides: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...overrides });

describe("import limits, enforced while reading", () => {
  it("stops a zip bomb at the shared-strings limit, whatever its headers claim", async () => {
    const bomb = await sharedStringsBomb(200 * MB);
    expect(bomb.length).toBeLessThan(2 * MB);
    await expect(readRecords([{ name: "bomb.xlsx", bytes: bomb }], undefined, limits({ maxSharedStringsBytes: 8 * MB }))).rejects.toThrow(
      /shared strings unpack to more than 8 MB.*IMPORT_MAX_SHARED_STRINGS_MB/,
    );
  });

  it("stops at the total unpacked limit", async () => {
    const bomb = await sharedStringsBomb(40 * MB);
    await expect(readRecords([{ name: "bomb.xlsx", bytes: bomb }], undefined, limits({ maxUnpackedBytes: 16 * MB }))).rejects.toThrow(
      /IMPORT_MAX_UNPACKED_MB/,
    );
  });

  it("stops at the row limit, counted over every file of the import", async () => {
    const book = await manyRowsXlsx(3000);
    await expect(readRecords([{ name: "firms.xlsx", bytes: book }], undefined, limits({ maxRows: 2000 }))).rejects.toThrow(
      /more than 2,000 rows.*IMPORT_MAX_ROWS/,
    );
    const csv = badIdsCsv(60_000);
    const twoFiles = [
      { name: "firms.csv", bytes: csv },
      { name: "firms-2.csv", bytes: csv },
    ];
    const rows = csv.toString("utf8").split("\r\n").length;
    await expect(readRecords(twoFiles, undefined, limits({ maxRows: rows + 10 }))).rejects.toThrow(/IMPORT_MAX_ROWS/);
  });

  it("stops at the column limit, in CSV and in XLSX (a cell in column XFD)", async () => {
    await expect(readRecords([{ name: "firms.csv", bytes: wideCsv(1000) }], undefined, limits({ maxColumns: 300 }))).rejects.toThrow(
      /row 2 has more than 300 columns.*IMPORT_MAX_COLUMNS/,
    );
    await expect(readRecords([{ name: "firms.xlsx", bytes: await wideXlsx(3) }])).rejects.toThrow(/IMPORT_MAX_COLUMNS/);
  });

  it("reports a cell over the length limit on its row, cut to the limit", async () => {
    const parsed = await readRecords([{ name: "firms.csv", bytes: longCellCsv(5000) }], undefined, limits({ maxCellChars: 1000 }));
    const problem = [...parsed.problems].find((p) => /IMPORT_MAX_CELL_CHARS/.test(p.message));
    expect(problem).toMatchObject({ row: 2, column: "B", severity: "error" });
  });
});

describe("the problem list: the first N kept, every one counted (finding 3 of issue 12)", () => {
  it("keeps the first 100 of 5000 bad rows and counts them all", async () => {
    const parsed = await readRecords([{ name: "firms.csv", bytes: badIdsCsv(5000 * 45) }], undefined, limits({ maxProblems: 100 }));
    expect(parsed.problems.items).toHaveLength(100);
    expect(parsed.problems.total).toBeGreaterThanOrEqual(5000);
    expect(parsed.problems.items[0]?.row).toBe(2);
  });

  it("always keeps an error, even when warnings filled the list first", () => {
    const list = new ProblemList(3);
    const warning = { file: "f.csv", sheet: null, row: 1, column: null, message: "w", severity: "warning" as const };
    list.push(warning, warning, warning, warning);
    list.push({ ...warning, message: "e", severity: "error" });
    expect(list.items.map((p) => p.severity)).toEqual(["warning", "warning", "error"]);
    expect([list.total, list.errorTotal, list.omitted]).toEqual([5, 1, 2]);
  });
});
