import { describe, expect, it } from "vitest";
import type { Compare } from "../../../model/api/analysis.ts";
import type { Chain, Region } from "../../../model/api/explore.ts";
import { initialOpenStages, UNFOLDED_COLUMNS } from "../../../web/src/views/compare/heatmap.ts";
import { MAX_COMPARED, peerRegions } from "../../../web/src/views/compare/peers.ts";

const region = (id: string, kind: string, parent?: string): Region => ({ id, name: id, kind, parent });
const REGIONS = [
  region("zhejiang", "province"),
  region("lishui", "city", "zhejiang"),
  region("lianzhou", "district", "lishui"),
  region("jinyun", "county", "lishui"),
  region("wenjiang", "district", "chengdu"),
  region("chengdu", "city", "sichuan"),
  region("bihu", "town", "lianzhou"),
];
const chain = (regions: string[]): Chain => ({ id: "chain:x", name: "x", regions, developedBy: [] });

describe("compare peers", () => {
  it("starts from the anchor and adds regions at its level that have the chain, siblings first", () => {
    const peers = peerRegions(chain(["zhejiang", "lishui", "lianzhou", "wenjiang", "jinyun", "bihu"]), REGIONS, "lianzhou");
    // 县 and 区 are one level; the city, province and town above or below are not peers.
    expect(peers).toEqual(["lianzhou", "jinyun", "wenjiang"]);
  });

  it("never includes a region without the chain, and falls back to the chain's first region", () => {
    expect(peerRegions(chain(["chengdu", "lishui"]), REGIONS, undefined)).toEqual(["chengdu", "lishui"]);
    expect(peerRegions(chain(["lianzhou"]), REGIONS, "lianzhou")).toEqual(["lianzhou"]);
    expect(peerRegions(chain([]), REGIONS, "lianzhou")).toEqual(["lianzhou"]);
  });

  it("caps the list", () => {
    const many = Array.from({ length: 20 }, (_, i) => region(`d${i}`, "district", "p"));
    expect(peerRegions(chain(many.map((r) => r.id)), many, "d0")).toHaveLength(MAX_COMPARED);
  });
});

describe("compare table folding", () => {
  const compare = (stages: string[]): Compare => ({
    chain: { id: "chain:x", name: "x", type: "chain", label: "x", sources: [] },
    regions: [],
    cells: [],
    segments: stages.map((stage, i) => ({ id: `segment:${i}`, name: `s${i}`, stage: stage as "upstream" })),
  });

  it("unfolds everything when it fits, else the smallest stages that fit together", () => {
    expect([...initialOpenStages(compare(["upstream", "midstream", "downstream"]))].sort()).toEqual([
      "downstream",
      "midstream",
      "upstream",
    ]);
    const big = compare([...Array(2).fill("upstream"), ...Array(19).fill("midstream"), ...Array(4).fill("downstream")]);
    expect([...initialOpenStages(big)].sort()).toEqual(["downstream", "upstream"]);
    expect(2 + 4).toBeLessThanOrEqual(UNFOLDED_COLUMNS);
  });
});
