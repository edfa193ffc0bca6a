import { describe, expect, it } from "vitest";
import { ID_PATTERN } from "../../../model/id-pattern.ts";
import { generatedId } from "../../../server/import/generated-ids.ts";
import { ProblemList } from "../../../server/import/problems.ts";
import type { EntityItem, ParsedImport } from "../../../server/import/read-records.ts";
import { splitRefs } from "../../../server/import/read-records.ts";
import { type Candidate, type FindCandidates, resolveNames } from "../../../server/import/resolve-names.ts";

const place = (row: number) => ({ file: "企业名录.csv", sheet: null, row });
const firm = (row: number, name: string, refs: Record<string, string[]>, extra: Partial<EntityItem> = {}): EntityItem => ({
  kind: "firms",
  label: "Firm",
  id: generatedId("Firm", name, undefined, refs.region),
  props: { name },
  place: place(row),
  generated: true,
  links: { refs, leader: false, provenance: { assumption: "测试数据" } },
  ...extra,
});
const parsed = (entities: EntityItem[]): ParsedImport => ({
  entities,
  relations: [],
  documents: new Map(),
  references: [],
  problems: new ProblemList(),
  sheets: [],
});
const candidate = (id: string, name: string, more: Partial<Candidate> = {}): Candidate => ({
  id,
  name,
  aliases: [],
  creditCode: null,
  regions: [],
  chains: [],
  ...more,
});
/** The database, as the repository would answer: every stored record of a label. */
const stored =
  (records: Partial<Record<string, Candidate[]>>): FindCandidates =>
  async (label) =>
    records[label] ?? [];

describe("generated ids", () => {
  it("are stable, readable, valid ids from the natural key", () => {
    const a = generatedId("Firm", "缙云县恒通车业有限公司", undefined, ["缙云县"]);
    expect(a).toBe("firm:缙云县恒通车业有限公司-缙云县");
    expect(generatedId("Firm", "缙云县恒通车业有限公司", undefined, ["缙云县"])).toBe(a);
    expect(generatedId("Firm", "任何名称", "91331122MA200000XA")).toBe("firm:91331122ma200000xa");
    expect(generatedId("Region", "Alpha (Lishui) 🚀", undefined, ["region:lishui"])).toBe("region:alpha-lishui-lishui");
    const long = generatedId("Firm", "很长的名称".repeat(40));
    expect(long.length).toBeLessThanOrEqual("firm:".length + 60);
    for (const id of [a, long, generatedId("Firm", "🚀🚀")]) expect(id).toMatch(ID_PATTERN);
  });

  it("split cells on every separator offices use", () => {
    expect(splitRefs("莲都区、缙云县，龙泉市；松阳县/遂昌县,云和县")).toEqual(["莲都区", "缙云县", "龙泉市", "松阳县", "遂昌县", "云和县"]);
  });
});

describe("resolving names and matching existing records", () => {
  const regions = [candidate("region:jinyun", "缙云县", { regions: ["region:lishui"] }), candidate("region:lishui", "丽水市")];
  const segments = [
    candidate("segment:a-devices", "医疗器械", { chains: ["chain:a"] }),
    candidate("segment:b-devices", "医疗器械", { chains: ["chain:b"] }),
  ];
  const chains = [candidate("chain:a", "甲产业链"), candidate("chain:b", "乙产业链")];

  it("matches a firm by name in the same region and turns its cells into ties", async () => {
    const find = stored({
      Region: regions,
      Segment: segments,
      Chain: chains,
      Firm: [candidate("firm:old", "旧公司", { regions: ["region:jinyun"] })],
    });
    const { parsed: out, matches } = await resolveNames(
      parsed([firm(2, "旧公司", { region: ["缙云县"], chains: ["甲产业链"], segments: ["医疗器械"] })]),
      find,
    );
    expect(out.problems.items).toEqual([]);
    expect(out.entities[0]!.id).toBe("firm:old");
    expect(matches[0]!.message).toContain("matches existing 旧公司 (firm:old)");
    expect(out.relations.map((r) => `${r.type} ${r.from} ${r.to}`)).toEqual([
      "LOCATED_IN firm:old region:jinyun",
      "IN_SEGMENT firm:old segment:a-devices",
    ]);
  });

  it("does not match a firm of the same name in another region", async () => {
    const find = stored({ Region: regions, Firm: [candidate("firm:elsewhere", "同名公司", { regions: ["region:lishui"] })] });
    const { parsed: out, matches } = await resolveNames(parsed([firm(2, "同名公司", { region: ["缙云县"] })]), find);
    expect(matches).toEqual([]);
    expect(out.entities[0]!.id).toBe("firm:同名公司-缙云县");
  });

  it("reports an ambiguous name with its candidates, and a leader without a chain", async () => {
    const find = stored({ Region: regions, Segment: segments, Chain: chains });
    const leader = firm(3, "新公司", { region: ["缙云县"], segments: ["医疗器械"] });
    leader.links!.leader = true;
    const { parsed: out } = await resolveNames(parsed([leader]), find);
    const messages = out.problems.items.map((p) => `${p.column}: ${p.message}`).join("\n");
    expect(messages).toMatch(/segments: .*segment:a-devices.*segment:b-devices/);
    expect(messages).toMatch(/leader: .*needs 所属产业链/);
    expect(out.problems.items.every((p) => p.severity === "error")).toBe(true);
  });

  it("matches by credit code before name, wherever the firm is", async () => {
    const find = stored({
      Region: regions,
      Firm: [candidate("firm:coded", "改过名的公司", { creditCode: "91331122MA200000XA", regions: ["region:lishui"] })],
    });
    const row = firm(2, "新名字", { region: ["缙云县"] });
    row.props.creditCode = "91331122MA200000XA";
    const { parsed: out } = await resolveNames(parsed([row]), find);
    expect(out.entities[0]!.id).toBe("firm:coded");
  });
});
