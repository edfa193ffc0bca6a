import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "../server/app.ts";
import { DEFAULT_SECURITY } from "../server/auth/security-config.ts";
import type { Neo4jConnection } from "../server/config.ts";
import type { HttpCall } from "./measures.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The real app listening on loopback, as `npm start` builds it, except that the per-client rate
 * limit is lifted: the bench is one client sending thousands of requests on purpose.
 */
export async function startApp(connection: Neo4jConnection, queryTimeoutMs: number) {
  const app = await buildApp({
    port: 0,
    host: "127.0.0.1",
    logLevel: "silent",
    neo4j: connection,
    queryTimeoutMs,
    webDistDir: "/nonexistent-web-dist",
    security: { ...DEFAULT_SECURITY, rateLimit: { readsPerMinute: 10_000_000, writesPerMinute: 10_000_000, exportsPerMinute: 10_000_000 } },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, baseUrl: address };
}

/**
 * Keep-alive connections for the bench's requests. node:http rather than fetch: fetch (undici)
 * spends about 1 ms of client time per request on this machine (3–4 ms when it is loaded), which
 * the "API overhead" ratio would charge to the app on reads that take a few ms.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** One request; a non-2xx answer is an error (the measure would be meaningless otherwise). */
export function request(baseUrl: string, call: HttpCall): Promise<number> {
  const body = call.body ? JSON.stringify(call.body) : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}${call.url}`,
      {
        method: call.method,
        agent,
        headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300)
            reject(new Error(`${call.method} ${call.url.slice(0, 120)} → ${status}: ${bytes.toString().slice(0, 300)}`));
          else resolve(bytes.byteLength);
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export interface Throughput {
  url: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** autocannon in its own process (so the load generator does not share the app's event loop), JSON out. */
export function sustainedLoad(url: string, connections: number, seconds: number): Promise<Throughput> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/autocannon/autocannon.js"), "-c", String(connections), "-d", String(seconds), "-j", url],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c;
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-500)}`));
      const r = JSON.parse(out);
      resolve({
        url,
        connections,
        durationSeconds: seconds,
        requestsPerSecond: r.requests.average,
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        requests: r.requests.total,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
      });
    });
  });
}
