import { describe, expect, it } from "vitest";
import { bearer } from "../../helpers/auth.ts";
import { testGraph } from "../../helpers/graph.ts";
import { useSecuredApp } from "../../helpers/secured-app.ts";

/** Issue 12's "Minor" list: each answer says what was wrong, and what looks the same finds the same. */
const graph = testGraph();
const live = useSecuredApp(() => graph.driver.close());

const ids = (res: { json: () => { results: { id: string }[] } }) => res.json().results.map((r) => r.id);

describe("minor findings", () => {
  it("names a deeply nested __proto__ key as the refused part of a body", async () => {
    const nested = `${'{"a":'.repeat(50)}{"__proto__":{"isAdmin":true}}${"}".repeat(50)}`;
    for (const payload of [nested, '{"nodeIds":["firm:x"],"x":[{"constructor":{"prototype":{"y":1}}}]}']) {
      const res = await live.app.inject({ method: "POST", url: "/api/export", payload, headers: { "content-type": "application/json" } });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/__proto__|constructor/);
      expect(res.json().message).not.toMatch(/not valid JSON/);
    }
    const broken = await live.app.inject({
      method: "POST",
      url: "/api/export",
      payload: '{"nodeIds": [',
      headers: { "content-type": "application/json" },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/not valid JSON/);
  });

  it("answers a 300-character id with 400 naming the limit, not 404", async () => {
    const long = `firm:${"a".repeat(295)}`;
    for (const url of [`/api/nodes/${long}`, `/api/nodes/${long}/neighbors`, `/api/paths?from=${long}&to=firm:x`]) {
      const res = await live.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message, url).toMatch(/200 characters/);
    }
  });

  it("takes integers in plain decimal digits only", async () => {
    for (const value of ["0x6", "1e0", "6.0", " 6", "", "+6", "0b11"]) {
      const res = await live.app.inject({ url: `/api/paths?from=firm:a&to=firm:b&maxHops=${encodeURIComponent(value)}` });
      expect(res.statusCode, `maxHops=${value}`).toBe(400);
      expect(res.json().message, `maxHops=${value}`).toMatch(/maxHops: must be a whole number in plain decimal digits/);
    }
    expect((await live.app.inject({ url: "/api/search?q=x&limit=0x10" })).statusCode).toBe(400);
    expect((await live.app.inject({ url: "/api/search?q=x&limit=10" })).statusCode).toBe(200);
    expect((await live.app.inject({ url: "/api/import/batches?limit=1e2" })).statusCode).toBe(400);
  });

  it("finds the same with or without a zero-width space or other invisible characters", async () => {
    const variants: Record<string, string[]> = {
      纳爱斯: ["纳\u200b爱斯", "纳爱\u200d斯", "\ufeff纳爱斯\u200c", "纳\u00ad爱斯"],
      丽水: ["丽\u200b水", "丽\u2060水"],
      "Nice Group": ["Ni\u200bce Group", "Nice\u200b Gr\u200coup"],
    };
    for (const [typed, odds] of Object.entries(variants)) {
      const plain = await live.app.inject({ url: `/api/search?q=${encodeURIComponent(typed)}` });
      expect(ids(plain).length, typed).toBeGreaterThan(0);
      for (const odd of odds) {
        const res = await live.app.inject({ url: `/api/search?q=${encodeURIComponent(odd)}` });
        expect(ids(res), JSON.stringify(odd)).toEqual(ids(plain));
      }
    }
  });

  it("finds 丽水 when a planner types the traditional 麗水", async () => {
    const simplified = await live.app.inject({ url: `/api/search?q=${encodeURIComponent("丽水")}` });
    const traditional = await live.app.inject({ url: `/api/search?q=${encodeURIComponent("麗水")}` });
    expect(ids(simplified)).toContain("region:lishui");
    expect(ids(traditional)).toContain("region:lishui");
    expect(ids(traditional)[0]).toBe(ids(simplified)[0]);
  });

  it("does not audit a dry run, which writes nothing", async () => {
    const dryRunEntries = async () =>
      (await graph.runRaw("MATCH (a:AuditEntry {route: '/api/import'}) WHERE a.summary STARTS WITH 'dry run' RETURN count(a) AS n"))[0]?.n;
    const before = Number(await dryRunEntries());
    const boundary = "----minor-dry-run";
    const csv = "编号 (id),名称 (name),标签 (tags),备注 (note)\r\nfirm:minor-dry-run-only,审计测试企业,,只做试运行";
    const res = await live.app.inject({
      method: "POST",
      url: "/api/import?dryRun=true",
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="firms.csv"\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...bearer("editor") },
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.json().dryRun).toBe(true);
    expect(Number(await dryRunEntries())).toBe(before);
  });
});
