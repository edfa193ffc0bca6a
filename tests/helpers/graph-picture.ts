import type { Page } from "playwright-core";

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphPicture {
  zoom: number;
  pan: { x: number; y: number };
  width: number;
  height: number;
  /** Every node with its model position. */
  nodes: { id: string; x: number; y: number }[];
}

type Node = { id(): string; position(): { x: number; y: number }; renderedBoundingBox(o?: object): Box };
type Cy = {
  zoom(): number;
  pan(): { x: number; y: number };
  width(): number;
  height(): number;
  nodes(selector?: string): { map<T>(f: (n: Node) => T): T[] };
};

/**
 * What the graph in `selector` shows, read from the running Cytoscape (kept on its container as
 * `_cyreg.cy`): the viewport and every node's model position.
 */
export function graphPicture(page: Page, selector = "#graph"): Promise<GraphPicture> {
  return page.evaluate((sel) => {
    const cy = (document.querySelector(sel) as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
    return {
      zoom: cy.zoom(),
      pan: cy.pan(),
      width: cy.width(),
      height: cy.height(),
      nodes: cy.nodes().map((node) => ({ id: node.id(), ...node.position() })),
    };
  }, selector);
}

/** The on-screen boxes (CSS px inside the canvas, labels included) of the nodes matching `nodeSelector`. */
export function renderedNodeBoxes(page: Page, nodeSelector: string, selector = "#graph"): Promise<{ id: string; box: Box }[]> {
  return page.evaluate(
    ([sel, nodes]) => {
      const cy = (document.querySelector(sel!) as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
      return cy.nodes(nodes).map((node) => ({ id: node.id(), box: node.renderedBoundingBox({ includeLabels: false }) }));
    },
    [selector, nodeSelector] as const,
  );
}
