import { describe, expect, it } from "vitest";
import { RateTimeline } from "../../../seeds/synthetic/rate-timeline.ts";

describe("a load's rate over its second half", () => {
  it("leaves out the slow start: rows after the half-way batch over the time since it", () => {
    const timeline = new RateTimeline();
    // Four slow batches of 10 rows (1 s each), then four fast ones (0.25 s each).
    let at = 0;
    for (const seconds of [1, 1, 1, 1, 0.25, 0.25, 0.25, 0.25]) {
      at += seconds * 1000;
      timeline.add(10, at);
    }
    // Half of 80 rows is reached by the fourth batch (at 4 s); 40 more rows follow in 1 s.
    expect(timeline.secondHalfRate()).toBe(40);
  });

  it("is null when there is no second point to measure between", () => {
    const timeline = new RateTimeline();
    expect(timeline.secondHalfRate()).toBeNull();
    timeline.add(100, 5);
    expect(timeline.secondHalfRate()).toBeNull();
  });
});
