import { afterAll, describe, expect, it } from "vitest";
import { storedScoreParts } from "../../../server/analysis/signals.ts";
import { refreshFirmScorePartsIn } from "../../../server/repositories/firm-score-parts.ts";
import { testGraph } from "../../helpers/graph.ts";

/**
 * The ST / *ST rule has two spellings: the JavaScript one (storedScoreParts, used by the seed
 * loaders, staged imports, the generator and the start's backfill) and the Java regex the Cypher
 * refresh of an import or revert uses (cypher/refresh-firm-score-parts.cypher). Each odd name
 * below goes through both, on real :Firm nodes for the second, and both must give the flag the
 * table states.
 */
const graph = testGraph();
const P = `it-st-${Date.now().toString(36)}`;

type Case = { name: string; aliases?: string[]; warning: boolean; why: string };
const CASES: Case[] = [
  { name: "ST康美", warning: true, why: "ST before a Han character" },
  { name: "*ST海投", warning: true, why: "*ST" },
  { name: "*ST 海投", warning: true, why: "*ST, an ASCII space" },
  { name: "ST\t康美", warning: true, why: "a tab after ST" },
  { name: "ST\n康美", warning: true, why: "a line break after ST" },
  { name: "ST康美\n药业", warning: true, why: "a line break later in the name" },
  { name: "ST康美\r\n", warning: true, why: "a trailing CRLF" },
  { name: "ST康美\u2028药业", warning: true, why: "a Unicode line separator later in the name" },
  { name: "ST康美\u0085", warning: true, why: "a NEL at the end" },
  { name: "ST〇号", warning: true, why: "〇 (U+3007) is Han" },
  { name: "ST𠀀", warning: true, why: "a CJK extension B character" },
  { name: `ST${String.fromCodePoint(0x31350)}公司`, warning: true, why: "a CJK extension H character (Unicode 15)" },
  { name: `ST${String.fromCodePoint(0x2ebf0)}公司`, warning: true, why: "a CJK extension I character (Unicode 15.1)" },
  { name: "＊ST康美", warning: false, why: "a full-width asterisk" },
  { name: "ＳＴ康美", warning: false, why: "full-width letters" },
  { name: "st康美", warning: false, why: "lowercase" },
  { name: "*st海投", warning: false, why: "lowercase after the asterisk" },
  { name: "St康美", warning: false, why: "mixed case" },
  { name: "康美ST", warning: false, why: "ST at the end" },
  { name: "康ST美药业", warning: false, why: "ST in the middle" },
  { name: "ST", warning: false, why: "ST alone" },
  { name: "*ST", warning: false, why: "*ST alone" },
  { name: "", warning: false, why: "empty" },
  { name: "   ", warning: false, why: "blank" },
  { name: " ST康美", warning: false, why: "a space before ST" },
  { name: "ST\u3000康美", warning: false, why: "an ideographic space (not ASCII whitespace)" },
  { name: "ST\u00a0康美", warning: false, why: "a no-break space" },
  { name: "STAR科技", warning: false, why: "a Latin letter after ST" },
  { name: "ST-康美", warning: false, why: "a hyphen after ST" },
  { name: "**ST康美", warning: false, why: "two asterisks" },
  { name: "ST1号", warning: false, why: "a digit after ST" },
  { name: "丙药业", aliases: ["*ST丙药"], warning: true, why: "the alias is under warning" },
  { name: "丁药业", aliases: ["丁药", "ST 丁药"], warning: true, why: "the second alias is under warning" },
  { name: "戊药业", aliases: ["st戊药", "＊ST戊药", "戊 ST"], warning: false, why: "no alias is under warning" },
  { name: "ST己药", aliases: [], warning: true, why: "an empty alias list" },
  { name: "庚药业", aliases: [""], warning: false, why: "an empty alias" },
];

afterAll(async () => {
  await graph.runRaw("MATCH (f:Firm) WHERE f.id STARTS WITH $p DETACH DELETE f", { p: `firm:${P}` });
  await graph.driver.close();
});

describe("the ST / *ST rule, in JavaScript and in Cypher", () => {
  it("flags the same names in both spellings, as the table states", async () => {
    const rows = CASES.map((c, i) => ({ id: `firm:${P}-${i}`, name: c.name, aliases: c.aliases ?? null }));
    await graph.runRaw("UNWIND $rows AS row CREATE (f:Entity:Firm {id: row.id, name: row.name}) SET f.aliases = row.aliases", { rows });
    await graph.writeTransaction((tx) =>
      refreshFirmScorePartsIn(
        tx,
        rows.map((r) => r.id),
      ),
    );
    const stored = await graph.runRaw("MATCH (f:Firm) WHERE f.id STARTS WITH $p RETURN f.id AS id, f.riskWarning = true AS flagged", {
      p: `firm:${P}`,
    });
    const inCypher = new Map(stored.map((row) => [row.id as string, row.flagged === true]));
    const outcome = CASES.map((c, i) => ({
      why: c.why,
      javascript: storedScoreParts({ name: c.name, aliases: c.aliases }).riskWarning === true,
      cypher: inCypher.get(`firm:${P}-${i}`),
    }));
    expect(outcome).toEqual(CASES.map((c) => ({ why: c.why, javascript: c.warning, cypher: c.warning })));
  });
});
