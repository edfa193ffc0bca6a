import type { AppContext } from "../app/context.ts";
import type { GraphView } from "../graph/graph-view.ts";

export interface PictureLink {
  /** Call when the graph shows what the URL asks for: the first time it puts back the linked picture. */
  drawn(): void;
  /** Writes the picture on screen into the URL (after a relayout, say). */
  record(): void;
}

/**
 * Keeps a graph view's picture in its link: the viewport (zoom and middle) and, for a graph laid
 * out by force (`withLayout`), where every node stands. Opening the link, or reloading, puts the
 * picture back once the view has drawn; after that each pan, zoom or drag is written into the
 * current history entry once the picture stands still, so panning adds nothing to Back.
 */
export function linkPicture(graph: GraphView, context: AppContext, options: { withLayout: boolean }): PictureLink {
  const linked = { viewport: context.state.viewport, layout: context.state.layout };
  let restored = false;
  const record = () => {
    if (!restored) return;
    context.remember({ viewport: graph.viewport(), layout: options.withLayout ? graph.layoutCode() : undefined });
  };
  graph.onPictureSettled(record);
  return {
    drawn() {
      if (!restored) {
        restored = true;
        if (options.withLayout && linked.layout) graph.applyLayoutCode(linked.layout);
        if (linked.viewport) graph.setViewport(linked.viewport);
      }
      record();
    },
    record,
  };
}
