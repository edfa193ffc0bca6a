import type { Elements } from "../../model/api/elements.ts";

export type GapStatus = "missing" | "thin" | "broken";

/**
 * Writes the chain map's structure onto every node as plain attributes, so a tool that reads only
 * node attributes (Gephi, yEd, a spreadsheet) can rebuild the map: `segments` (the segments a firm
 * sits in), `parentSegment` (a sub-segment's segment), `chain` (a segment's chain), `gapStatus`
 * (缺链 missing / 弱链 thin on segments, 断链 broken on flows, as the map showed them) and
 * `synthetic` for the demo layer's made-up firms. The edges themselves stay in the file too.
 */
export function withMapAttributes(elements: Elements, gaps: Record<string, GapStatus> = {}): Elements {
  const segments = new Map<string, string[]>();
  const parent = new Map<string, string>();
  const chain = new Map<string, string>();
  for (const { data } of elements.edges) {
    if (data.type === "IN_SEGMENT") segments.set(data.source, [...(segments.get(data.source) ?? []), data.target]);
    else if (data.type === "SUB_SEGMENT_OF") parent.set(data.source, data.target);
    else if (data.type === "SEGMENT_OF") chain.set(data.source, data.target);
  }
  return {
    nodes: elements.nodes.map(({ data }) => ({
      data: {
        ...data,
        ...(segments.has(data.id) ? { segments: segments.get(data.id) } : {}),
        ...(parent.has(data.id) ? { parentSegment: parent.get(data.id) } : {}),
        ...(chain.has(data.id) ? { chain: chain.get(data.id) } : {}),
        ...(gaps[data.id] ? { gapStatus: gaps[data.id] } : {}),
        ...(data.assumption === "synthetic" ? { synthetic: true } : {}),
      },
    })),
    edges: elements.edges.map(({ data }) => ({ data: gaps[data.id] ? { ...data, gapStatus: gaps[data.id] } : data })),
  };
}
