import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../../model/calendar-date.ts";
import { documentSchema } from "../../../model/domain.ts";
import { normalizeDate } from "../../../server/import/read-records.ts";

describe("the one calendar-date rule", () => {
  it("accepts days the calendar has, months and years", () => {
    for (const text of ["2026-02-28", "2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30", "2026-02", "2026"])
      expect(isCalendarDate(text), text).toBe(true);
  });

  it("refuses days the calendar lacks, which Date would quietly roll into the next month", () => {
    for (const text of ["2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-13"])
      expect(isCalendarDate(text), text).toBe(false);
  });

  it("is what a document's date and an imported date cell are checked with", () => {
    const doc = { id: "doc:x", title: "t", outlet: "o", file: "f.md" };
    expect(documentSchema.safeParse({ ...doc, date: "2024-02-29" }).success).toBe(true);
    const bad = documentSchema.safeParse({ ...doc, date: "2026-02-30" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/calendar/);
    expect(normalizeDate("2026年2月30日")).toBeNull();
    expect(normalizeDate("2026/4/31")).toBeNull();
    expect(normalizeDate("2024/2/29")).toBe("2024-02-29");
  });
});
