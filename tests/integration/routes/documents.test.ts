import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exploreFixture, useFixtureApp } from "./explore-fixture.ts";

const fixture = exploreFixture("t-explore-docs");
const live = useFixtureApp(fixture);

describe("GET /api/documents", () => {
  it("lists the source documents newest first with title, outlet, date, file and authors", async () => {
    const res = await live.app.inject({ url: "/api/documents" });
    expect(res.statusCode).toBe(200);
    const documents = res.json().documents as { id: string; date: string }[];
    expect(documents[0]).toEqual(fixture.document);
    const dates = documents.map((d) => d.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const demo = JSON.parse(readFileSync(new URL("../../../seeds/demo/documents.json", import.meta.url), "utf8")) as {
      id: string;
      title: string;
    }[];
    for (const doc of demo)
      expect(
        documents.find((d) => d.id === doc.id),
        doc.id,
      ).toMatchObject({ title: doc.title });
  });
});
