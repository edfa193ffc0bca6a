import { describe, expect, it } from "vitest";
import { type ImportBatch, type ImportReport, importReportSchema } from "../../../model/api/imports.ts";
import { IMPORT_KINDS as SERVER_KINDS } from "../../../server/import/templates.ts";
import { ApiError, describeError } from "../../../web/src/api/errors.ts";
import { translator } from "../../../web/src/i18n/i18n.ts";
import {
  applyReadiness,
  canRevert,
  countRows,
  filesKey,
  IMPORT_KINDS,
  loadToken,
  problemRows,
  saveToken,
  TEMPLATE_LINKS,
} from "../../../web/src/imports/import-rules.ts";
import { defaultState, parseState, serializeState, withState } from "../../../web/src/state/url-state.ts";

const file = (name: string, size = 100, lastModified = 1) => ({ name, size, lastModified });

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return importReportSchema.parse({
    dryRun: true,
    ok: true,
    message: "预演通过 / dry run passed",
    fileName: "firms.csv",
    fileHash: "0".repeat(64),
    sheets: [{ file: "firms.csv", sheet: null, kind: "firms", encoding: "utf-8", rows: 2 }],
    counts: {
      entities: { created: 2, updated: 1, unchanged: 3 },
      relations: { created: 0, updated: 0, unchanged: 4 },
      documentsCreated: 0,
    },
    problems: [],
    problemsTotal: overrides.problems?.length ?? 0,
    problemsOmitted: 0,
    changes: [],
    changesOmitted: 0,
    matches: [],
    ...overrides,
  });
}

describe("import view rules", () => {
  it("offers a CSV template for exactly the kinds the server knows", () => {
    expect([...IMPORT_KINDS]).toEqual([...SERVER_KINDS]);
    expect(TEMPLATE_LINKS.csv("firms")).toBe("/api/import/templates/firms.csv");
  });

  it("identifies a choice of files by name, size and date, in any order", () => {
    expect(filesKey([file("a.csv"), file("b.xlsx")])).toBe(filesKey([file("b.xlsx"), file("a.csv")]));
    expect(filesKey([file("a.csv", 100)])).not.toBe(filesKey([file("a.csv", 101)]));
    expect(filesKey([file("a.csv", 100, 1)])).not.toBe(filesKey([file("a.csv", 100, 2)]));
    expect(filesKey([])).toBe("");
  });

  it("opens Apply only after a passing dry run of the same files, and only once", () => {
    const key = filesKey([file("firms.csv")]);
    const other = filesKey([file("firms.csv", 200)]);
    expect(applyReadiness({ filesKey: "", busy: false })).toEqual({ enabled: false, reason: "import.needFiles" });
    expect(applyReadiness({ filesKey: key, busy: false })).toEqual({ enabled: false, reason: "import.needDryRun" });
    expect(applyReadiness({ filesKey: key, busy: false, dryRun: { filesKey: key, ok: false } }).reason).toBe("import.fixProblems");
    expect(applyReadiness({ filesKey: other, busy: false, dryRun: { filesKey: key, ok: true } }).reason).toBe("import.needDryRun");
    expect(applyReadiness({ filesKey: key, busy: true, dryRun: { filesKey: key, ok: true } }).enabled).toBe(false);
    expect(applyReadiness({ filesKey: key, busy: false, dryRun: { filesKey: key, ok: true } })).toEqual({
      enabled: true,
      reason: "import.ready",
    });
    expect(applyReadiness({ filesKey: key, busy: false, dryRun: { filesKey: key, ok: true }, appliedKey: key }).reason).toBe(
      "import.applied",
    );
  });

  it("turns the report into table rows: counts per kind, problems with errors first and blanks shown as —", () => {
    const answer = report({
      ok: false,
      problems: [
        { file: "firms.csv", sheet: null, row: 3, column: "note", message: "extra column", severity: "warning" },
        { file: "ties.csv", sheet: null, row: 2, column: "to", message: 'refers to unknown id "segment:x"', severity: "error" },
        { file: "book.xlsx", sheet: "企业 firms", row: null, column: null, message: "empty sheet", severity: "error" },
      ],
    });
    expect(countRows(answer)).toEqual([
      { what: "import.entities", created: 2, updated: 1, unchanged: 3 },
      { what: "import.relations", created: 0, updated: 0, unchanged: 4 },
    ]);
    expect(problemRows(answer)).toEqual([
      { severity: "error", file: "ties.csv", sheet: "—", row: "2", column: "to", message: 'refers to unknown id "segment:x"' },
      { severity: "error", file: "book.xlsx", sheet: "企业 firms", row: "—", column: "—", message: "empty sheet" },
      { severity: "warning", file: "firms.csv", sheet: "—", row: "3", column: "note", message: "extra column" },
    ]);
  });

  it("lets only applied batches be reverted", () => {
    const batch = { status: "applied" } as ImportBatch;
    expect(canRevert(batch)).toBe(true);
    expect(canRevert({ ...batch, status: "reverted" })).toBe(false);
    expect(canRevert({ ...batch, status: "applying" })).toBe(false);
  });

  it("keeps the token in the given storage only, trimmed, and forgets it when cleared", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    expect(loadToken(storage)).toBe("");
    saveToken(storage, "  secret-token \n");
    expect(loadToken(storage)).toBe("secret-token");
    saveToken(storage, "");
    expect(store.size).toBe(0);
    const refusing = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => {},
    };
    expect(loadToken(refusing)).toBe("");
    expect(() => saveToken(refusing, "x")).not.toThrow();
  });

  it("has a URL for the import view, and the view never carries a token", () => {
    const hash = serializeState(withState(defaultState(), { view: "import" }));
    expect(hash).toBe("#/import");
    expect(parseState(hash).view).toBe("import");
  });

  it("says what to do about the import endpoint's refusals, in both languages", () => {
    const zh = translator("zh");
    const en = translator("en");
    expect(describeError(new ApiError("http", 401, "needs token"), zh)).toContain("需要编辑权限的令牌");
    expect(describeError(new ApiError("http", 401, "needs token"), en)).toContain("needs an editor token");
    expect(describeError(new ApiError("http", 403, "role"), zh)).toContain("viewer");
    expect(describeError(new ApiError("http", 413, "too big"), en)).toContain("50 MB");
    const conflict = new ApiError("http", 409, "cannot revert import-x: 1 record(s) changed since", {
      fields: [{ field: "firm:a", message: "changed by import-y" }],
    });
    expect(describeError(conflict, zh)).toContain("firm:a: changed by import-y");
  });
});
