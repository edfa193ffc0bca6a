import type { ElementDefinition } from "cytoscape";
import type { EdgeData, Elements, NodeData } from "../../../model/api/elements.ts";
import { entityName, type Lang } from "../i18n/i18n.ts";
import { RELATIONSHIP_NAMES } from "./palette.ts";

/** A firm counts as a leader when the API says so, or when it has a LEADS tie in view. */
export function isLeader(data: NodeData, leads: ReadonlySet<string> = new Set()): boolean {
  return data.leader === true || leads.has(data.id) || (Array.isArray(data.tags) && data.tags.includes("龙头"));
}

export function nodeClasses(data: NodeData, leads: ReadonlySet<string> = new Set()): string {
  const classes = [`type-${data.type}`];
  if (data.type === "firm" && isLeader(data, leads)) classes.push("leader");
  if (Array.isArray(data._labels) && data._labels.includes("Synthetic")) classes.push("synthetic");
  return classes.join(" ");
}

export function relationshipName(type: string, lang: Lang): string {
  const names = RELATIONSHIP_NAMES[type];
  return names ? names[lang] : type;
}

export function nodeDefinition(data: NodeData, lang: Lang, leads?: ReadonlySet<string>): ElementDefinition {
  return { group: "nodes", data: { ...data, displayLabel: entityName(data, lang) }, classes: nodeClasses(data, leads) };
}

export function edgeDefinition(data: EdgeData, lang: Lang): ElementDefinition {
  return { group: "edges", data: { ...data, displayLabel: relationshipName(data.type, lang) }, classes: `rel-${data.type}` };
}

/** API elements → Cytoscape definitions for the ecosystem views (no positions: the caller places them). */
export function entityElements(elements: Elements, lang: Lang): ElementDefinition[] {
  const leads = new Set(elements.edges.filter((edge) => edge.data.type === "LEADS").map((edge) => edge.data.source));
  return [
    ...elements.nodes.map(({ data }) => nodeDefinition(data, lang, leads)),
    ...elements.edges.map(({ data }) => edgeDefinition(data, lang)),
  ];
}

/**
 * Positions for nodes new to the view, on rings around the node they were expanded from, so an
 * expansion costs no layout run and the nodes already on screen stay where the user left them.
 */
export function ringPositions(center: { x: number; y: number }, count: number, startRadius = 150): { x: number; y: number }[] {
  const positions: { x: number; y: number }[] = [];
  let ring = 0;
  let placed = 0;
  while (placed < count) {
    const radius = startRadius + ring * 95;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / 95));
    const onRing = Math.min(capacity, count - placed);
    for (let i = 0; i < onRing; i++) {
      const angle = (2 * Math.PI * i) / onRing + ring * 0.35;
      positions.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    }
    placed += onRing;
    ring += 1;
  }
  return positions;
}
