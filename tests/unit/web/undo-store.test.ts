import { describe, expect, it } from "vitest";
import { parseState } from "../../../web/src/state/url-state.ts";
import { loadUndo, MAX_UNDO, saveUndo } from "../../../web/src/views/explorer/undo-store.ts";

function memory() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe("explorer undo steps across a reload", () => {
  it("saves the steps as links and reads them back in order", () => {
    const store = memory();
    const steps = ["#/explore?focus=firm:a", "#/explore?focus=firm:a&x=firm:a", "#/explore?focus=firm:b"].map(parseState);
    saveUndo(steps, store);
    expect(loadUndo(store).map((s) => s.focus)).toEqual(["firm:a", "firm:a", "firm:b"]);
    expect(loadUndo(store)[1]?.expanded).toEqual([{ id: "firm:a" }]);
  });

  it("keeps the latest steps only, and survives garbage in storage", () => {
    const store = memory();
    saveUndo(
      Array.from({ length: MAX_UNDO + 5 }, (_, i) => parseState(`#/explore?focus=firm:f${i}`)),
      store,
    );
    const loaded = loadUndo(store);
    expect(loaded).toHaveLength(MAX_UNDO);
    expect(loaded.at(-1)?.focus).toBe(`firm:f${MAX_UNDO + 4}`);
    store.setItem("chain-atlas.explorer-undo", "{not json");
    expect(loadUndo(store)).toEqual([]);
    expect(loadUndo(undefined)).toEqual([]);
  });
});
