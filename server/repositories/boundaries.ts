import type { Graph } from "../db/graph.ts";
import { matchAreaRegion, regionsUnder, type StoredArea } from "../geo/areas.ts";
import { readBoundaryFile } from "../geo/boundary-file.ts";
import type { CoordinateSystem } from "../geo/crs.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { listRegions } from "./regions.ts";

export interface StoredBoundary {
  /** The region the file was uploaded for (it may be an ancestor of the region asked about). */
  region: string;
  areas: StoredArea[];
  areaCount: number;
  sourceCrs: string;
  approvalNumber: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface BoundaryToSave {
  region: string;
  areas: StoredArea[];
  sourceCrs: string;
  approvalNumber: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** Stores the areas (already checked and in WGS-84) in one write; an unknown region stores nothing. */
export async function saveBoundary(graph: Graph, boundary: BoundaryToSave): Promise<{ region: string; areaCount: number }> {
  const rows = await graph.writeTransaction((tx) =>
    tx.run<{ region: string; areaCount: number }>("save-region-boundary", {
      ...boundary,
      areas: JSON.stringify(boundary.areas),
      areaCount: boundary.areas.length,
    }),
  );
  const row = rows[0];
  if (!row) throw new NotFoundError(`region "${boundary.region}"`);
  return { region: row.region, areaCount: Number(row.areaCount) };
}

interface BoundaryRow extends Omit<StoredBoundary, "areas"> {
  areas: string;
}

/** The boundary drawn for a region: its own upload, else its nearest ancestor's; null when none. */
export async function findBoundary(graph: Graph, region: string): Promise<StoredBoundary | null> {
  const row = await graph.readOne<{ boundary: BoundaryRow }>("find-region-boundary", { region });
  if (!row) return null;
  return { ...row.boundary, areaCount: Number(row.boundary.areaCount), areas: JSON.parse(row.boundary.areas) as StoredArea[] };
}

export async function deleteBoundary(graph: Graph, region: string): Promise<boolean> {
  const rows = await graph.writeTransaction((tx) => tx.run("delete-region-boundary", { region }));
  return rows.length > 0;
}

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
