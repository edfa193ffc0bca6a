import { describe, expect, it } from "vitest";
import { RestartBudget } from "../../server/supervisor.ts";

describe("the supervisor's restart budget", () => {
  it("allows restarts up to its maximum within the window, then refuses", () => {
    const budget = new RestartBudget(3, 60_000);
    expect([0, 1_000, 2_000].map((t) => budget.allow(t))).toEqual([true, true, true]);
    expect(budget.allow(3_000)).toBe(false);
  });

  it("forgets crashes older than the window, so an app that crashes rarely is always restarted", () => {
    const budget = new RestartBudget(2, 10_000);
    expect([0, 20_000, 40_000, 60_000, 80_000].map((t) => budget.allow(t))).toEqual([true, true, true, true, true]);
  });
});
