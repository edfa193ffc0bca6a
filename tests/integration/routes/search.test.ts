import { describe, expect, it } from "vitest";
import { exploreFixture, useFixtureApp } from "./explore-fixture.ts";

const fixture = exploreFixture("t-explore-search");
const live = useFixtureApp(fixture);

type Hit = { id: string; type: string; label: string; nameEn?: string; aliases: string[]; score: number };
async function search(query: string): Promise<Hit[]> {
  const res = await live.app.inject({ url: `/api/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results;
}
const q = (text: string, extra = "") => `q=${encodeURIComponent(text)}${extra}`;

describe("GET /api/search on the demo data", () => {
  it("finds 纳爱斯集团 first for the partial name 纳爱斯", async () => {
    const [first] = await search(q("纳爱斯"));
    expect(first).toMatchObject({ id: "firm:nice-group", type: "firm", label: "纳爱斯集团", nameEn: "Nice Group" });
    expect(first?.aliases).toContain("纳爱斯");
  });

  it("finds Nice Group first for the English 'nice' and for the typo 'Nise'", async () => {
    expect((await search(q("nice")))[0]?.id).toBe("firm:nice-group");
    expect((await search(q("Nise")))[0]?.id).toBe("firm:nice-group");
  });
});

describe("GET /api/search on a known fixture", () => {
  const { ids } = fixture;

  it("ranks an exact alias match first", async () => {
    const results = await search(q("探索链主"));
    expect(results[0]?.id).toBe(ids.leader);
  });

  it("ranks the exact name above names sharing most of its characters", async () => {
    const results = await search(q("探索供应商A"));
    expect(results[0]?.id).toBe(ids.a);
    expect(results.map((r) => r.id)).toEqual(expect.arrayContaining([ids.b, ids.c]));
  });

  it("matches an English name by prefix and with one typo", async () => {
    expect((await search(q("xplorevi")))[0]?.id).toBe(ids.leader);
    expect((await search(q("Xplorevya")))[0]?.id).toBe(ids.leader);
  });

  it("filters by type and orders by score otherwise", async () => {
    const funds = await search(q("探索", "&types=fund"));
    expect(funds.map((r) => r.id)).toEqual([ids.fund]);
    const mixed = await search(q("探索", "&types=firm,region&limit=50"));
    expect(new Set(mixed.map((r) => r.type))).toEqual(new Set(["firm", "region"]));
    const scores = mixed.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("leaves figures out unless asked for", async () => {
    expect((await search(q("探索产值", "&limit=50"))).map((r) => r.id)).not.toContain(ids.figure);
    expect((await search(q("探索产值", "&types=figure"))).map((r) => r.id)).toEqual([ids.figure]);
  });

  it("honours limit", async () => {
    expect(await search(q("探索", "&limit=3"))).toHaveLength(3);
  });

  it("treats Lucene syntax in the query as text", async () => {
    const results = await search(q('探索链主 (集团) AND "x~ OR a:b*'));
    expect(results[0]?.id).toBe(ids.leader);
    expect(await search(q("()[]{}~*?"))).toEqual([]);
  });
});

describe("GET /api/search refuses bad parameters", () => {
  it.each([
    ["q=", "q"],
    [`q=${"长".repeat(101)}`, "q"],
    ["q=x&limit=0", "limit"],
    ["q=x&limit=51", "limit"],
    ["q=x&types=firm,planet", "types"],
    ["limit=5", "q"],
  ])("%s → 400 naming %s", async (query, field) => {
    const res = await live.app.inject({ url: `/api/search?${encodeURI(query)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(res.json().fields[0].field).toContain(field);
  });
});
