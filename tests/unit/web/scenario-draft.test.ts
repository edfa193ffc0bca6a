import { describe, expect, it } from "vitest";
import type { ScenarioChangeBody } from "../../../model/api/scenarios.ts";
import { type ScenarioDraft, withChange, withoutChange } from "../../../web/src/state/scenario-draft.ts";

const draft = (changes: ScenarioChangeBody[]): ScenarioDraft => ({ chain: "chain:c", region: "region:r", name: "远景", changes });
const newFirm = (name: string): ScenarioChangeBody => ({ kind: "add-firm", name, segment: "segment:s" });

describe("the scenario draft's changes", () => {
  it("adds a change once, however often it is asked for", () => {
    const recruit: ScenarioChangeBody = { kind: "add-firm", firm: "firm:a", segment: "segment:s" };
    const once = withChange(draft([]), recruit);
    expect(withChange(once, { ...recruit }).changes).toEqual([recruit]);
  });

  it("removing a new firm takes the ties to it along and renumbers the new firms after it", () => {
    const before = draft([
      newFirm("甲"),
      newFirm("乙"),
      { kind: "add-tie", from: "new:1", to: "firm:leader" },
      newFirm("丙"),
      { kind: "add-tie", from: "new:3", to: "new:0" },
      { kind: "remove-firm", firm: "firm:x" },
    ]);
    expect(withoutChange(before, 1).changes).toEqual([
      newFirm("甲"),
      newFirm("丙"),
      { kind: "add-tie", from: "new:1", to: "new:0" },
      { kind: "remove-firm", firm: "firm:x" },
    ]);
  });

  it("removing an ordinary change shifts later new-firm references by one", () => {
    const before = draft([{ kind: "remove-leader", firm: "firm:l" }, newFirm("甲"), { kind: "add-tie", from: "new:1", to: "firm:b" }]);
    expect(withoutChange(before, 0).changes).toEqual([newFirm("甲"), { kind: "add-tie", from: "new:0", to: "firm:b" }]);
  });
});
