import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheControlFor } from "../../../server/plugins/web.ts";
import { type ServedWebApp, serveWebApp } from "../../helpers/web-app.ts";

/**
 * The built front end as a browser fetches it: the JavaScript bundle goes out brotli- or
 * gzip-compressed (the copies the build wrote), hashed assets are cached for a year, and the page
 * itself is revalidated so a new build is seen at once.
 */
let served: ServedWebApp;
let scriptPath: string;

beforeAll(async () => {
  served = await serveWebApp();
  const html = await (await fetch(`${served.base}/`)).text();
  const match = /<script[^>]+src="([^"]+\.js)"/.exec(html);
  if (!match?.[1]) throw new Error(`no script tag in the built index.html:\n${html}`);
  scriptPath = match[1];
});

afterAll(async () => {
  await served?.close();
});

/** Raw bytes and headers, without fetch's automatic decompression. */
async function rawGet(path: string, acceptEncoding: string) {
  const response = await served.app.inject({ method: "GET", url: path, headers: { "accept-encoding": acceptEncoding } });
  return { headers: response.headers, body: response.rawPayload };
}

describe("static delivery", () => {
  it("sends the bundle brotli-compressed when accepted, with a year of immutable caching", async () => {
    const plain = await rawGet(scriptPath, "identity");
    const br = await rawGet(scriptPath, "br, gzip");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(plain.headers["content-encoding"]).toBeUndefined();
  });

  it("falls back to gzip for browsers without brotli", async () => {
    const gz = await rawGet(scriptPath, "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await rawGet(scriptPath, "identity");
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it("revalidates the page itself, also when a view link falls back to it", async () => {
    for (const url of ["/", "/index.html", "/some/deep/link"]) {
      const page = await rawGet(url, "br");
      expect(page.headers["cache-control"], url).toBe("no-cache");
      expect(page.headers["content-type"], url).toMatch(/text\/html/);
    }
  });

  it("marks only content-hashed files immutable", () => {
    expect(cacheControlFor("/dist/assets/index-B3k_x9Qa.js")).toBe("public, max-age=31536000, immutable");
    expect(cacheControlFor("/dist/assets/index-B3k_x9Qa.js.br")).toBe("public, max-age=31536000, immutable");
    expect(cacheControlFor("/dist/index.html")).toBe("no-cache");
    expect(cacheControlFor("/dist/favicon.svg")).toBe("no-cache");
  });
});
