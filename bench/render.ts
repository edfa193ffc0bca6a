import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Elements } from "../model/api/elements.ts";
import { launchChromium } from "../scripts/chromium.ts";
import { stylesheet } from "../web/src/graph/style.ts";

const require = createRequire(import.meta.url);
const CYTOSCAPE = require.resolve("cytoscape/dist/cytoscape.min.js");
const RENDER_SCRIPT = fileURLToPath(new URL("./render/render-page.js", import.meta.url));
const PAN_SECONDS = 3;

export type RendererName = "canvas" | "webgl";

export interface RenderResult {
  elements: number;
  nodes: number;
  edges: number;
  renderer: RendererName;
  status: "ok" | "crashed" | "timed-out" | "failed";
  firstRenderMs?: number;
  panFps?: number;
  detail?: string;
}

/** Trims real elements to `size` (nodes first, then edges among them) and gives them preset positions. */
export function elementsOfSize(source: Elements, size: number): Elements {
  const nodeShare = Math.max(1, Math.round(size / 3));
  const nodes = source.nodes.slice(0, nodeShare);
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = source.edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target)).slice(0, size - nodes.length);
  const extra = source.nodes.slice(nodeShare, nodeShare + (size - nodes.length - edges.length));
  return { nodes: [...nodes, ...extra], edges };
}

/**
 * In headless Chromium: time from creating the Cytoscape instance (app stylesheet, preset layout)
 * to its first drawn frame, then frames drawn per second while panning programmatically.
 * A crash or hang (WebGL under software GL) is recorded, never waited on forever.
 */
export async function measureRender(cases: { elements: Elements; renderer: RendererName }[], timeoutMs: number): Promise<RenderResult[]> {
  const browser = await launchChromium();
  const results: RenderResult[] = [];
  try {
    for (const c of cases) results.push(await renderCase(browser, c.elements, c.renderer, timeoutMs));
  } finally {
    await browser.close();
  }
  return results;
}

async function renderCase(
  browser: import("playwright-core").Browser,
  elements: Elements,
  renderer: RendererName,
  timeoutMs: number,
): Promise<RenderResult> {
  const base = {
    elements: elements.nodes.length + elements.edges.length,
    nodes: elements.nodes.length,
    edges: elements.edges.length,
    renderer,
  };
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await context.newPage();
  let crashed = false;
  page.on("crash", () => {
    crashed = true;
  });
  try {
    await page.setContent(
      '<!doctype html><html><body style="margin:0"><div id="cy" style="width:1400px;height:850px"></div></body></html>',
    );
    await page.addScriptTag({ path: CYTOSCAPE });
    const positioned = {
      nodes: elements.nodes.map((n, i) => ({
        data: { ...n.data, displayLabel: n.data.label },
        position: { x: ((i * 7919) % 2800) - 700, y: ((i * 104729) % 1700) - 425 },
      })),
      edges: elements.edges,
    };
    await page.addScriptTag({ path: RENDER_SCRIPT });
    // The page function is passed as text: tsx would otherwise wrap it in helpers the page lacks.
    const work = page.evaluate(
      `window.benchRender(${JSON.stringify(positioned)}, ${JSON.stringify(stylesheet())}, ${renderer === "webgl"}, ${PAN_SECONDS})`,
    ) as Promise<{ firstRenderMs: number; panFps: number }>;
    const outcome = await Promise.race([
      work.then((r) => ({ kind: "ok" as const, ...r })),
      new Promise<{ kind: "timed-out" }>((resolve) => setTimeout(() => resolve({ kind: "timed-out" }), timeoutMs)),
    ]);
    if (outcome.kind === "timed-out") return { ...base, status: crashed ? "crashed" : "timed-out" };
    return { ...base, status: "ok", firstRenderMs: Math.round(outcome.firstRenderMs), panFps: Math.round(outcome.panFps * 10) / 10 };
  } catch (error) {
    return { ...base, status: crashed ? "crashed" : "failed", detail: (error as Error).message.split("\n")[0]?.slice(0, 200) };
  } finally {
    await context.close().catch(() => {});
  }
}
