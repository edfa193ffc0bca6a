import { describe, expect, it } from "vitest";
import { ApiError, describeError } from "../../../web/src/api/errors.ts";
import { bilingual, entityName, translator } from "../../../web/src/i18n/i18n.ts";
import { en, zh } from "../../../web/src/i18n/messages.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  it("has every key in both languages, non-empty, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it("is Chinese by default wording and fills placeholders", () => {
    expect(translator("zh")("nav.map")).toBe("链图");
    expect(translator("en")("nav.map")).toBe("Chain map");
    expect(translator("zh")("map.completeness", { n: 29 })).toBe("链条完整度 29%");
    expect(translator("en")("common.firms", { n: 3 })).toBe("3 firms");
  });

  it("leaves an unknown placeholder visible rather than printing undefined", () => {
    expect(translator("en")("common.firms", {})).toBe("{n} firms");
  });

  it("names entities by language, falling back to the Chinese name", () => {
    expect(entityName({ label: "纳爱斯集团", nameEn: "Nice Group" }, "en")).toBe("Nice Group");
    expect(entityName({ label: "纳爱斯集团", nameEn: "Nice Group" }, "zh")).toBe("纳爱斯集团");
    expect(entityName({ label: "轩德皇菊" }, "en")).toBe("轩德皇菊");
    expect(bilingual({ zh: "缺链", en: "missing" }, "en")).toBe("missing");
    expect(bilingual({ zh: "缺链" }, "en")).toBe("缺链");
  });

  it("turns API failures into plain words", () => {
    const t = translator("zh");
    expect(describeError(new ApiError("network", 0, "Failed to fetch"), t)).toContain("无法连接服务器");
    expect(describeError(new ApiError("http", 503, "down", { retryAfter: 5 }), t)).toBe("数据库暂时不可用，请5秒后重试。");
    expect(describeError(new ApiError("http", 404, "no node firm:x"), t)).toContain("firm:x");
    expect(describeError(new ApiError("http", 400, "bad", { fields: [{ field: "region", message: "unknown region" }] }), t)).toContain(
      "region: unknown region",
    );
    expect(describeError(new ApiError("http", 500, "TypeError: x is undefined"), t)).not.toContain("TypeError");
  });
});
