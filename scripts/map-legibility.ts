import type { Page } from "playwright-core";

export interface DrawnLabel {
  id: string;
  classes: string;
  text: string;
  /** Font size on screen in CSS px: the element's font size times the zoom. */
  px: number;
  /** Whether Cytoscape draws it at this zoom (it skips text below `min-zoomed-font-size`). */
  drawn: boolean;
}

/**
 * Every label of the graph in `selector` with its on-screen font size, read from the running
 * Cytoscape instance (Cytoscape keeps it on its container as `_cyreg.cy`) and judged the way its
 * renderer judges it: a label is drawn when it is non-empty, its element is displayed and visible,
 * and font size × zoom reaches the element's `min-zoomed-font-size`.
 */
export function labelsOnScreen(page: Page, selector = "#graph"): Promise<DrawnLabel[]> {
  return page.evaluate((sel) => {
    type Style = { pfValue?: number; value?: unknown; strValue?: string };
    type Ele = {
      id(): string;
      className?(): string[];
      classes(): string[];
      pstyle(name: string): Style;
      visible(): boolean;
    };
    const container = document.querySelector(sel) as unknown as { _cyreg?: { cy?: { zoom(): number; elements(): { toArray(): Ele[] } } } };
    const cy = container?._cyreg?.cy;
    if (!cy) throw new Error(`no graph in ${sel}`);
    const zoom = cy.zoom();
    return cy
      .elements()
      .toArray()
      .map((ele) => {
        const text = String(ele.pstyle("label").strValue ?? "");
        const size = ele.pstyle("font-size").pfValue ?? 0;
        const min = ele.pstyle("min-zoomed-font-size").pfValue ?? 0;
        const px = size * zoom;
        return { id: ele.id(), classes: ele.classes().join(" "), text, px, drawn: text.trim() !== "" && ele.visible() && px >= min };
      });
  }, selector);
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
