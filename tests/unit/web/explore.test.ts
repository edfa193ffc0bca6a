import { describe, expect, it } from "vitest";
import { ExpansionLedger, reconcileExpansions } from "../../../web/src/explore/expansions.ts";
import { deriveFacts, passes } from "../../../web/src/explore/filters.ts";
import { isSoftwareRenderer } from "../../../web/src/graph/renderer.ts";
import type { Filters } from "../../../web/src/state/url-state.ts";

const none: Filters = { types: [], stages: [], regions: [], chains: [] };

describe("expansion ledger", () => {
  it("collapses exactly what an expansion brought, and what was expanded from it", () => {
    const ledger = new ExpansionLedger(new Set(["firm:focus"]));
    ledger.expand({ id: "firm:focus" }, ["firm:a", "firm:b", "firm:focus"]);
    ledger.expand({ id: "firm:a", relType: "SUPPLIES" }, ["firm:c", "firm:b"]);
    ledger.expand({ id: "firm:x" }, ["firm:y"]);
    const result = ledger.collapse({ id: "firm:focus" });
    expect(result.remove.sort()).toEqual(["firm:a", "firm:b", "firm:c"]);
    expect(result.collapsed.map((e) => e.id)).toEqual(["firm:focus", "firm:a"]);
    expect(ledger.keys()).toEqual(["firm:x"]);
  });

  it("a clone answers 'what would collapse remove' without changing the original", () => {
    const ledger = new ExpansionLedger();
    ledger.expand({ id: "firm:a" }, ["firm:b"]);
    ledger.clone().collapse({ id: "firm:a" });
    expect(ledger.keys()).toEqual(["firm:a"]);
  });

  it("reconciles to the wanted expansions: extras collapsed newest first, missing ones expanded in order", () => {
    const steps = reconcileExpansions(
      [{ id: "firm:a" }, { id: "firm:b" }, { id: "firm:c", relType: "LEADS" }],
      [{ id: "firm:a" }, { id: "firm:d" }],
    );
    expect(steps.collapse).toEqual([{ id: "firm:c", relType: "LEADS" }, { id: "firm:b" }]);
    expect(steps.expand).toEqual([{ id: "firm:d" }]);
  });
});

describe("filters", () => {
  const nodes = [
    { id: "segment:up", type: "segment", stage: "upstream" },
    { id: "segment:down", type: "segment", stage: "downstream" },
    { id: "firm:a", type: "firm" },
    { id: "firm:b", type: "firm" },
    { id: "fund:f", type: "fund" },
    { id: "region:r", type: "region" },
    { id: "chain:c", type: "chain" },
  ];
  const edges = [
    { source: "firm:a", target: "segment:up", type: "IN_SEGMENT" },
    { source: "firm:b", target: "segment:down", type: "IN_SEGMENT" },
    { source: "firm:a", target: "region:r", type: "LOCATED_IN" },
    { source: "segment:up", target: "chain:c", type: "SEGMENT_OF" },
  ];
  const facts = deriveFacts(nodes, edges);
  const kept = (filters: typeof none) => nodes.filter((n) => passes(n, filters, facts)).map((n) => n.id);

  it("filters by type", () => {
    expect(kept({ ...none, types: ["firm"] })).toEqual(["firm:a", "firm:b"]);
  });
  it("gives firms the stage and chain of their segment", () => {
    expect(kept({ ...none, stages: ["upstream"] })).toEqual(["segment:up", "firm:a", "fund:f", "region:r", "chain:c"]);
    expect(kept({ ...none, chains: ["chain:c"] })).toEqual(["segment:up", "firm:a", "fund:f", "region:r", "chain:c"]);
  });
  it("keeps a firm in a region only when a LOCATED_IN tie says so", () => {
    expect(kept({ ...none, regions: ["region:r"] })).toEqual(["segment:up", "segment:down", "firm:a", "region:r", "chain:c"]);
  });
});

describe("GPU detection", () => {
  it("treats software GL as no GPU", () => {
    expect(isSoftwareRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)")).toBe(true);
    expect(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(true);
    expect(isSoftwareRenderer("")).toBe(true);
    expect(isSoftwareRenderer("ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)")).toBe(false);
  });
});
