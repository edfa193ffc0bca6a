import type { ElementDefinition } from "cytoscape";
import { entityElements } from "../../graph/entity-elements.ts";
import type { Lang } from "../../state/url-state.ts";
import type { ExplorerState } from "./state.ts";

/** Nodes and edges as the API sends them. */
export type ApiElements = { nodes: { data: { id: string } }[]; edges: unknown[] };

/** Graph elements for an API answer, placing nodes that were shown before where they stood. */
export function placedElements(state: ExplorerState, answer: ApiElements, lang: Lang): ElementDefinition[] {
  const defs = entityElements(answer as never, lang);
  for (const def of defs) {
    const cached = def.data.id ? state.positions.get(def.data.id) : undefined;
    if (cached && def.group === "nodes") def.position = { ...cached };
  }
  return defs;
}

/** Keeps where removed nodes stood. */
export function rememberPositions(state: ExplorerState, removed: ElementDefinition[]) {
  for (const def of removed) if (def.position && def.data.id) state.positions.set(def.data.id, def.position);
}
