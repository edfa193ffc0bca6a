import type { Graph } from "../db/graph.ts";
import type { StoredArea } from "../geo/areas.ts";
import { NotFoundError } from "../lib/not-found.ts";

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
