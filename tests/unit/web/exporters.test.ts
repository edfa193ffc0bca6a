import { describe, expect, it } from "vitest";
import { compareCsv, exportFileName, exportRequest, fileNameFromDisposition } from "../../../web/src/export/exporters.ts";

describe("exporters", () => {
  it("asks the API for the ids in view, leaving out lanes and count nodes", () => {
    const request = exportRequest("graphml", {
      nodeIds: ["firm:a", "lane:upstream", "more:segment:x", "segment:x", "firm:a"],
      edgeIds: ["e1"],
    });
    expect(request).toEqual({ url: "/api/export?format=graphml", body: { nodeIds: ["firm:a", "segment:x"], edgeIds: ["e1"] } });
  });

  it("maps the two CSV buttons to the nodes and edges tables", () => {
    expect(exportRequest("csv-nodes", { nodeIds: ["firm:a"], edgeIds: [] }).url).toBe("/api/export?format=csv&table=nodes");
    expect(exportRequest("csv-edges", { nodeIds: ["firm:a"], edgeIds: [] }).url).toBe("/api/export?format=csv&table=edges");
    expect(exportRequest("xlsx", { nodeIds: ["firm:a"], edgeIds: [] }).body).toEqual({ nodeIds: ["firm:a"] });
  });

  it("refuses to send image formats to the API (they are drawn in the browser)", () => {
    expect(() => exportRequest("png", { nodeIds: [], edgeIds: [] })).toThrow(/browser/);
  });

  it("makes file names that keep Chinese but no path or reserved characters", () => {
    const date = new Date("2026-11-21T10:00:00Z");
    expect(exportFileName(["莲都区", "美丽健康产业链"], "png", date)).toBe("莲都区_美丽健康产业链_2026-11-21.png");
    expect(exportFileName(["a/b:c", undefined, " ", "x  y"], "svg", date)).toBe("a-b-c_x-y_2026-11-21.svg");
  });

  it("reads the file name from Content-Disposition, preferring the UTF-8 form", () => {
    expect(fileNameFromDisposition(`attachment; filename="export.csv"; filename*=UTF-8''%E8%8E%B2%E9%83%BD.csv`)).toBe("莲都.csv");
    expect(fileNameFromDisposition(`attachment; filename="export.gexf"`)).toBe("export.gexf");
    expect(fileNameFromDisposition(null)).toBeUndefined();
  });

  it("writes the compare matrix as Excel-friendly CSV, with formula-looking cells defused", () => {
    const csv = compareCsv(
      {
        chain: { id: "chain:c", type: "chain", label: "链", sources: [] },
        regions: [
          { id: "region:a", name: "莲都区" },
          { id: "region:b", name: "=HYPERLINK()" },
        ],
        segments: [
          { id: "segment:x", name: "环节, 一", stage: "upstream" },
          { id: "segment:y", name: "环节二", stage: "downstream" },
        ],
        cells: [{ region: "region:a", segment: "segment:y", firms: 4, aboveScaleFirms: 1, leaders: 1, firmIds: [] }],
      },
      "zh",
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines).toEqual(['区域,"环节, 一",环节二', "莲都区,0,4", "'=HYPERLINK(),0,0"]);
  });
});
