import type { CollectionReturnValue, Core, CytoscapeOptions, ElementDefinition, EventObject, LayoutOptions, NodeSingular } from "cytoscape";
import { writeSvg } from "../export/svg-writer.ts";
import type { Viewport } from "../state/url-state.ts";
import { ringPositions } from "./entity-elements.ts";
import { registerExtensions } from "./extensions.ts";
import { decodeLayout, encodeLayout } from "./layout-code.ts";
import { webglWanted } from "./renderer.ts";
import { FONT_FAMILY, MIN_DRAWN_FONT_PX, stylesheet } from "./style.ts";
import { canvasMeasure, styled, svgScene } from "./svg-scene.ts";

/**
 * The only owner of a Cytoscape instance. Views and panels call these methods with ids and
 * element definitions; they never see `cy`. Level of detail: above LOD_THRESHOLD elements the
 * renderer draws a cached texture and hides edges while the user pans or zooms.
 */
export const LOD_THRESHOLD = 400;
const NOT_DATA = ".lane, .aggregate";
/** A finding or a target brought into view is never zoomed in further than this. */
export const CONTEXT_MAX_ZOOM = 1.2;

/** What a fit framed: a selection (with its neighbours or not), or a box zoomed until its names read. */
interface Framed {
  target: CollectionReturnValue;
  withContext: boolean;
  readable?: boolean;
}

export type LayoutName = "preset" | "fcose" | "concentric" | "breadthfirst";
export type TapHandler = (id: string, data: Record<string, unknown>) => void;

export interface ViewIds {
  nodeIds: string[];
  edgeIds: string[];
}

export class GraphView {
  private readonly cy: Core;
  private nodeTap: TapHandler = () => {};
  private edgeTap: TapHandler = () => {};
  private backgroundTap: () => void = () => {};
  private readonly resizeObserver: ResizeObserver;
  /** The viewport the last fit left, to tell whether the user has moved the picture since. */
  private fitted: { zoom: number; x: number; y: number } | undefined;
  /** What the last fit framed (undefined: everything), so a resize frames the same thing again. */
  private framed: Framed | undefined;
  /** Pending `onPictureSettled` call; cleared on destroy so a view that is gone writes nothing. */
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(container: HTMLElement, options: { interactive?: boolean; webgl?: boolean } = {}) {
    const cytoscape = registerExtensions();
    const base: CytoscapeOptions = {
      container,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: "additive",
      // Sharp on high-density screens, capped at 2 so big views stay affordable.
      pixelRatio: Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1)),
      userZoomingEnabled: options.interactive !== false,
      userPanningEnabled: options.interactive !== false,
    };
    const webgl = options.webgl ?? webglWanted();
    let cy: Core;
    try {
      cy = cytoscape(webgl ? { ...base, webgl: true } : base);
    } catch {
      cy = cytoscape(base);
    }
    this.cy = cy;
    // Panels opening beside the graph and window resizes change its container. A picture the user
    // has not moved since it was fitted is fitted again; otherwise the middle stays in the middle.
    let size = { w: container.clientWidth, h: container.clientHeight };
    this.resizeObserver = new ResizeObserver(() => {
      const next = { w: container.clientWidth, h: container.clientHeight };
      // A resize during a framing animation would leave it aimed at the old size: frame again.
      const wasFitted = this.atFittedView() || cy.animated();
      cy.stop(true, false);
      cy.resize();
      if (wasFitted && next.w > 0 && next.h > 0) this.refit();
      else if (size.w > 0 && size.h > 0) cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
      size = next;
    });
    this.resizeObserver.observe(container);
    let legibilityPending = false;
    cy.on("zoom", () => {
      if (legibilityPending) return;
      legibilityPending = true;
      requestAnimationFrame(() => {
        legibilityPending = false;
        if (!cy.destroyed()) this.applyLegibility();
      });
    });
    cy.on("tap", "node", (event: EventObject) => {
      const node = event.target as NodeSingular;
      this.nodeTap(node.id(), node.data());
    });
    cy.on("tap", "edge", (event: EventObject) => this.edgeTap(event.target.id(), event.target.data()));
    cy.on("tap", (event: EventObject) => {
      if (event.target === cy) this.backgroundTap();
    });
  }

  onNodeTap(handler: TapHandler) {
    this.nodeTap = handler;
  }
  onEdgeTap(handler: TapHandler) {
    this.edgeTap = handler;
  }
  onBackgroundTap(handler: () => void) {
    this.backgroundTap = handler;
  }

  /**
   * No label under MIN_DRAWN_FONT_PX on screen: such labels get `.illegible` (not drawn) and lose
   * it as the user zooms in. Cytoscape's own `min-zoomed-font-size` cannot promise this: it judges
   * a label at the zoom rounded up to a power of two, so at zoom 0.51 it still draws 20-unit text
   * at 10.2 px.
   */
  private applyLegibility() {
    const zoom = this.cy.zoom();
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        if (!styled(element).pstyle("label").strValue) return;
        const small = Number(styled(element).pstyle("font-size").pfValue) * zoom < MIN_DRAWN_FONT_PX;
        if (small !== element.hasClass("illegible")) element.toggleClass("illegible", small);
      });
    });
  }

  private rememberFit(framed?: Framed) {
    this.applyLegibility();
    const pan = this.cy.pan();
    this.fitted = { zoom: this.cy.zoom(), x: pan.x, y: pan.y };
    this.framed = framed;
  }

  private refit() {
    const framed = this.framed;
    const still = framed?.target.filter((element) => element.inside());
    if (framed?.readable && still?.nonempty()) this.fitReadable(still.first().id(), false);
    else if (framed && still?.nonempty()) this.frame(still, framed.withContext, false);
    else this.fit();
  }

  /**
   * The picture as a link keeps it: the zoom and the model point in the middle of the screen, or
   * undefined while it is as the last fit left it (a reopened link fits again, to its own screen).
   */
  viewport(): Viewport | undefined {
    if (this.atFittedView()) return undefined;
    const extent = this.cy.extent();
    return { zoom: this.cy.zoom(), x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  /** Puts the picture back where a link says: this zoom, this model point in the middle. */
  setViewport(viewport: Viewport) {
    const cy = this.cy;
    cy.stop(true, false);
    const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), viewport.zoom));
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * viewport.x, y: cy.height() / 2 - zoom * viewport.y } });
  }

  /** Where every node stands, written for a link (`layout-code.ts`). */
  layoutCode(): string | undefined {
    return encodeLayout(new Map(this.cy.nodes().map((node) => [node.id(), { ...node.position() }] as const)));
  }

  /** Moves the nodes where a link's layout puts them; false when it was written for other nodes. */
  applyLayoutCode(code: string): boolean {
    const nodes = this.cy.nodes();
    const positions = decodeLayout(
      code,
      nodes.map((node) => node.id()),
    );
    if (!positions) return false;
    this.cy.batch(() => {
      nodes.forEach((node) => {
        if (node.isParent()) return;
        node.position(positions.get(node.id())!);
      });
    });
    this.cy.fit(undefined, 30);
    this.rememberFit();
    return true;
  }

  /** Calls `handler` once the picture has stood still for a moment after a pan, zoom or drag. */
  onPictureSettled(handler: () => void, delayMs = 400) {
    const settle = () => {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(handler, delayMs);
    };
    this.cy.on("viewport", settle);
    this.cy.on("dragfree", "node", settle);
  }

  private atFittedView(): boolean {
    if (!this.fitted) return false;
    const pan = this.cy.pan();
    const close = (a: number, b: number) => Math.abs(a - b) < 0.5;
    return Math.abs(this.cy.zoom() - this.fitted.zoom) < 1e-3 && close(pan.x, this.fitted.x) && close(pan.y, this.fitted.y);
  }

  private tuneLevelOfDetail() {
    const renderer = (this.cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } }).renderer();
    const big = this.cy.elements().length > LOD_THRESHOLD;
    renderer.hideEdgesOnViewport = big;
    renderer.textureOnViewport = big;
  }

  /** Replaces everything shown; runs the named layout (preset keeps the positions given). */
  async replace(definitions: ElementDefinition[], layout: LayoutName = "preset", padding = 30): Promise<void> {
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(definitions);
    });
    this.tuneLevelOfDetail();
    await this.runLayout(layout, this.cy.elements(), padding);
  }

  private layoutOptions(name: LayoutName, padding: number, randomize = true): LayoutOptions {
    const count = this.cy.nodes().length;
    if (name === "fcose" && count > 300) name = "concentric";
    // Without edges a force layout just piles the nodes up; a spaced grid reads better.
    if (name === "fcose" && this.cy.edges().empty())
      return { name: "grid", animate: false, padding, avoidOverlap: true, avoidOverlapPadding: 60 } as LayoutOptions;
    switch (name) {
      case "fcose":
        return {
          name: "fcose",
          quality: count > 120 ? "draft" : "default",
          animate: false,
          randomize,
          // Labels are wide (Chinese names of 6–12 characters): push nodes well apart.
          nodeRepulsion: 60000,
          idealEdgeLength: 150,
          nodeSeparation: 140,
          nodeDimensionsIncludeLabels: true,
          tilingPaddingVertical: 40,
          tilingPaddingHorizontal: 60,
          padding,
        } as unknown as LayoutOptions;
      case "concentric":
        return {
          name: "concentric",
          animate: false,
          padding,
          minNodeSpacing: 30,
          concentric: (node: NodeSingular) => node.degree(false),
          levelWidth: () => 3,
        } as LayoutOptions;
      case "breadthfirst":
        return { name: "breadthfirst", animate: false, padding, directed: false, spacingFactor: 1.1 } as LayoutOptions;
      default:
        return { name: "preset", padding, fit: true } as LayoutOptions;
    }
  }

  private runLayout(name: LayoutName, elements = this.cy.elements(), padding = 30, randomize = true): Promise<void> {
    return new Promise((resolve) => {
      const layout = elements.layout(this.layoutOptions(name, padding, randomize));
      layout.one("layoutstop", () => {
        if (name === "preset") this.cy.fit(undefined, padding);
        // A handful of nodes would otherwise be blown up to fill the screen.
        if (this.cy.zoom() > 1.3) {
          this.cy.zoom(1.3);
          this.cy.center();
        }
        this.rememberFit();
        resolve();
      });
      layout.run();
    });
  }

  /** Re-runs a layout; `keepShape` starts from the current positions so the picture changes little. */
  async relayout(name: LayoutName = "fcose", keepShape = false) {
    await this.runLayout(name, this.cy.elements(), 30, !keepShape);
  }

  /** Adds what is not there yet, placing new nodes in rings around `around`; returns the ids added. */
  add(definitions: ElementDefinition[], around?: string): ViewIds {
    const fresh = definitions.filter((definition) => definition.data.id && this.cy.getElementById(definition.data.id).empty());
    const nodes = fresh.filter((definition) => definition.group === "nodes" || !("source" in definition.data));
    const edges = fresh.filter((definition) => !nodes.includes(definition));
    const center = around && this.cy.getElementById(around).nonempty() ? this.cy.getElementById(around).position() : this.viewportCenter();
    const unplaced = nodes.filter((definition) => !definition.position);
    const rings = ringPositions(center, unplaced.length);
    unplaced.forEach((definition, i) => {
      definition.position = rings[i];
    });
    this.cy.batch(() => {
      this.cy.add(nodes);
      this.cy.add(
        edges.filter((edge) => this.cy.getElementById(edge.data.source).nonempty() && this.cy.getElementById(edge.data.target).nonempty()),
      );
    });
    this.tuneLevelOfDetail();
    this.applyLegibility();
    return { nodeIds: nodes.map((n) => n.data.id!), edgeIds: edges.map((e) => e.data.id!) };
  }

  /** Removes elements and returns them with their positions, so an undo can put them back exactly. */
  remove(ids: string[]): ElementDefinition[] {
    const collection = this.cy.collection();
    for (const id of ids) collection.merge(this.cy.getElementById(id));
    const withEdges = collection.union(collection.connectedEdges());
    const saved = withEdges.jsons() as unknown as ElementDefinition[];
    this.cy.batch(() => {
      withEdges.remove();
    });
    this.tuneLevelOfDetail();
    return saved;
  }

  restore(definitions: ElementDefinition[]) {
    this.cy.batch(() => {
      const fresh = definitions.filter((definition) => this.cy.getElementById(definition.data.id!).empty());
      this.cy.add(fresh.filter((d) => d.group === "nodes"));
      this.cy.add(
        fresh.filter(
          (d) =>
            d.group === "edges" && this.cy.getElementById(d.data.source).nonempty() && this.cy.getElementById(d.data.target).nonempty(),
        ),
      );
    });
    this.tuneLevelOfDetail();
    this.applyLegibility();
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  data(id: string): Record<string, unknown> | undefined {
    const element = this.cy.getElementById(id);
    return element.nonempty() ? element.data() : undefined;
  }

  /** The data of every entity node and edge in view, for filters and legends. */
  allData(): { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } {
    return {
      nodes: this.cy
        .nodes()
        .not(NOT_DATA)
        .map((n) => n.data()),
      edges: this.cy.edges().map((e) => e.data()),
    };
  }

  nodeIds(): string[] {
    return this.cy
      .nodes()
      .not(NOT_DATA)
      .map((node) => node.id());
  }

  /** Nodes joined to `id` by an edge, with the type of each edge. */
  neighbours(id: string): { id: string; relType: string }[] {
    const node = this.cy.getElementById(id);
    return node
      .connectedEdges()
      .map((edge) => ({ id: edge.source().id() === id ? edge.target().id() : edge.source().id(), relType: edge.data("type") }));
  }

  /** Highlights the given elements (ids absent from the view are ignored) and fades the rest. */
  highlight(ids: ViewIds, options: { fit?: boolean; paths?: string[][]; context?: boolean } = {}) {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass("highlighted faded");
      let chosen = cy.collection();
      for (const id of [...ids.nodeIds, ...ids.edgeIds]) chosen = chosen.union(cy.getElementById(id));
      // A path given as node ids lights up the edges between consecutive nodes, whichever way they point.
      for (const path of options.paths ?? []) {
        for (let i = 1; i < path.length; i++) {
          const a = cy.getElementById(path[i - 1]!);
          const b = cy.getElementById(path[i]!);
          chosen = chosen.union(a).union(b).union(a.edgesWith(b));
        }
      }
      if (chosen.empty()) return;
      // A segment named as evidence brings what it holds (its firm cards, sub-segment rows).
      chosen = chosen.union(chosen.nodes().descendants());
      // Edges between two highlighted nodes belong to the evidence too.
      const nodes = chosen.nodes();
      if (!options.paths)
        chosen = chosen.union(nodes.edgesWith(nodes).filter((edge) => ids.edgeIds.length === 0 || ids.edgeIds.includes(edge.id())));
      cy.elements().not(chosen).not(chosen.ancestors()).addClass("faded");
      chosen.addClass("highlighted");
    });
    if (options.fit) {
      const target = cy.elements(".highlighted");
      if (target.nonempty()) this.frame(target, options.context !== false);
    }
  }

  /**
   * Brings evidence into view, whole: with its surroundings (the boxes holding it and its direct
   * neighbours) unless `withContext` is false (a path: every step on screen, as large as fits).
   * The zoom never goes beyond CONTEXT_MAX_ZOOM, so one node is never blown up to fill the screen
   * with nothing around it. A resize frames the same elements again.
   */
  private frame(target: CollectionReturnValue, withContext: boolean, animate = true) {
    const cy = this.cy;
    const shown = withContext ? target.union(target.neighborhood().nodes()).union(target.parents()).not(NOT_DATA) : target;
    const box = shown.boundingBox();
    const width = cy.width();
    const height = cy.height();
    if (box.w <= 0 || box.h <= 0 || width <= 0 || height <= 0) return;
    const padding = 60;
    const fitZoom = Math.min((width - 2 * padding) / box.w, (height - 2 * padding) / box.h);
    const zoom = Math.max(cy.minZoom(), Math.min(fitZoom, CONTEXT_MAX_ZOOM));
    const pan = { x: width / 2 - zoom * (box.x1 + box.w / 2), y: height / 2 - zoom * (box.y1 + box.h / 2) };
    this.moveTo({ zoom, pan }, { target, withContext }, animate);
  }

  /** Sets (or animates to) a viewport and remembers what it frames, so a resize frames it again. */
  private moveTo(viewport: { zoom: number; pan: { x: number; y: number } }, framed: Framed, animate: boolean) {
    this.framed = framed;
    if (!animate) {
      this.cy.viewport(viewport);
      this.rememberFit(framed);
      return;
    }
    this.cy.animate({ ...viewport, duration: 250, complete: () => this.rememberFit(framed) });
  }

  clearHighlight() {
    this.cy.batch(() => {
      this.cy.elements().removeClass("highlighted faded");
    });
  }

  /** Hides nodes the predicate rejects (their edges go with them). */
  filter(keep: (data: Record<string, unknown>) => boolean) {
    this.cy.batch(() => {
      this.cy
        .nodes()
        .not(NOT_DATA)
        .forEach((node) => {
          node.toggleClass("filtered", !keep(node.data()));
        });
    });
  }

  /** Marks nodes with a class (e.g. focus, path-end), clearing it elsewhere. */
  mark(className: string, ids: string[]) {
    this.cy.batch(() => {
      this.cy.elements(`.${className}`).removeClass(className);
      for (const id of ids) this.cy.getElementById(id).addClass(className);
    });
    // A mark can change a font size (focus, path ends).
    this.applyLegibility();
  }

  select(id: string | undefined) {
    this.cy.batch(() => {
      this.cy.elements(":selected").unselect();
      if (id) this.cy.getElementById(id).select();
    });
  }

  selectedNodeIds(): string[] {
    return this.cy
      .nodes(":selected")
      .not(NOT_DATA)
      .map((node) => node.id());
  }

  /** The selection if there is one, else everything visible: what an export should contain. */
  exportScope(): ViewIds {
    const selected = this.cy.nodes(":selected").not(NOT_DATA);
    const nodes = selected.nonempty() ? selected : this.cy.nodes().not(NOT_DATA).not(".filtered");
    const edges = nodes.edgesWith(nodes).not(".filtered");
    return { nodeIds: nodes.map((n) => n.id()), edgeIds: edges.map((e) => e.id()) };
  }

  /** Re-labels every element, e.g. after a language switch. */
  relabel(label: (data: Record<string, unknown>) => string | undefined) {
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        const next = label(element.data());
        if (next !== undefined) element.data("displayLabel", next);
      });
    });
    this.applyLegibility();
  }

  fit(ids?: string[]) {
    if (!ids || ids.length === 0) {
      this.cy.fit(undefined, 30);
      this.rememberFit();
      return;
    }
    let eles = this.cy.collection();
    for (const id of ids) eles = eles.union(this.cy.getElementById(id));
    this.cy.animate({ fit: { eles, padding: 80 }, duration: 250 });
  }

  /**
   * Brings a compound node (an opened segment) into view so that the names inside it read: fitted
   * whole when they read at that zoom, else zoomed until they do (at least MIN_DRAWN_FONT_PX + 1)
   * with the box's top-left corner in view, so its title and first firms are on screen.
   */
  fitReadable(id: string, animate = true) {
    const cy = this.cy;
    const box = cy.getElementById(id);
    if (box.empty() || cy.width() <= 0 || cy.height() <= 0) return;
    const padding = 40;
    const bb = box.boundingBox({});
    const fitZoom = Math.min((cy.width() - 2 * padding) / bb.w, (cy.height() - 2 * padding) / bb.h);
    const fonts = box
      .descendants()
      .filter((child) => Boolean(styled(child).pstyle("label").strValue))
      .map((child) => Number(styled(child).pstyle("font-size").pfValue))
      .filter((px) => px > 0);
    const readable = fonts.length ? (MIN_DRAWN_FONT_PX + 1) / Math.min(...fonts) : 0;
    const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), Math.max(fitZoom, readable)));
    // Whole and centred when it fits at a readable zoom; else its top-left corner (title, first firms).
    const pan =
      zoom === fitZoom
        ? { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) }
        : { x: padding - zoom * bb.x1, y: padding - zoom * bb.y1 };
    // Remembered, so a panel opening beside the graph (the details of the opened segment) frames it again.
    this.moveTo({ zoom, pan }, { target: box, withContext: false, readable: true }, animate);
  }

  center(id: string) {
    const node = this.cy.getElementById(id);
    if (node.nonempty()) this.cy.animate({ center: { eles: node }, duration: 250 });
  }

  private viewportCenter() {
    const extent = this.cy.extent();
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  count(): number {
    return this.cy.elements().length;
  }

  /** PNG of the whole graph at high resolution, capped so very large maps stay within canvas limits. */
  png(options: { scale?: number; maxSide?: number } = {}): Promise<Blob> {
    const box = this.cy.elements().boundingBox();
    const maxSide = options.maxSide ?? 12000;
    const scale = Math.max(0.5, Math.min(options.scale ?? 3, maxSide / Math.max(box.w, box.h, 1)));
    return this.withEveryLabel(() => this.cy.png({ full: true, scale, output: "blob-promise", bg: "#ffffff" }));
  }

  /** The whole graph as a standalone SVG document, drawn from what the canvas shows. */
  svg(): string {
    return this.withEveryLabel(() =>
      writeSvg(svgScene(this.cy, { background: "#ffffff", fontFamily: FONT_FAMILY, measure: canvasMeasure() })),
    );
  }

  /**
   * An export is not the screen: its labels are judged at its own resolution, so the legibility
   * cut of the current zoom is lifted while it is drawn (synchronously; the PNG is encoded after).
   */
  private withEveryLabel<T>(draw: () => T): T {
    const cut = this.cy.elements(".illegible");
    cut.removeClass("illegible");
    try {
      return draw();
    } finally {
      cut.addClass("illegible");
    }
  }

  resize() {
    this.cy.resize();
  }

  destroy() {
    clearTimeout(this.settleTimer);
    this.resizeObserver.disconnect();
    this.cy.destroy();
  }
}
