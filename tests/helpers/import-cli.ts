import { spawn } from "node:child_process";
import path from "node:path";
import { testConnection } from "./graph.ts";

/** `npm run import -- …` as a planner runs it, against the test database; `heapMb` caps the Node heap. */
export function importCli(args: string[], heapMb?: number): Promise<{ code: number | null; out: string }> {
  const { uri, user, password, database } = testConnection();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "server/import/cli.ts", ...args], {
      env: {
        ...process.env,
        NEO4J_URI: uri,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        NEO4J_DATABASE: database,
        ...(heapMb ? { NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : {}),
      },
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
