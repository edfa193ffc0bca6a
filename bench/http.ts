import { spawn } from "node:child_process";
import net from "node:net";
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
export async function startApp(connection: Neo4jConnection, queryTimeoutMs: number, webDistDir = "/nonexistent-web-dist") {
  const app = await buildApp({
    port: 0,
    host: "127.0.0.1",
    logLevel: "silent",
    neo4j: connection,
    queryTimeoutMs,
    webDistDir,
    security: { ...DEFAULT_SECURITY, rateLimit: { readsPerMinute: 10_000_000, writesPerMinute: 10_000_000, exportsPerMinute: 10_000_000 } },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, baseUrl: address };
}

/**
 * The bench's HTTP client: HTTP/1.1 over kept-alive loopback sockets, one request at a time per
 * socket, reading the status, the headers and the body (Content-Length or chunked) and nothing
 * more. The client shares the app's process and event loop, so whatever it spends per request
 * is charged to the app by the "API overhead" ratio. fetch (undici) spent about 1 ms of client
 * time per request on this machine; node:http with a keep-alive agent about 0.24 ms of CPU on a
 * 1.7 KB reply (its request object, agent queue, header parsing into objects and events) — as
 * much as the app's own routing, validation and serialisation together. This client spends a
 * few tens of µs. What the app sends is unchanged: the same bytes a browser would read.
 */
class LoopbackClient {
  private readonly idle: net.Socket[] = [];

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  send(method: string, target: string, body?: string): Promise<{ status: number; body: Buffer }> {
    const payload = body === undefined ? "" : body;
    const head =
      `${method} ${target} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nConnection: keep-alive\r\n` +
      (body === undefined ? "" : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`) +
      "\r\n";
    const socket = this.take();
    return new Promise((resolve, reject) => {
      const reader = new ResponseReader();
      const onData = (chunk: Buffer) => {
        let response: { status: number; body: Buffer; keepAlive: boolean } | undefined;
        try {
          response = reader.push(chunk);
        } catch (error) {
          done();
          socket.destroy();
          return reject(error);
        }
        if (!response) return;
        done();
        if (response.keepAlive) this.park(socket);
        else socket.destroy();
        resolve({ status: response.status, body: response.body });
      };
      const onError = (error: Error) => {
        done();
        socket.destroy();
        reject(error);
      };
      const onClose = () => onError(new Error(`the connection closed before the answer to ${method} ${target.slice(0, 120)} ended`));
      const done = () => {
        socket.off("data", onData);
        socket.off("error", onError);
        socket.off("close", onClose);
      };
      socket.on("data", onData);
      socket.on("error", onError);
      socket.on("close", onClose);
      socket.write(head + payload);
    });
  }

  /** An idle socket still open, else a new one. */
  private take(): net.Socket {
    for (let socket = this.idle.pop(); socket; socket = this.idle.pop()) {
      socket.removeAllListeners("close");
      socket.removeAllListeners("error");
      if (!socket.destroyed) return socket;
    }
    return net.connect({ host: this.host, port: this.port, noDelay: true });
  }

  /** Keeps a socket for the next request; one the server closes meanwhile leaves the list. */
  private park(socket: net.Socket) {
    this.idle.push(socket);
    socket.on("error", () => {});
    socket.once("close", () => {
      const at = this.idle.indexOf(socket);
      if (at >= 0) this.idle.splice(at, 1);
    });
  }

  close() {
    for (const socket of this.idle.splice(0)) socket.destroy();
  }
}

/** Accumulates one HTTP/1.1 response from socket chunks; returns it once complete. */
class ResponseReader {
  private chunks: Buffer[] = [];
  private received = 0;
  private header?: { status: number; bodyStart: number; length: number | "chunked"; keepAlive: boolean };

  push(chunk: Buffer): { status: number; body: Buffer; keepAlive: boolean } | undefined {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (!this.header) {
      const start = this.joined();
      const end = start.indexOf("\r\n\r\n");
      if (end < 0) return undefined;
      const head = start.toString("latin1", 0, end);
      const status = Number(head.slice(9, 12));
      const chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(head);
      const length = chunked ? "chunked" : Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? Number.NaN);
      if (length !== "chunked" && !Number.isFinite(length))
        throw new Error(`an answer without Content-Length or chunked encoding (${head.slice(0, head.indexOf("\r\n"))})`);
      this.header = { status, bodyStart: end + 4, length, keepAlive: !/\r\nconnection:\s*close/i.test(head) };
    }
    const { status, bodyStart, length, keepAlive } = this.header;
    // Bytes are joined once the answer can be complete, not on every chunk (an export is megabytes).
    if (length !== "chunked") {
      if (this.received < bodyStart + length) return undefined;
      return { status, body: this.joined().subarray(bodyStart, bodyStart + length), keepAlive };
    }
    if (!chunk.subarray(-4).equals(CRLF_CRLF)) return undefined;
    const body = dechunk(this.joined(), bodyStart);
    return body ? { status, body, keepAlive } : undefined;
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!;
  }
}

const CRLF_CRLF = Buffer.from("\r\n\r\n");

/** The body of a chunked message starting at `from`, or undefined while its last chunk has not arrived. */
function dechunk(buffer: Buffer, from: number): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const lineEnd = buffer.indexOf("\r\n", at);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(buffer.toString("latin1", at, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error("a malformed chunk size");
    if (size === 0) return buffer.indexOf("\r\n", lineEnd + 2) < 0 ? undefined : Buffer.concat(parts);
    if (buffer.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

const clients = new Map<string, LoopbackClient>();

/** One request; a non-2xx answer is an error (the measure would be meaningless otherwise). Resolves with the body's size. */
export async function request(baseUrl: string, call: HttpCall): Promise<number> {
  let client = clients.get(baseUrl);
  if (!client) {
    const url = new URL(baseUrl);
    client = new LoopbackClient(url.hostname, Number(url.port));
    clients.set(baseUrl, client);
  }
  const { status, body } = await client.send(call.method, call.url, call.body === undefined ? undefined : JSON.stringify(call.body));
  if (status < 200 || status >= 300)
    throw new Error(`${call.method} ${call.url.slice(0, 120)} → ${status}: ${body.toString().slice(0, 300)}`);
  return body.byteLength;
}

/** Drops the kept-alive sockets to `baseUrl` (before the app closes, so it does not wait for them). */
export function closeRequests(baseUrl: string) {
  clients.get(baseUrl)?.close();
  clients.delete(baseUrl);
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
