import type { Graph } from "../db/graph.ts";
import { dropNulls } from "./drop-nulls.ts";

export interface RegionSummary {
  id: string;
  name: string;
  nameEn?: string;
  kind: string;
  parent?: string;
  enclaveOf?: string;
  locatedIn?: string;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** Every region with its parent, and for an enclave (飞地) its home district and host region. Broad to narrow. */
export async function listRegions(graph: Graph): Promise<RegionSummary[]> {
  const rows = await graph.read<Nullable<RegionSummary>>("list-regions");
  return rows.map((row) => dropNulls(row) as RegionSummary);
}
