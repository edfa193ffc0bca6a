import { spawn } from "node:child_process";
import { testNeo4jEnv } from "./graph.ts";

/** `npm run import -- …` as a planner runs it, in a process of its own, against the test database. */
export function runImportCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/import-cli.ts", ...args], {
      env: { ...process.env, ...testNeo4jEnv(), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}
