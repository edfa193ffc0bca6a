import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../../bench/cli-options.ts";
import { measures, parameterPools } from "../../../bench/measures.ts";
import { BENCH_PARTS, benchSelection, MEASURE_NAMES } from "../../../bench/only.ts";
import { buildPlan } from "../../../seeds/synthetic/plan.ts";

describe("npm run bench -- --only", () => {
  it("is absent unless given: a full run selects every measure and every part", () => {
    const args = parseBenchArgs([]);
    expect(args.only).toBeUndefined();
    const all = benchSelection(args.only);
    expect(MEASURE_NAMES.every((name) => all.measure(name))).toBe(true);
    expect(BENCH_PARTS.every((part) => all.part(part))).toBe(true);
  });

  it("selects the measures it names and skips every part it does not name", () => {
    const args = parseBenchArgs(["--sizes", "1000000", "--reuse", "--only", "gaps,targets"]);
    expect(args.only).toEqual(["gaps", "targets"]);
    const some = benchSelection(args.only);
    expect(MEASURE_NAMES.filter((name) => some.measure(name))).toEqual(["gaps", "targets"]);
    expect(BENCH_PARTS.filter((part) => some.part(part))).toEqual([]);
  });

  it("runs a part alone when named, with or without measures", () => {
    const some = benchSelection(parseBenchArgs(["--only", "throughput, what-if"]).only);
    expect(MEASURE_NAMES.filter((name) => some.measure(name))).toEqual([]);
    expect(BENCH_PARTS.filter((part) => some.part(part))).toEqual(["what-if", "throughput"]);
  });

  it("refuses a name that is neither a measure nor a part, naming it, before anything runs", () => {
    expect(() => parseBenchArgs(["--only", "gaps,targest"])).toThrow(/unknown measure or part "targest"/);
    expect(() => parseBenchArgs(["--only", ","])).toThrow();
  });

  it("knows the measures by the names bench/measures.ts gives them", () => {
    const names = measures(parameterPools(buildPlan(42, 3000)), []).map((m) => m.name);
    expect(names).toEqual([...MEASURE_NAMES]);
  });
});
