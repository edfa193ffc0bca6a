import { describe, expect, it } from "vitest";
import { defaultState, parseState, serializeState, withState } from "../../../web/src/state/url-state.ts";

describe("URL view state", () => {
  it("round-trips every field a copied link must reproduce", () => {
    const state = withState(defaultState(), {
      view: "explore",
      lang: "en",
      chain: "chain:beauty-health",
      region: "region:lianzhou",
      enclaves: "both",
      focus: "firm:nice-group",
      expanded: [{ id: "firm:nice-group", relType: "SUPPLIES" }, { id: "region:lianzhou" }],
      selected: "firm:nice-group",
      pathFrom: "firm:nice-group",
      pathTo: "inst:zhejiang-university",
      filters: { types: ["firm", "fund"], stages: ["upstream"], regions: ["region:lianzhou"], chains: ["chain:beauty-health"] },
    });
    expect(parseState(serializeState(state))).toEqual(state);
  });

  it("keeps the path option: hubs only when asked", () => {
    const asked = parseState("#/explore?from=firm:a&to=firm:b&via=hubs");
    expect(asked.pathHubs).toBe(true);
    expect(serializeState(asked)).toBe("#/explore?from=firm:a&to=firm:b&via=hubs");
    expect(parseState("#/explore?from=firm:a&to=firm:b&via=other").pathHubs).toBeUndefined();
  });

  it("keeps links short and readable: defaults omitted, ids not percent-encoded", () => {
    const hash = serializeState(withState(defaultState(), { view: "map", chain: "chain:beauty-health", region: "region:lianzhou" }));
    expect(hash).toBe("#/map?chain=chain:beauty-health&region=region:lianzhou");
    expect(serializeState(defaultState()), "the overview is the first screen").toBe("#/home");
  });

  it("reads a pasted link with or without the leading #/", () => {
    expect(parseState("#/compare?chain=chain:x&regions=region:a,region:b").regions).toEqual(["region:a", "region:b"]);
    expect(parseState("report?chain=chain:x").view).toBe("report");
    expect(parseState("").view).toBe("home");
  });

  it("drops values that are not ids, unknown views and bad relationship types instead of trusting them", () => {
    const state = parseState(
      "#/nope?chain=<script>&focus=firm:ok&x=firm:a~DROP%20TABLE,firm:b~SUPPLIES,firm:b~SUPPLIES&stages=upstream,sideways&lang=fr",
    );
    expect(state.view).toBe("home");
    expect(state.chain).toBeUndefined();
    expect(state.focus).toBe("firm:ok");
    expect(state.expanded).toEqual([{ id: "firm:b", relType: "SUPPLIES" }]);
    expect(state.filters.stages).toEqual(["upstream"]);
    expect(state.lang).toBe("zh");
  });

  it("keeps the order of expansions, which undo and back/forward rely on", () => {
    const hash = "#/explore?focus=firm:a&x=firm:c,firm:b~LEADS,firm:a";
    expect(parseState(hash).expanded.map((e) => e.id)).toEqual(["firm:c", "firm:b", "firm:a"]);
    expect(serializeState(parseState(hash))).toBe(hash);
  });

  it("accepts a compare cell only when both halves are ids", () => {
    expect(parseState("#/compare?cell=region:a|segment:b").cell).toBe("region:a|segment:b");
    expect(parseState("#/compare?cell=region:a|oops").cell).toBeUndefined();
  });

  it("withState does not mutate the state it starts from", () => {
    const start = defaultState();
    const next = withState(start, { filters: { ...start.filters, types: ["firm"] } });
    expect(start.filters.types).toEqual([]);
    expect(next.filters.types).toEqual(["firm"]);
  });

  it("keeps the picture: viewport (zoom and middle) and layout, and drops malformed ones", () => {
    const layout = "1x2y3z.a_-b.0_0";
    const state = withState(defaultState(), { view: "explore", viewport: { zoom: 0.8754, x: -120.4, y: 33.6 }, layout });
    const hash = serializeState(state);
    expect(hash).toContain("vp=0.875~-120~34");
    expect(hash).toContain(`lay=${layout}`);
    const back = parseState(hash);
    expect(back.viewport).toEqual({ zoom: 0.875, x: -120, y: 34 });
    expect(back.layout).toBe(layout);
    expect(parseState("#/explore?vp=0~1~2").viewport).toBeUndefined();
    expect(parseState("#/explore?vp=1~x~2").viewport).toBeUndefined();
    expect(parseState("#/explore?lay=abc.1_").layout).toBeUndefined();
    expect(parseState("#/explore?lay=<script>").layout).toBeUndefined();
  });
});
