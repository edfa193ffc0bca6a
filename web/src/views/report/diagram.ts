import type { ChainMap } from "../../../../model/api/analysis.ts";
import { chainMapElements } from "../../graph/chain-map-elements.ts";
import { GraphView } from "../../graph/graph-view.ts";
import type { Translate } from "../../i18n/i18n.ts";
import type { Lang } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";

/** The chain diagram drawn by an off-screen graph as a PNG, which prints reliably. */
export async function chainDiagramPng(map: ChainMap, t: Translate, lang: Lang): Promise<Blob> {
  const holder = h("div", { class: "offscreen-graph", "aria-hidden": "true" });
  document.body.append(holder);
  const graph = new GraphView(holder, { interactive: false, webgl: false });
  try {
    await graph.replace(chainMapElements(map.elements, { lang, t, aggregateAbove: 200, maxFirmsPerSegment: 9 }).elements, "preset");
    return await graph.png({ scale: 2, maxSide: 5000 });
  } finally {
    graph.destroy();
    holder.remove();
  }
}
