import type { Elements } from "../../model/api/elements.ts";

/** The elements JSON itself, as every endpoint returns it (Cytoscape.js reads it directly). */
export function writeJson(elements: Elements): string {
  return `${JSON.stringify({ elements }, null, 2)}\n`;
}
