import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aptPackages, parseDockerfile } from "../../../scripts/check-dockerfile.ts";
import { testConnection } from "../../helpers/graph.ts";

const ROOT = path.join(import.meta.dirname, "../../..");

/**
 * No Docker engine answers here, so the image is checked by running the Dockerfile's own steps
 * without one (scripts/check-dockerfile.ts): npm ci, the web build and the dev-dependency prune
 * in a temporary copy of the build context, the runtime stage's files assembled apart, and its
 * CMD started against the test Neo4j until /api/health and /api/ready answer.
 */
describe("the Dockerfile", () => {
  it("has a build stage and a runtime stage that runs node, not npx, with no dev dependencies", async () => {
    const { readFileSync } = await import("node:fs");
    const stages = parseDockerfile(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
    expect(stages.map((s) => s.name)).toEqual(["build", "runtime"]);
    const runs = stages[0]?.instructions.filter((i) => i.keyword === "RUN").map((i) => i.args) ?? [];
    expect(runs.some((r) => r.startsWith("npm ci"))).toBe(true);
    expect(runs.some((r) => r.includes("build:web"))).toBe(true);
    expect(runs.some((r) => /npm prune --omit=dev/.test(r))).toBe(true);
    const cmd = stages[1]?.instructions.find((i) => i.keyword === "CMD")?.args ?? "";
    expect(JSON.parse(cmd)[0]).toBe("node");
    // The runtime stage's only RUN installs the CJK font the 图表包 embeds.
    const runtimeRuns = stages[1]?.instructions.filter((i) => i.keyword === "RUN").map((i) => aptPackages(i.args)) ?? [];
    expect(runtimeRuns).toEqual([["fonts-noto-cjk"]]);
  });

  it("builds and starts without Docker: the runtime folder answers /api/health and /api/ready", async () => {
    const { uri, user, password, database } = testConnection();
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn("npx", ["tsx", "scripts/check-dockerfile.ts"], {
        cwd: ROOT,
        env: {
          ...process.env,
          NEO4J_URI: uri,
          NEO4J_USER: user,
          NEO4J_PASSWORD: password,
          NEO4J_DATABASE: database,
          SEED_ON_EMPTY: "false",
        },
      });
      child.stdout.on("data", (chunk) => output.push(String(chunk)));
      child.stderr.on("data", (chunk) => output.push(String(chunk)));
      child.on("exit", resolve);
    });
    const log = output.join("");
    expect(code, log.slice(-3000)).toBe(0);
    expect(log).toMatch(/RUN npm ci/);
    expect(log).toMatch(/RUN npm prune --omit=dev/);
    expect(log).toMatch(/no dev dependencies in the runtime node_modules/);
    expect(log).toMatch(/answered \/api\/health, \/api\/ready and served the web bundle/);
    expect(log).toMatch(/RUN apt-get install fonts-noto-cjk: installed here/);
    expect(log).toMatch(/the runtime folder built a 图表包/);
  }, 900_000);
});
