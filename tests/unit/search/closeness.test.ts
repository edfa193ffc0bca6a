import { describe, expect, it } from "vitest";
import { closeness, substringDistance } from "../../../server/search/closeness.ts";
import { searchTokens } from "../../../server/search/lucene-query.ts";

describe("how many characters a name is from what was typed", () => {
  it("is 0 when the name contains the typed text, wherever it sits", () => {
    expect(substringDistance("博创医药", "嘉禾博创医药有限公司")).toBe(0);
    expect(substringDistance("", "嘉禾")).toBe(0);
  });

  it("counts one mistyped, missing or extra character as 1", () => {
    expect(substringDistance("嘉禾博鑫医药", "嘉禾博创医药有限公司")).toBe(1);
    expect(substringDistance("嘉禾博医药", "嘉禾博创医药有限公司")).toBe(1);
    expect(substringDistance("嘉禾博创创医药", "嘉禾博创医药有限公司")).toBe(1);
  });

  it("ranks the mistyped firm above one that shares more bigrams but differs in two characters", () => {
    const typed = searchTokens("长银鑫越装备");
    expect(closeness(typed, ["长银博越装备有限公司"])).toBe(1);
    expect(closeness(typed, ["海林鑫越装备有限公司", "鑫越装备"])).toBe(2);
  });

  it("takes each token's best name (English, alias) and its simplified form", () => {
    expect(closeness(searchTokens("Nise 麗水"), ["丽水美妆", "Nice Group"])).toBe(1);
    expect(closeness(searchTokens("博创"), [null, undefined, "嘉禾博创医药"])).toBe(0);
  });

  it("charges a token no name holds at its length", () => {
    expect(closeness(searchTokens("纳爱斯"), [])).toBe(3);
  });
});
