import type { Page } from "playwright-core";

export interface DrawnLabel {
  id: string;
  classes: string;
  text: string;
  /** Font size on screen in CSS px: the element's font size times the zoom. */
  px: number;
  /** Whether Cytoscape draws it at this zoom (see `labelsOnScreen`). */
  drawn: boolean;
  /** The label's box on screen (CSS px, relative to the graph's container). */
  box: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * Every label of the graph in `selector` with its on-screen font size, read from the running
 * Cytoscape instance (Cytoscape keeps it on its container as `_cyreg.cy`) and judged the way its
 * canvas renderer judges it: a label is drawn when it is non-empty, its element is displayed and
 * visible, its text opacity is above 0, and its font size at the renderer's texture level (the zoom
 * times the pixel ratio, rounded UP to a power of two: `eleTextBiggerThanMin`) reaches the element's
 * `min-zoomed-font-size`. The rounding is why that property alone lets text down to about half of
 * it be drawn, and why `px` is reported from the true zoom.
 */
export function labelsOnScreen(page: Page, selector = "#graph"): Promise<DrawnLabel[]> {
  return page.evaluate((sel) => {
    type Style = { pfValue?: number; value?: unknown; strValue?: string };
    type Box = { x1: number; y1: number; x2: number; y2: number };
    type Ele = {
      id(): string;
      classes(): string[];
      pstyle(name: string): Style;
      visible(): boolean;
      renderedBoundingBox(options: Record<string, boolean>): Box;
    };
    type Cy = { zoom(): number; elements(): { toArray(): Ele[] }; renderer(): { getPixelRatio(): number } };
    const container = document.querySelector(sel) as unknown as { _cyreg?: { cy?: Cy } };
    const cy = container?._cyreg?.cy;
    if (!cy) throw new Error(`no graph in ${sel}`);
    const zoom = cy.zoom();
    const textureScale = 2 ** Math.ceil(Math.log2(zoom * cy.renderer().getPixelRatio()));
    const labelOnly = {
      includeNodes: false,
      includeEdges: false,
      includeLabels: true,
      includeMainLabels: true,
      includeSourceLabels: false,
      includeTargetLabels: false,
      includeOverlays: false,
      includeUnderlays: false,
    };
    return cy
      .elements()
      .toArray()
      .map((ele) => {
        const text = String(ele.pstyle("label").strValue ?? "");
        const size = ele.pstyle("font-size").pfValue ?? 0;
        const min = ele.pstyle("min-zoomed-font-size").pfValue ?? 0;
        const opacity = Number(ele.pstyle("text-opacity").value ?? 1);
        const drawn = text.trim() !== "" && ele.visible() && opacity > 0 && size * textureScale >= min;
        const { x1, y1, x2, y2 } = ele.renderedBoundingBox(labelOnly);
        return { id: ele.id(), classes: ele.classes().join(" "), text, px: size * zoom, drawn, box: { x1, y1, x2, y2 } };
      });
  }, selector);
}

/** Pairs of drawn labels whose boxes overlap by more than `tolerancePx` both ways. */
export function overlappingLabels(labels: DrawnLabel[], tolerancePx = 1): [DrawnLabel, DrawnLabel][] {
  const drawn = labels.filter((l) => l.drawn);
  const pairs: [DrawnLabel, DrawnLabel][] = [];
  for (let i = 0; i < drawn.length; i++) {
    for (let j = i + 1; j < drawn.length; j++) {
      const a = drawn[i]!.box;
      const b = drawn[j]!.box;
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > tolerancePx && h > tolerancePx) pairs.push([drawn[i]!, drawn[j]!]);
    }
  }
  return pairs;
}

/** Visible DOM text nodes whose computed font size is below `minPx` (the sidebar, panels, overlays). */
export function smallDomText(page: Page, minPx: number): Promise<{ text: string; px: number; tag: string }[]> {
  return page.evaluate((min) => {
    const out: { text: string; px: number; tag: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (!text || !parent) continue;
      const box = parent.getBoundingClientRect();
      const style = getComputedStyle(parent);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden" || parent.closest("[hidden], .skip-link")) continue;
      const px = Number.parseFloat(style.fontSize);
      if (px < min) out.push({ text: text.slice(0, 40), px, tag: parent.tagName.toLowerCase() });
    }
    return out;
  }, minPx);
}
