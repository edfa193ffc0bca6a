import type { ElementDefinition } from "cytoscape";
import type { ChainMap } from "../../../../model/api/analysis.ts";
import { STAGES } from "../../../../model/domain.ts";
import { chainMapElements } from "../../graph/chain-map-elements.ts";
import { GraphView } from "../../graph/graph-view.ts";
import type { Translate } from "../../i18n/i18n.ts";
import type { Lang } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";

export interface ChainDiagram {
  png: Blob;
  /** What the picture says, for its text alternative: each lane's title and the segments in it. */
  description: string;
}

/** The lanes and their top-level segments, in the words the picture draws (first line of each box). */
export function diagramDescription(elements: ElementDefinition[], lang: Lang): string {
  const label = (element: ElementDefinition) => String(element.data.displayLabel ?? "").split("\n")[0]!;
  const nodes = elements.filter((element) => element.group === "nodes");
  const roots = nodes.filter((element) => element.data.type === "segment" && !String(element.classes ?? "").includes("sub"));
  const [colon, comma, semicolon] = lang === "zh" ? ["：", "、", "；"] : [": ", ", ", "; "];
  return nodes
    .filter((element) => element.data.type === "lane")
    .sort((a, b) => STAGES.indexOf(a.data.stage) - STAGES.indexOf(b.data.stage))
    .map((lane) => {
      const segments = roots.filter((root) => root.data.stage === lane.data.stage).map(label);
      return `${label(lane)}${colon}${segments.join(comma)}`;
    })
    .join(semicolon);
}

/** The chain diagram drawn by an off-screen graph as a PNG, which prints reliably. */
export async function chainDiagram(map: ChainMap, t: Translate, lang: Lang): Promise<ChainDiagram> {
  const holder = h("div", { class: "offscreen-graph", "aria-hidden": "true" });
  document.body.append(holder);
  const graph = new GraphView(holder, { interactive: false, webgl: false });
  try {
    const { elements } = chainMapElements(map.elements, { lang, t, aggregateAbove: 200, maxFirmsPerSegment: 9 });
    await graph.replace(elements, "preset");
    return { png: await graph.png({ scale: 2, maxSide: 5000 }), description: diagramDescription(elements, lang) };
  } finally {
    graph.destroy();
    holder.remove();
  }
}
