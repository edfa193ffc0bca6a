import type { Paths as PathsAnswer } from "../../../../model/api/explore.ts";
import { RELATIONSHIP_NAMES } from "../../graph/palette.ts";
import { entityName } from "../../i18n/i18n.ts";
import type { Lang } from "../../state/url-state.ts";

/**
 * A path as a sentence a screen reader can read and a planner can paste:
 * `纳爱斯集团 —供货→ 某公司 ←投资— 某基金`. Each step names the relationship the graph holds
 * between the two nodes and points the way it points.
 */
export function pathSteps(answer: PathsAnswer, path: PathsAnswer["paths"][number], lang: Lang): string {
  const names = new Map(answer.elements.nodes.map((n) => [n.data.id, entityName(n.data, lang)]));
  const edges = answer.elements.edges.map((e) => e.data);
  const parts = [names.get(path.nodeIds[0] ?? "") ?? path.nodeIds[0] ?? ""];
  for (let i = 1; i < path.nodeIds.length; i++) {
    const a = path.nodeIds[i - 1] ?? "";
    const b = path.nodeIds[i] ?? "";
    const edge =
      edges.find((e) => path.edgeIds.includes(e.id) && ((e.source === a && e.target === b) || (e.source === b && e.target === a))) ??
      edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));
    const type = String(edge?.type ?? "");
    const word = RELATIONSHIP_NAMES[type]?.[lang] ?? type;
    parts.push(edge?.source === b ? `←${word}—` : `—${word}→`, names.get(b) ?? b);
  }
  return parts.join(" ");
}
