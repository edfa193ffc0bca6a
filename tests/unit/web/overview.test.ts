import { describe, expect, it } from "vitest";
import type { Chain, Region } from "../../../model/api/explore.ts";
import { isSynthetic } from "../../../web/src/graph/entity-elements.ts";
import { lastView, rememberView } from "../../../web/src/state/last-view.ts";
import { parseState } from "../../../web/src/state/url-state.ts";
import { defaultChoice, preferredRegion } from "../../../web/src/ui/pickers.ts";
import { developedPairs } from "../../../web/src/views/home/developed-pairs.ts";

const region = (id: string, kind: string, name = id): Region => ({ id, name, kind });
const chain = (id: string, regions: string[], developedBy: string[]): Chain => ({ id, name: id, regions, developedBy });

const regions = [
  region("region:beijing", "city", "北京市"),
  region("region:lishui", "city", "丽水市"),
  region("region:lianzhou", "district", "莲都区"),
  region("region:zhejiang", "province", "浙江省"),
];
const chains = [
  chain("chain:beauty-health", ["region:beijing", "region:lianzhou", "region:lishui", "region:zhejiang"], ["region:lianzhou"]),
  chain("chain:fashion", ["region:lishui"], ["region:lishui"]),
  chain("chain:semiconductor", ["region:lianzhou", "region:lishui"], ["region:lianzhou", "region:lishui"]),
  chain("chain:orphan", ["region:beijing"], []),
];

describe("the overview's regions × chains", () => {
  it("lists only what regions develop (DEVELOPS), the most local region first", () => {
    const groups = developedPairs({ regions, chains });
    expect(groups.map((g) => g.region.id)).toEqual(["region:lianzhou", "region:lishui"]);
    expect(groups[0]!.chains.map((c) => c.id)).toEqual(["chain:beauty-health", "chain:semiconductor"]);
    expect(groups.flatMap((g) => g.chains.map((c) => c.id))).not.toContain("chain:orphan");
  });
});

describe("the region a chain map opens on", () => {
  it("is a region that develops the chain, not the first region holding a firm (北京市)", () => {
    expect(preferredRegion(chains[0]!, regions)).toBe("region:lianzhou");
    expect(defaultChoice({ chains, regions })).toEqual({ chain: "chain:beauty-health", region: "region:lianzhou" });
  });

  it("for a given region prefers a chain that region develops", () => {
    expect(defaultChoice({ chains, regions }, "region:lishui")).toEqual({ chain: "chain:fashion", region: "region:lishui" });
  });

  it("falls back to any region with firms when none develops the chain", () => {
    expect(preferredRegion(chains[3]!, regions)).toBe("region:beijing");
  });
});

describe("the remembered last view", () => {
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
  };

  it("keeps the last view other than the overview and reads it back as a link would", () => {
    const store = memory();
    rememberView(parseState("#/map?chain=chain:beauty-health&region=region:lianzhou&finding=missing-segment:x"), store);
    rememberView(parseState("#/home"), store);
    const last = lastView(store);
    expect(last?.view).toBe("map");
    expect(last?.region).toBe("region:lianzhou");
    expect(last?.finding).toBe("missing-segment:x");
  });

  it("reads a tampered entry only as far as a pasted link would be trusted", () => {
    const store = memory();
    store.setItem("chain-atlas.last-view", "#/explore?focus=<img src=x>&chain=chain:ok");
    expect(lastView(store)?.focus).toBeUndefined();
    expect(lastView(store)?.chain).toBe("chain:ok");
    expect(lastView(undefined)).toBeUndefined();
  });
});

describe("synthetic firms", () => {
  it("are recognised from what the API sends (assumption: synthetic), so every view can mark them", () => {
    expect(isSynthetic({ id: "firm:syn-1", assumption: "synthetic" })).toBe(true);
    expect(isSynthetic({ id: "firm:real", assumption: "文件只隐含" })).toBe(false);
    expect(isSynthetic({ id: "firm:real" })).toBe(false);
  });
});
