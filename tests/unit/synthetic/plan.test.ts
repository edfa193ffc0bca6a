import { describe, expect, it } from "vitest";
import { RELATIONSHIP_RULES, type RelationshipType } from "../../../model/domain.ts";
import { ID_PATTERN } from "../../../model/id-pattern.ts";
import { DEGREE_CAP, firmNode, firmPlaces, firmRelations, supplyTargets } from "../../../seeds/synthetic/firms.ts";
import { plantedGaps } from "../../../seeds/synthetic/manifest.ts";
import { buildPlan, MIN_FIRMS } from "../../../seeds/synthetic/plan.ts";
import { planNodes, planRelations } from "../../../seeds/synthetic/plan-rows.ts";
import type { RelRow } from "../../../seeds/synthetic/types.ts";

const plan = buildPlan(42, 20_000);

function allFirmRows(p = plan, chunk = p.firms) {
  const nodes: unknown[] = [];
  const rels: [RelationshipType, RelRow][] = [];
  for (let start = 0; start < p.firms; start += chunk) {
    for (const place of firmPlaces(p, start, Math.min(p.firms, start + chunk))) {
      nodes.push(firmNode(p, place));
      firmRelations(p, place, (type, row) => rels.push([type, row]));
    }
  }
  return { nodes, rels };
}

describe("the synthetic plan", () => {
  it("is the same for the same seed and different for another", () => {
    expect(plantedGaps(buildPlan(42, 20_000))).toEqual(plantedGaps(plan));
    expect(plantedGaps(buildPlan(43, 20_000))).not.toEqual(plantedGaps(plan));
  });

  it("places exactly the requested number of firms, each once, in leaf segments", () => {
    const seen = new Set<number>();
    for (const place of firmPlaces(plan, 0, plan.firms)) {
      expect(seen.has(place.index)).toBe(false);
      seen.add(place.index);
      expect(place.chain.segments[place.segment]!.leaf).toBe(true);
    }
    expect(seen.size).toBe(20_000);
  });

  it("gives every chain 10–40 segments across the three stages, with sub-segments and expected flows", () => {
    for (const chain of plan.chains) {
      expect(chain.segments.length).toBeGreaterThanOrEqual(10);
      expect(chain.segments.length).toBeLessThanOrEqual(40);
      expect(new Set(chain.segments.map((s) => s.stage))).toEqual(new Set(["upstream", "midstream", "downstream"]));
      expect(chain.segments.some((s) => s.parent !== undefined)).toBe(true);
      for (const s of chain.segments) for (const t of s.feeds) expect(chain.segments[t]!.leaf).toBe(true);
    }
  });

  it("builds a region hierarchy with enclaves that belong to one district and sit in another", () => {
    const kinds = new Set(plan.regions.map((r) => r.kind));
    expect(kinds).toEqual(new Set(["country", "province", "city", "district", "county", "enclave"]));
    for (const r of plan.regions.filter((x) => x.kind === "enclave")) {
      expect(r.enclaveOf).toBeDefined();
      expect(r.host).toBeDefined();
      expect(r.host).not.toBe(r.enclaveOf);
    }
  });

  it.each([MIN_FIRMS, 20_000])("plants every kind of gap even at %i firms", (firms) => {
    const planted = plantedGaps(buildPlan(5, firms));
    expect(planted.some((p) => p.missing.length > 0)).toBe(true);
    expect(planted.some((p) => p.thin.length > 0)).toBe(true);
    const broken = new Set(planted.flatMap((p) => p.broken.map((b) => b.kind)));
    expect(broken).toEqual(new Set(["no-upstream", "outside-only", "no-local-tie"]));
    expect(new Set(planted.map((p) => p.leaders.kind))).toEqual(new Set(["none", "single", "multiple", "weak"]));
    expect(planted.some((p) => !p.support)).toBe(true);
    expect(planted.some((p) => p.support)).toBe(true);
  });

  it("rejects a size too small to hold the layout", () => {
    expect(() => buildPlan(1, MIN_FIRMS - 1)).toThrow(/--firms/);
  });
});

describe("synthetic rows", () => {
  const { nodes, rels } = allFirmRows();

  it("do not depend on the chunk size", () => {
    const chunked = allFirmRows(plan, 777);
    expect(chunked.nodes).toEqual(nodes);
    expect(chunked.rels).toEqual(rels);
  });

  it("use readable ids prefixed syn- and relationship ends the schema allows", () => {
    const planNodeIds = planNodes(plan).flatMap(([, rows]) => rows.map((r) => r.id));
    const badIds = planNodeIds.filter((id) => !ID_PATTERN.test(id) || !id.split(":")[1]!.startsWith("syn-"));
    expect(badIds).toEqual([]);
    const all = [...planRelations(plan).flatMap(([type, rows]) => rows.map((row) => [type, row] as const)), ...rels];
    const badEnds = all.filter(([type, row]) => {
      const rule = RELATIONSHIP_RULES[type];
      return (
        !(rule.from as readonly string[]).includes(row.from.split(":")[0]!) ||
        !(rule.to as readonly string[]).includes(row.to.split(":")[0]!)
      );
    });
    expect(badEnds).toEqual([]);
  });

  it("write each supply tie once, heavy-tailed but capped, never to the supplier itself", () => {
    const perSupplier = new Map<string, number>();
    const pairs = new Set<string>();
    for (const [type, row] of rels) {
      if (type !== "SUPPLIES") continue;
      const pair = `${row.from}>${row.to}`;
      if (pairs.has(pair) || row.from === row.to) throw new Error(`duplicate or self tie ${pair}`);
      pairs.add(pair);
      perSupplier.set(row.from, (perSupplier.get(row.from) ?? 0) + 1);
    }
    const degrees = [...perSupplier.values()];
    const flowClosures = Math.max(...plan.chains.flatMap((c) => c.segments.map((s) => s.feeds.length)));
    expect(Math.max(...degrees)).toBeLessThanOrEqual(DEGREE_CAP + flowClosures);
    expect(Math.max(...degrees)).toBeGreaterThan(15);
    expect(pairs.size / plan.firms).toBeGreaterThan(1.5);
  });

  it("give the local firms of an outside-only segment no customer in their own district", () => {
    let checked = 0;
    for (const place of firmPlaces(plan, 0, plan.firms)) {
      if (!place.presence.outsideOnly.includes(place.segment)) continue;
      for (const buyer of supplyTargets(plan, place)) {
        const other = plan.presences.find((p) => buyer >= p.firmStart && buyer < p.firmStart + p.firmCount)!;
        expect(other.region).not.toBe(place.presence.region);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
