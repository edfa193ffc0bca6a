import { describe, expect, it } from "vitest";
import {
  escapeLucene,
  exactKey,
  looseQueryOf,
  luceneQuery,
  oneOffQueryOf,
  searchTokens,
  strictQueryOf,
  tokenize,
  typoVariants,
} from "../../../server/search/lucene-query.ts";
import { toSimplified } from "../../../server/search/normalize-text.ts";

const oneOff = (text: string) => oneOffQueryOf(searchTokens(text));
const loose = (text: string) => looseQueryOf(searchTokens(text));

describe("strict Lucene query from what a planner types", () => {
  it("searches a Chinese run as a phrase (its bigrams in order)", () => {
    expect(luceneQuery("纳爱斯")).toBe('("纳爱斯")');
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
    expect(luceneQuery("麗水")).toBe('("麗水" OR "丽水")');
    // Simplified input is searched as typed, with no second form.
    expect(luceneQuery("丽水")).toBe('("丽水")');
  });

  it("leaves the legal form out (every firm has one) and finds nothing in a legal form alone", () => {
    expect(luceneQuery("嘉禾博创医药股份有限公司")).toBe('("嘉禾博创医药")');
    expect(luceneQuery("纳爱斯有限公司 Nice")).toBe('("纳爱斯") OR (nice^3 OR nice* OR nice~1)');
    expect(luceneQuery("有限公司")).toBeNull();
    expect(luceneQuery("股份有限公司 公司")).toBeNull();
  });
});

describe("tolerant Lucene query (one character off)", () => {
  it("leaves each character out in turn, keeping the phrases on either side", () => {
    expect(typoVariants("长银鑫越装备")).toEqual([
      '"银鑫越装备"',
      '"鑫越装备"',
      '(+"长银" +"越装备")',
      '(+"长银鑫" +"装备")',
      '"长银鑫越"',
      '"长银鑫越装"',
    ]);
  });

  it("keeps no variant that would rest on fewer than three characters", () => {
    expect(typoVariants("丽水美妆")).toEqual(['"水美妆"', '"丽水美"']);
    expect(typoVariants("丽水美")).toEqual([]);
  });

  it("ORs the variants of each form, traditional and simplified, without the legal form", () => {
    const query = oneOff("長银鑫越装备有限公司") ?? "";
    expect(query).toContain('(+"長银" +"越装备")');
    expect(query).toContain('(+"长银" +"越装备")');
    expect(query).not.toContain("有限");
    expect(oneOff("长银鑫越装备 Nice")).toBe(`(${typoVariants("长银鑫越装备").join(" OR ")}) OR (nice^3 OR nice* OR nice~1)`);
  });

  it("is not run when no run is long enough to have variants", () => {
    expect(oneOff("nice group")).toBeNull();
    expect(oneOff("丽水美")).toBeNull();
    expect(oneOff("丽水美妆")).not.toBeNull();
  });
});

describe("loose Lucene query (any bigram)", () => {
  it("boosts the phrase and ORs the run's bigrams (unquoted, split by the analyzer)", () => {
    expect(loose("丽水美妆")).toBe('("丽水美妆"^4 OR 丽水美妆)');
    expect(loose("麗水美妆 Nice")).toBe('("麗水美妆"^4 OR 麗水美妆 OR "丽水美妆"^4 OR 丽水美妆) OR (nice^3 OR nice* OR nice~1)');
  });

  it("is not run when it could find nothing the strict query does not", () => {
    expect(loose("nice group")).toBeNull();
    expect(loose("丽水")).toBeNull();
    expect(loose("丽水美")).not.toBeNull();
    expect(strictQueryOf(searchTokens("丽水美"))).toBe('("丽水美")');
  });
});
