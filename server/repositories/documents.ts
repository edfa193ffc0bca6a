import type { Graph } from "../db/graph.ts";
import { dropNulls } from "./drop-nulls.ts";

export interface DocumentSummary {
  id: string;
  title: string;
  outlet?: string;
  date?: string;
  file?: string;
  authors: string[];
}

/** The source documents every fact cites, newest first. */
export async function listDocuments(graph: Graph): Promise<DocumentSummary[]> {
  const rows = await graph.read<{ [K in keyof DocumentSummary]: DocumentSummary[K] | null }>("list-documents");
  return rows.map((row) => dropNulls(row) as DocumentSummary);
}
