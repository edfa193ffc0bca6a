import { describe, expect, it } from "vitest";
import { initialsOf, initialsQuery, looksLikeInitials, nameInitials } from "../../../server/search/name-initials.ts";

describe("pinyin initials of names", () => {
  it("gives the first letter of each character's reading, in its word", () => {
    expect(initialsOf("丽水美妆有限公司")).toBe("lsmzyxgs");
    expect(initialsOf("重庆")).toBe("cq");
    expect(initialsOf("中国银行")).toBe("zgyh");
  });

  it("reads traditional characters as their simplified form and keeps Latin letters and digits", () => {
    expect(initialsOf("麗水")).toBe("ls");
    expect(initialsOf("ABC科技3号")).toBe("abckj3h");
  });

  it("gives nothing for a name without Chinese", () => {
    expect(initialsOf("Nice Group")).toBeNull();
  });

  it("keeps one word per distinct name or alias", () => {
    expect(nameInitials("纳爱斯集团", ["纳爱斯", "Nice", "纳爱斯"])).toBe("nasjt nas");
    expect(nameInitials("Nice", [])).toBe("");
    expect(nameInitials(undefined, null)).toBe("");
  });

  it("takes only 2–24 Latin letters as initials to search", () => {
    expect(looksLikeInitials("lsmz")).toBe(true);
    expect(looksLikeInitials("LSMZ")).toBe(true);
    expect(looksLikeInitials("l")).toBe(false);
    expect(looksLikeInitials("ls mz")).toBe(false);
    expect(looksLikeInitials("丽水")).toBe(false);
    expect(initialsQuery("LSmz")).toBe("lsmz^4 OR lsmz*");
    expect(initialsQuery("a:b")).toBeNull();
  });
});
