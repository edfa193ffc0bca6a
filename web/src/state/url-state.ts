import { STAGES } from "../../../model/domain.ts";
import { ID_PATTERN } from "../../../model/id-pattern.ts";
/**
 * The view state a copied link must reproduce, kept in the URL hash (`#/map?chain=…&region=…`).
 * Pure: parse and serialize only, so the app, the tests and a pasted link agree on one format.
 * Unknown or malformed values are dropped rather than trusted, because links travel by chat.
 */
export const VIEWS = [
  "home",
  "map",
  "explore",
  "targets",
  "compare",
  "report",
  "import",
  "scenario",
  "resilience",
  "distribution",
] as const;
export type View = (typeof VIEWS)[number];
export type Lang = "zh" | "en";
export type Enclaves = "home" | "host" | "both";

export interface Expansion {
  id: string;
  /** Only this relationship type was expanded; absent = every type. */
  relType?: string;
}

export interface Filters {
  types: string[];
  regions: string[];
  chains: string[];
  stages: string[];
}

export interface ViewState {
  view: View;
  lang: Lang;
  chain?: string;
  region?: string;
  enclaves?: Enclaves;
  /** Explorer: the entity the walk started from. */
  focus?: string;
  /** Explorer: expansions in the order they were made. */
  expanded: Expansion[];
  filters: Filters;
  /** The entity whose details panel is open. */
  selected?: string;
  /** Chain map: the finding whose evidence is highlighted. */
  finding?: string;
  /** Chain map: segments whose firms are shown in full despite the aggregation threshold. */
  open: string[];
  /** Targets: the gap segment and the chosen target firm. */
  segment?: string;
  target?: string;
  /** Compare: the regions in the matrix and the clicked cell (`region|segment`). */
  regions: string[];
  cell?: string;
  /** Explorer: the two ends of a path search. */
  pathFrom?: string;
  pathTo?: string;
  /** 现状 vs 远景: the saved scenario compared (scenario-…). */
  scenario?: string;
  /** Explorer: let paths run through regions, chains and segments (off by default: they connect everything). */
  pathHubs?: boolean;
  /** Graph views: the zoom and the model point at the middle of the screen; absent = fitted. */
  viewport?: Viewport;
  /** Explorer: where every node stands (`graph/layout-code.ts`), so a link shows the same picture. */
  layout?: string;
}

export interface Viewport {
  zoom: number;
  x: number;
  y: number;
}

const ID = ID_PATTERN;
const REL_TYPE = /^[A-Z][A-Z_]*$/;
const TYPE = /^[a-z]+$/;
const STAGE_SET: ReadonlySet<string> = new Set(STAGES);
/** `zoom~x~y`: zoom with up to 3 decimals, the middle in whole model units. */
const VIEWPORT = /^(\d{1,2}(?:\.\d{1,3})?)~(-?\d{1,7})~(-?\d{1,7})$/;
/** A checksum of the node ids, then `x_y` pairs in base 36 (graph/layout-code.ts); long walks stay under 16 kB. */
const LAYOUT = /^[0-9a-z]{1,8}(?:\.-?[0-9a-z]{1,6}_-?[0-9a-z]{1,6}){1,2000}$/;

export function defaultState(): ViewState {
  return { view: "home", lang: "zh", expanded: [], filters: { types: [], regions: [], chains: [], stages: [] }, open: [], regions: [] };
}

function id(value: string | null): string | undefined {
  return value && ID.test(value) ? value : undefined;
}

function viewport(value: string | null): Viewport | undefined {
  const match = value ? VIEWPORT.exec(value) : null;
  if (!match) return undefined;
  const zoom = Number(match[1]);
  return zoom > 0 ? { zoom, x: Number(match[2]), y: Number(match[3]) } : undefined;
}

export function viewportParam(v: Viewport): string {
  return `${Number(v.zoom.toFixed(3))}~${Math.round(v.x)}~${Math.round(v.y)}`;
}

function list(value: string | null, accept: (item: string) => boolean): string[] {
  if (!value) return [];
  return [...new Set(value.split(",").filter((item) => item !== "" && accept(item)))];
}

function parseExpansion(item: string): Expansion | undefined {
  const [nodeId = "", relType] = item.split("~");
  if (!ID.test(nodeId)) return undefined;
  if (relType !== undefined && !REL_TYPE.test(relType)) return undefined;
  return relType ? { id: nodeId, relType } : { id: nodeId };
}

/** Reads `#/view?key=value…` (a leading `#` is optional). Anything unreadable falls back to defaults. */
export function parseState(hash: string): ViewState {
  const state = defaultState();
  const text = hash.replace(/^#/, "").replace(/^\//, "");
  const queryAt = text.indexOf("?");
  const viewName = queryAt === -1 ? text : text.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? "" : text.slice(queryAt + 1));
  if ((VIEWS as readonly string[]).includes(viewName)) state.view = viewName as View;
  if (params.get("lang") === "en") state.lang = "en";
  state.chain = id(params.get("chain"));
  state.region = id(params.get("region"));
  const enclaves = params.get("enclaves");
  if (enclaves === "home" || enclaves === "host" || enclaves === "both") state.enclaves = enclaves;
  state.focus = id(params.get("focus"));
  state.selected = id(params.get("sel"));
  state.finding = params.get("finding")?.slice(0, 200) || undefined;
  state.segment = id(params.get("segment"));
  state.target = id(params.get("target"));
  state.cell = params
    .get("cell")
    ?.split("|")
    .every((part) => ID.test(part))
    ? (params.get("cell") ?? undefined)
    : undefined;
  state.pathFrom = id(params.get("from"));
  state.pathTo = id(params.get("to"));
  state.scenario = /^scenario-[a-z0-9-]{1,60}$/.test(params.get("scenario") ?? "") ? (params.get("scenario") ?? undefined) : undefined;
  if (params.get("via") === "hubs") state.pathHubs = true;
  state.viewport = viewport(params.get("vp"));
  const layout = params.get("lay") ?? "";
  state.layout = layout.length <= 16_000 && LAYOUT.test(layout) ? layout : undefined;
  state.open = list(params.get("open"), (item) => ID.test(item));
  state.regions = list(params.get("regions"), (item) => ID.test(item));
  const seen = new Set<string>();
  for (const item of (params.get("x") ?? "").split(",")) {
    const expansion = item ? parseExpansion(item) : undefined;
    const key = expansion ? expansionKey(expansion) : "";
    if (expansion && !seen.has(key)) {
      seen.add(key);
      state.expanded.push(expansion);
    }
  }
  state.filters = {
    types: list(params.get("types"), (item) => TYPE.test(item)),
    regions: list(params.get("fregions"), (item) => ID.test(item)),
    chains: list(params.get("fchains"), (item) => ID.test(item)),
    stages: list(params.get("stages"), (item) => STAGE_SET.has(item)),
  };
  return state;
}

export function expansionKey(expansion: Expansion): string {
  return expansion.relType ? `${expansion.id}~${expansion.relType}` : expansion.id;
}

/** Writes the state as `#/view?…`, omitting defaults so links stay short and stable. */
export function serializeState(state: ViewState): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | undefined) => {
    if (value) params.set(key, value);
  };
  put("chain", state.chain);
  put("region", state.region);
  put("enclaves", state.enclaves);
  put("focus", state.focus);
  put("x", state.expanded.map(expansionKey).join(","));
  put("sel", state.selected);
  put("finding", state.finding);
  put("open", state.open.join(","));
  put("segment", state.segment);
  put("target", state.target);
  put("regions", state.regions.join(","));
  put("cell", state.cell);
  put("from", state.pathFrom);
  put("to", state.pathTo);
  put("scenario", state.scenario);
  put("via", state.pathHubs ? "hubs" : undefined);
  put("types", state.filters.types.join(","));
  put("fregions", state.filters.regions.join(","));
  put("fchains", state.filters.chains.join(","));
  put("stages", state.filters.stages.join(","));
  put("vp", state.viewport ? viewportParam(state.viewport) : undefined);
  put("lay", state.layout);
  if (state.lang === "en") params.set("lang", "en");
  // Ids carry ':' and lists ',' — both are safe in a hash, and leaving them readable keeps links legible.
  const query = params.toString().replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%7C/g, "|").replace(/%7E/g, "~");
  return `#/${state.view}${query ? `?${query}` : ""}`;
}

/** A copy of the state with `patch` applied; used by every navigation so nothing mutates shared state. */
export function withState(state: ViewState, patch: Partial<ViewState>): ViewState {
  return { ...state, ...patch, filters: { ...state.filters, ...(patch.filters ?? {}) } };
}
