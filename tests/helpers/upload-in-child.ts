import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildApp } from "../../server/app.ts";
import { buildConfig, parseEnv } from "../../server/config.ts";
import { multipart } from "./multipart.ts";

/**
 * The app in a process of its own, as `npm start` runs it: one dry-run upload of the file named
 * by argv, then one line of JSON on stdout (status, body size, the start of the body). The test
 * that spawns it samples this process's RSS while it works.
 * Env: NEO4J_*, AUTH_TOKENS (an editor token), UPLOAD_TOKEN (that token in clear).
 */
const file = process.argv[2]!;
const env = parseEnv();
const config = buildConfig(env, {
  uri: env.NEO4J_URI!,
  user: env.NEO4J_USER,
  password: env.NEO4J_PASSWORD!,
  database: env.NEO4J_DATABASE,
});
const app = await buildApp({ ...config, logLevel: "silent" });
await app.ready();
const body = multipart([{ name: path.basename(file), bytes: await readFile(file) }]);
// /api/health asked every 250 ms while the upload is read: how long the slowest answer took.
let slowestHealthMs = 0;
let pings = 0;
let asking = false;
const pinger = setInterval(async () => {
  if (asking) return;
  asking = true;
  const started = performance.now();
  await app.inject({ url: "/api/health" });
  slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
  pings += 1;
  asking = false;
}, 250);
const response = await app.inject({
  method: "POST",
  url: "/api/import?dryRun=true",
  headers: { ...body.headers, authorization: `Bearer ${process.env.UPLOAD_TOKEN}` },
  payload: body.payload,
});
clearInterval(pinger);
const health = await app.inject({ url: "/api/health" });
const report = response.statusCode === 422 ? (response.json() as { problems: unknown[]; problemsTotal: number }) : undefined;
process.stdout.write(
  `${JSON.stringify({
    status: response.statusCode,
    health: health.statusCode,
    // null: the upload was answered before the first ask.
    slowestHealthMs: pings === 0 ? null : Math.round(slowestHealthMs),
    bytes: response.rawPayload.length,
    body: response.body.slice(0, 4000),
    ...(report ? { problemsListed: report.problems.length, problemsTotal: report.problemsTotal } : {}),
  })}\n`,
);
await app.close();
