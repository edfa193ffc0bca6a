import { describe, expect, it } from "vitest";
import { redactUrl } from "../../../server/auth/redact.ts";

describe("secrets in URLs", () => {
  it("masks token-like query parameters whatever their case or place, and nothing else", () => {
    expect(redactUrl("/api/regions?token=abc")).toBe("/api/regions?token=[REDACTED]");
    expect(redactUrl("/api/x?a=1&ACCESS_TOKEN=abc&b=2")).toBe("/api/x?a=1&ACCESS_TOKEN=[REDACTED]&b=2");
    expect(redactUrl("/api/x?api_key=k#frag")).toBe("/api/x?api_key=[REDACTED]#frag");
    expect(redactUrl("/api/search?q=token=abc")).toBe("/api/search?q=token=abc");
    expect(redactUrl("/api/nodes/firm:token")).toBe("/api/nodes/firm:token");
    expect(redactUrl("/api/x?mytoken=abc")).toBe("/api/x?mytoken=abc");
  });
});
