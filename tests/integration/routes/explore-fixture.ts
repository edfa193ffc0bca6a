import { afterAll, beforeAll } from "vitest";
import type { App } from "../../../server/app.ts";
import type { Graph } from "../../../server/db/graph.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/**
 * A small graph of known shape for the explore endpoints, every id carrying `tag` (e.g.
 * "t-explore") so it never meets the demo data and is removed whole afterwards:
 *
 *   region city ◄─PART_OF─ district ◄─ENCLAVE_OF─ enclave ─LOCATED_IN─► city
 *   district ◄─LOCATED_IN─ leader, hub-01 … hub-30
 *   chain ◄─SEGMENT_OF─ up, mid, down;  sub ─SUB_SEGMENT_OF─► mid;  up ─FEEDS─► mid ─FEEDS─► down
 *   leader ─LEADS─► chain, leader ─IN_SEGMENT─► mid
 *   a ─SUPPLIES─► b ─SUPPLIES─► c,  a ─SUPPLIES─► d ─SUPPLIES─► c   (two shortest a→c paths)
 *   c ─SUPPLIES─► e1 ─► e2 ─► e3                                       (a→e3 is 5 hops)
 *   fund ─INVESTS_IN─► a;  figure ─ABOUT─► a, figure ─FIGURE_OF─► district (no path through a figure)
 */
export const HUB_FIRMS = 30;

export interface FixtureNode {
  id: string;
  label: string;
  props: Record<string, unknown>;
}
export interface FixtureRel {
  type: string;
  from: string;
  to: string;
  props?: Record<string, unknown>;
}

export function exploreFixture(tag: string) {
  const id = (prefix: string, name: string) => `${prefix}:${tag}-${name}`;
  const doc = `doc:${tag}-report`;
  const cite = (quote: string) => ({ sourceDocs: [doc], sourceQuotes: [quote] });
  const node = (prefix: string, name: string, label: string, props: Record<string, unknown>): FixtureNode => ({
    id: id(prefix, name),
    label,
    props: { id: id(prefix, name), aliases: [], aliasesText: "", ...cite(`关于${props.name}的记载。`), ...props },
  });
  const ids = {
    city: id("region", "city"),
    district: id("region", "district"),
    enclave: id("region", "enclave"),
    chain: id("chain", "chain"),
    up: id("segment", "up"),
    mid: id("segment", "mid"),
    sub: id("segment", "sub"),
    down: id("segment", "down"),
    leader: id("firm", "leader"),
    a: id("firm", "a"),
    b: id("firm", "b"),
    c: id("firm", "c"),
    d: id("firm", "d"),
    e1: id("firm", "e1"),
    e2: id("firm", "e2"),
    e3: id("firm", "e3"),
    fund: id("fund", "fund"),
    figure: id("figure", "figure"),
    hub: (i: number) => id("firm", `hub-${String(i).padStart(2, "0")}`),
    doc,
  };
  const nodes: FixtureNode[] = [
    node("region", "city", "Region", { name: "探索测试市", nameEn: "Xplorer City", kind: "city" }),
    node("region", "district", "Region", { name: "探索测试区", nameEn: "Xplorer District", kind: "district" }),
    node("region", "enclave", "Region", { name: "探索测试飞地", nameEn: "Xplorer Enclave", kind: "enclave" }),
    node("chain", "chain", "Chain", { name: "探索测试产业链", nameEn: "Xplorer Chain" }),
    node("segment", "up", "Segment", { name: "探索原料", stage: "upstream" }),
    node("segment", "mid", "Segment", { name: "探索制造", stage: "midstream", assumption: "文件只隐含了这一环节" }),
    node("segment", "sub", "Segment", { name: "探索精密制造", stage: "midstream" }),
    node("segment", "down", "Segment", { name: "探索销售", stage: "downstream" }),
    node("firm", "leader", "Firm", {
      name: "探索链主集团",
      nameEn: "Xplorevia Leader Group",
      aliases: ["探索链主"],
      aliasesText: "探索链主",
      tags: ["龙头", "规上"],
    }),
    ...["a", "b", "c", "d", "e1", "e2", "e3"].map((n) =>
      node("firm", n, "Firm", { name: `探索供应商${n.toUpperCase()}`, nameEn: `Xplorer Supplier ${n}` }),
    ),
    node("fund", "fund", "Fund", { name: "探索产业基金", sizeYuan: 1_000_000_000 }),
    node("figure", "figure", "Figure", {
      name: "探索产值",
      metric: "output_value",
      value: 12.5,
      unit: "亿元",
      period: "2024",
      region: ids.district,
    }),
    ...Array.from({ length: HUB_FIRMS }, (_, i) =>
      node("firm", `hub-${String(i + 1).padStart(2, "0")}`, "Firm", { name: `探索枢纽企业${i + 1}` }),
    ),
  ];
  const rel = (type: string, from: string, to: string, props: Record<string, unknown> = {}): FixtureRel => ({
    type,
    from,
    to,
    props: { key: "", ...cite(`${from}与${to}的关系。`), ...props },
  });
  const rels: FixtureRel[] = [
    rel("PART_OF", ids.district, ids.city),
    rel("ENCLAVE_OF", ids.enclave, ids.district),
    rel("LOCATED_IN", ids.enclave, ids.city),
    rel("LOCATED_IN", ids.leader, ids.district),
    ...Array.from({ length: HUB_FIRMS }, (_, i) => rel("LOCATED_IN", ids.hub(i + 1), ids.district)),
    rel("DEVELOPS", ids.district, ids.chain, { key: "2024", period: "2024" }),
    rel("SEGMENT_OF", ids.up, ids.chain),
    rel("SEGMENT_OF", ids.mid, ids.chain),
    rel("SEGMENT_OF", ids.down, ids.chain),
    rel("SUB_SEGMENT_OF", ids.sub, ids.mid),
    rel("FEEDS", ids.up, ids.mid),
    rel("FEEDS", ids.mid, ids.down),
    rel("LEADS", ids.leader, ids.chain, { key: ids.district, region: ids.district }),
    rel("IN_SEGMENT", ids.leader, ids.mid),
    rel("SUPPLIES", ids.a, ids.b, { product: '原料, "特级"' }),
    rel("SUPPLIES", ids.b, ids.c),
    rel("SUPPLIES", ids.a, ids.d),
    rel("SUPPLIES", ids.d, ids.c),
    rel("SUPPLIES", ids.c, ids.e1),
    rel("SUPPLIES", ids.e1, ids.e2),
    rel("SUPPLIES", ids.e2, ids.e3),
    rel("INVESTS_IN", ids.fund, ids.a, { amountYuan: 50_000_000 }),
    rel("ABOUT", ids.figure, ids.a),
    rel("FIGURE_OF", ids.figure, ids.district),
  ];
  const document = { id: doc, title: `${tag} 测试报告`, outlet: "测试日报", date: "2099-01-02", file: `${tag}.txt`, authors: ["测试作者"] };

  async function create(graph: Graph) {
    await remove(graph);
    await graph.runRaw("CREATE (d:Document) SET d = $document", { document });
    await graph.runRaw("UNWIND $nodes AS row CREATE (n:Entity) SET n = row.props SET n:$(row.label)", { nodes });
    await graph.runRaw(
      "UNWIND $rels AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:$(row.type)]->(b) SET r = row.props",
      { rels },
    );
  }

  async function remove(graph: Graph) {
    await graph.runRaw("MATCH (n) WHERE n.id CONTAINS $marker DETACH DELETE n", { marker: `:${tag}-` });
  }

  return { ids, nodes, rels, document, create, remove };
}

/**
 * Loads the fixture and builds the app before the file's tests, and removes both after; the
 * returned object holds them once the tests run.
 */
export function useFixtureApp(fixture: ReturnType<typeof exploreFixture>) {
  const live = {} as { app: App; graph: Graph };
  beforeAll(async () => {
    live.graph = testGraph();
    await fixture.create(live.graph);
    live.app = await testApp();
  });
  afterAll(async () => {
    await fixture.remove(live.graph);
    await live.graph.driver.close();
    await live.app.close();
  });
  return live;
}
