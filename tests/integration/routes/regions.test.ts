import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { exploreFixture, useFixtureApp } from "./explore-fixture.ts";

const fixture = exploreFixture("t-explore-regions");
const { ids } = fixture;
const live = useFixtureApp(fixture);

type Region = { id: string; name: string; nameEn?: string; kind: string; parent?: string; enclaveOf?: string; locatedIn?: string };
const demo = (file: string) => JSON.parse(readFileSync(new URL(`../../../seeds/demo/${file}`, import.meta.url), "utf8"));

describe("GET /api/regions", () => {
  let regions: Region[];
  beforeAll(async () => {
    const res = await live.app.inject({ url: "/api/regions" });
    expect(res.statusCode).toBe(200);
    regions = res.json().regions;
  });
  const byId = (id: string) => regions.find((r) => r.id === id);

  it("gives each region its kind, parent, and for an enclave its home district and host region", () => {
    expect(byId(ids.city)).toEqual({ id: ids.city, name: "探索测试市", nameEn: "Xplorer City", kind: "city" });
    expect(byId(ids.district)).toEqual({
      id: ids.district,
      name: "探索测试区",
      nameEn: "Xplorer District",
      kind: "district",
      parent: ids.city,
    });
    expect(byId(ids.enclave)).toMatchObject({ kind: "enclave", enclaveOf: ids.district, locatedIn: ids.city });
  });

  it("lists broad regions before narrow ones", () => {
    const index = (id: string) => regions.findIndex((r) => r.id === id);
    expect(index(ids.city)).toBeLessThan(index(ids.district));
    expect(index(ids.district)).toBeLessThan(index(ids.enclave));
  });

  it("holds every demo region, with the enclave ties the demo relations state", () => {
    for (const region of demo("regions.json") as { id: string; kind: string }[]) expect(byId(region.id)?.kind, region.id).toBe(region.kind);
    const relations = demo("relations.json") as { type: string; from: string; to: string }[];
    for (const rel of relations.filter((r) => r.type === "ENCLAVE_OF")) expect(byId(rel.from)?.enclaveOf, rel.from).toBe(rel.to);
  });
});
