import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../../../model/api/export.ts";
import { attachment } from "../../../server/export/content-disposition.ts";
import { exportFile } from "../../../server/export/formats.ts";
import { writeJson } from "../../../server/export/json.ts";
import { sampleElements } from "./sample.ts";

describe("export formats", () => {
  it.each(EXPORT_FORMATS)("%s gives bytes, a media type and chain-atlas-subgraph.<ext>", async (format) => {
    const file = await exportFile(sampleElements(), format, { table: "nodes" });
    expect(file.body.length).toBeGreaterThan(0);
    expect(file.contentType).toMatch(/\//);
    expect(file.filename).toBe(`chain-atlas-subgraph.${format}`);
  });

  it("JSON round-trips to the same elements", () => {
    expect(JSON.parse(writeJson(sampleElements()))).toEqual({ elements: sampleElements() });
  });

  it("Content-Disposition carries an ASCII filename and an RFC 5987 UTF-8 filename*", () => {
    expect(attachment("chain-atlas-subgraph.csv")).toBe(
      `attachment; filename="chain-atlas-subgraph.csv"; filename*=UTF-8''chain-atlas-subgraph.csv`,
    );
    const header = attachment('莲都 "链".csv');
    expect(header, "non-ASCII and quotes replaced in the plain filename").toContain(`filename="__ ___.csv"`);
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent('莲都 "链".csv')}`);
    expect(decodeURIComponent(header.split("UTF-8''")[1] ?? "")).toBe('莲都 "链".csv');
  });
});
