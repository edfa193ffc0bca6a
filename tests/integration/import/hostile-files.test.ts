import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, newToken } from "../../../server/auth/tokens.ts";
import { testNeo4jEnv } from "../../helpers/graph.ts";
import { badIdsCsv, longCellCsv, longCellXlsx, manyRowsXlsx, sharedStringsBomb, wideCsv, wideXlsx } from "../../helpers/hostile-files.ts";

/**
 * Hostile uploads against the app in a child process, its RSS sampled while it works: every
 * file ends in a clear 4xx naming the limit, the app answers /api/health afterwards, and its
 * RSS never passes 1 GiB. A child that passes 1 GiB is killed at once (the finding, and the
 * machine is shared) and the test fails with the figure.
 */
const RSS_LIMIT = 1024 * 1024 * 1024;
const TOKEN = newToken();
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-hostile-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

interface Outcome {
  code: number | null;
  maxRss: number;
  killed: boolean;
  answer?: {
    status: number;
    health: number;
    slowestHealthMs: number | null;
    bytes: number;
    body: string;
    problemsListed?: number;
    problemsTotal?: number;
  };
  stderr: string;
}

async function upload(name: string, bytes: Buffer): Promise<Outcome> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/upload-in-child.ts", file], {
    env: {
      ...process.env,
      ...testNeo4jEnv(),
      AUTH_TOKENS: `hostile-test:editor:${hashToken(TOKEN).toString("hex")}`,
      UPLOAD_TOKEN: TOKEN,
      NODE_OPTIONS: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  let maxRss = 0;
  let killed = false;
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssOf(child.pid!));
    if (maxRss > RSS_LIMIT && !killed) {
      killed = true;
      child.kill("SIGKILL");
    }
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  const line = stdout.trim().split("\n").pop();
  return { code, maxRss, killed, stderr: stderr.slice(-2000), ...(line?.startsWith("{") ? { answer: JSON.parse(line) } : {}) };
}

const MB = 1024 * 1024;

function expectHeld(outcome: Outcome, status: number, limit: RegExp) {
  const figure = `max RSS ${Math.round(outcome.maxRss / MB)} MB`;
  expect(outcome.killed, `the app passed 1 GiB (${figure})`).toBe(false);
  expect(outcome.code, `the app died: ${outcome.stderr}`).toBe(0);
  expect(outcome.answer?.status, outcome.answer?.body.slice(0, 500)).toBe(status);
  expect(outcome.answer?.body).toMatch(limit);
  expect(outcome.answer?.health, "the app still answers /api/health").toBe(200);
  expect(outcome.maxRss, figure).toBeLessThanOrEqual(RSS_LIMIT);
  // Reported, not asserted (the machine is shared): the slowest /api/health during the upload.
  console.log(
    `${figure}, answer ${outcome.answer?.status} of ${outcome.answer?.bytes} bytes, slowest /api/health ${outcome.answer?.slowestHealthMs ?? "—"} ms`,
  );
}

describe("hostile files: the app stays under 1 GiB and answers 4xx naming the limit", () => {
  it("a zip bomb: shared strings unpacking to 1 GiB behind headers that claim 4 KB", async () => {
    expectHeld(await upload("bomb.xlsx", await sharedStringsBomb(1024 * MB)), 413, /IMPORT_MAX_SHARED_STRINGS_MB/);
  }, 600_000);

  it("an XLSX of 2,000,000 rows", async () => {
    const bytes = await manyRowsXlsx(2_000_000);
    expectHeld(await upload("firms.xlsx", bytes), 413, /IMPORT_MAX_ROWS/);
  }, 600_000);

  it("a 50 MB CSV of bad ids (just under the 50 MB upload limit) and one just over it", async () => {
    expectHeld(await upload("firms.csv", badIdsCsv(49 * MB)), 413, /IMPORT_MAX_ROWS/);
    expectHeld(await upload("firms.csv", badIdsCsv(51 * MB)), 413, /upload limit of 50 MB/);
  }, 600_000);

  it("a CSV of 150,000 bad ids: 422 with the first 1000 problems and the total, not a 20 MB list", async () => {
    const outcome = await upload("firms.csv", badIdsCsv(150_000 * 45));
    expectHeld(outcome, 422, /"ok":false/);
    expect(outcome.answer!.bytes).toBeLessThan(1 * MB);
    expect(outcome.answer!.problemsListed).toBe(1000);
    expect(outcome.answer!.problemsTotal).toBeGreaterThanOrEqual(150_000);
  }, 600_000);

  it("wide rows: a CSV row of 100,000 columns and an XLSX cell in column XFD", async () => {
    expectHeld(await upload("firms.csv", wideCsv(100_000)), 413, /IMPORT_MAX_COLUMNS/);
    expectHeld(await upload("firms.xlsx", await wideXlsx(10)), 413, /IMPORT_MAX_COLUMNS/);
  }, 600_000);

  it("long cells: 40,000 characters is a problem on its row; 15 million is refused while reading", async () => {
    expectHeld(await upload("firms.csv", longCellCsv(40_000)), 422, /IMPORT_MAX_CELL_CHARS/);
    expectHeld(await upload("firms.csv", longCellCsv(15_000_000)), 413, /IMPORT_MAX_CELL_CHARS/);
    expectHeld(await upload("firms.xlsx", await longCellXlsx(20_000_000)), 413, /IMPORT_MAX_CELL_CHARS/);
  }, 600_000);
});
