import { describe, expect, it } from "vitest";
import { decodeLayout, encodeLayout } from "../../../web/src/graph/layout-code.ts";
import { defaultState, parseState, serializeState, withState } from "../../../web/src/state/url-state.ts";

describe("layout code", () => {
  const positions = new Map([
    ["firm:b", { x: 10.4, y: -250.6 }],
    ["firm:a", { x: -3000, y: 47 }],
    ["region:lianzhou", { x: 0, y: 0 }],
  ]);

  it("gives every node back its position (whole units) for the same node set, in any order", () => {
    const code = encodeLayout(positions)!;
    const back = decodeLayout(code, ["region:lianzhou", "firm:a", "firm:b"]);
    expect(back?.get("firm:a")).toEqual({ x: -3000, y: 47 });
    expect(back?.get("firm:b")).toEqual({ x: 10, y: -251 });
    expect(back?.get("region:lianzhou")).toEqual({ x: 0, y: 0 });
  });

  it("refuses a code written for another node set", () => {
    const code = encodeLayout(positions)!;
    expect(decodeLayout(code, ["firm:a", "firm:b"])).toBeUndefined();
    expect(decodeLayout(code, ["firm:a", "firm:b", "firm:c"])).toBeUndefined();
  });

  it("travels through a link unchanged", () => {
    const code = encodeLayout(positions)!;
    const hash = serializeState(withState(defaultState(), { view: "explore", layout: code }));
    expect(parseState(hash).layout).toBe(code);
  });

  it("writes nothing for an empty graph", () => {
    expect(encodeLayout(new Map())).toBeUndefined();
  });
});
