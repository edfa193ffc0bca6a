import { describe, expect, it } from "vitest";
import { escapeLucene, exactKey, luceneQuery, tokenize } from "../../../server/search/lucene-query.ts";
import { toSimplified } from "../../../server/search/normalize-text.ts";

describe("Lucene query from what a planner types", () => {
  it("keeps Chinese runs whole (the CJK analyzer bigrams them) and boosts the run as a phrase", () => {
    expect(luceneQuery("纳爱斯")).toBe('("纳爱斯"^4 OR 纳爱斯)');
  });

  it("turns a single Chinese character into a prefix so it meets the bigrams", () => {
    expect(luceneQuery("丽")).toBe("(丽 OR 丽*)");
  });

  it("gives Latin words an exact, a prefix and (from 4 letters) a one-typo alternative", () => {
    expect(luceneQuery("Nise")).toBe("(nise^3 OR nise* OR nise~1)");
    expect(luceneQuery("abc")).toBe("(abc^3 OR abc*)");
  });

  it("splits mixed text into Latin and CJK tokens", () => {
    expect(tokenize("5G手机 Nice")).toEqual([
      { text: "5g", cjk: false },
      { text: "手机", cjk: true },
      { text: "nice", cjk: false },
    ]);
  });

  it("never lets Lucene syntax through", () => {
    expect(luceneQuery('a:b* OR (x) AND "y~')).toBe(
      "(a^3 OR a*) OR (b^3 OR b*) OR (or^3 OR or*) OR (x^3 OR x*) OR (and^3 OR and*) OR (y^3 OR y*)",
    );
    for (const token of tokenize('a:b* OR (x) AND "y~ \\ /z/ [1 TO 2]')) expect(token.text).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(escapeLucene('a:b*(c)"~\\/')).toBe('a\\:b\\*\\(c\\)\\"\\~\\\\\\/');
  });

  it("normalises full-width letters and case, and gives nothing for punctuation only", () => {
    expect(luceneQuery("ＮＩＣＥ")).toBe(luceneQuery("nice"));
    expect(luceneQuery("（）!?")).toBeNull();
    expect(exactKey("  Nice Group ")).toBe("nice group");
  });

  it("ignores invisible format characters: a zero-width space changes nothing", () => {
    expect(luceneQuery("纳\u200b爱斯")).toBe(luceneQuery("纳爱斯"));
    expect(luceneQuery("\ufeffNi\u00adce\u200d")).toBe(luceneQuery("nice"));
    expect(exactKey("纳爱斯\u200b集团")).toBe("纳爱斯集团");
    expect(luceneQuery("\u200b\u200c")).toBeNull();
  });

  it("also searches the simplified form of traditional characters, keeping the typed form", () => {
    expect(toSimplified("麗水市經濟開發區")).toBe("丽水市经济开发区");
    expect(toSimplified("丽水 Nice")).toBe("丽水 Nice");
    const query = luceneQuery("麗水") ?? "";
    expect(query).toContain('"丽水"^4');
    expect(query).toContain('"麗水"^4');
    // Simplified input is searched as typed, with no second form.
    expect(luceneQuery("丽水")).toBe('("丽水"^4 OR 丽水)');
  });
});
