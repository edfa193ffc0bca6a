import type { Graph } from "../db/graph.ts";
import { matchAreaRegion, regionsUnder } from "../geo/areas.ts";
import { readBoundaryFile } from "../geo/boundary-file.ts";
import type { CoordinateSystem } from "../geo/crs.ts";
import { saveBoundary } from "../repositories/boundaries.ts";
import { listRegions } from "../repositories/regions.ts";

export interface BoundaryUpload {
  region: string;
  crs: CoordinateSystem;
  approvalNumber: string;
  data: unknown;
  uploadedBy: string;
}

/**
 * Checks the file (boundary-file.ts), names each area's region among the uploaded region and
 * the regions under it, and stores it in one write. Areas no region matches are kept as plain
 * outlines and listed back, so the planner sees which names did not match.
 */
export async function uploadBoundary(graph: Graph, upload: BoundaryUpload, byteLength: number) {
  const features = readBoundaryFile(upload.data, upload.crs, byteLength);
  const candidates = regionsUnder(await listRegions(graph), upload.region);
  const areas = features.map((f) => {
    const region = matchAreaRegion(f.key, candidates);
    return region ? { ...f, region } : f;
  });
  const saved = await saveBoundary(graph, {
    region: upload.region,
    areas,
    sourceCrs: upload.crs,
    approvalNumber: upload.approvalNumber,
    uploadedBy: upload.uploadedBy,
    uploadedAt: new Date().toISOString(),
  });
  return {
    ...saved,
    matched: areas.flatMap((a) => ("region" in a && a.region ? [{ key: a.key, region: a.region }] : [])),
    unmatched: areas.filter((a) => !("region" in a)).map((a) => a.key),
  };
}
