import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRequests, request } from "../../../bench/http.ts";

// The bench's own HTTP client (bench/http.ts) against a node:http server that answers in the
// ways a server may: Content-Length, chunked, closing the connection, an error status.
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      if (req.url === "/chunked") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("ab".repeat(40_000));
        setTimeout(() => res.end("end"), 5);
      } else if (req.url === "/close") {
        res.writeHead(200, { connection: "close", "content-length": "2" });
        res.end("ok");
      } else if (req.url === "/missing") {
        res.writeHead(404, { "content-length": "9" });
        res.end("not found");
      } else {
        const answer = JSON.stringify({ method: req.method, body });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
        res.end(answer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  closeRequests(baseUrl);
  await new Promise((resolve) => server.close(resolve));
});

describe("the bench's loopback client", () => {
  it("reads a Content-Length body, with a JSON body sent", async () => {
    const size = await request(baseUrl, { method: "POST", url: "/echo", body: { a: "链长" } });
    expect(size).toBe(Buffer.byteLength(JSON.stringify({ method: "POST", body: JSON.stringify({ a: "链长" }) })));
  });

  it("reads a chunked body to its last chunk", async () => {
    expect(await request(baseUrl, { method: "GET", url: "/chunked" })).toBe(80_003);
  });

  it("opens a new connection after the server closed one, and keeps answering in parallel", async () => {
    expect(await request(baseUrl, { method: "GET", url: "/close" })).toBe(2);
    const sizes = await Promise.all([1, 2, 3].map(() => request(baseUrl, { method: "GET", url: "/echo" })));
    expect(new Set(sizes).size).toBe(1);
  });

  it("refuses a non-2xx answer with its status, and the connection stays usable", async () => {
    await expect(request(baseUrl, { method: "GET", url: "/missing" })).rejects.toThrow(/→ 404: not found/);
    expect(await request(baseUrl, { method: "GET", url: "/chunked" })).toBe(80_003);
  });
});
