import { ExpansionLedger } from "../../explore/expansions.ts";
import type { ViewState } from "../../state/url-state.ts";
import type { LeaderStart } from "./leader-start.ts";
import { loadUndo } from "./undo-store.ts";

/**
 * The explorer's state, in one place. The URL state (`url`) is what a link reproduces; the rest is
 * what the graph currently shows, so each update draws only the difference.
 */
export interface ExplorerState {
  /** The latest URL state the app handed this view. */
  url: ViewState;
  /** The entity the walk on screen started from. */
  focus: string | undefined;
  /** Which expansion brought which nodes, so a collapse removes exactly those. */
  ledger: ExpansionLedger;
  /** The path ends last searched (`from|to`), and the details panel last drawn. */
  pathKey: string;
  detailsKey: string;
  /** Where removed nodes stood, so they come back in place when expanded again. */
  positions: Map<string, { x: number; y: number }>;
  /** Earlier URL states, for Undo (kept in the tab's session: `undo-store.ts`). */
  undoStack: ViewState[];
  /** The region's chain leaders a walk without a focus starts from (looked up once). */
  leaderStart: LeaderStart | undefined;
  leaderStartAsked: boolean;
  disposed: boolean;
}

export function createExplorerState(url: ViewState): ExplorerState {
  return {
    url,
    focus: undefined,
    ledger: new ExpansionLedger(),
    pathKey: "",
    detailsKey: "",
    positions: new Map(),
    undoStack: loadUndo(),
    leaderStart: undefined,
    leaderStartAsked: false,
    disposed: false,
  };
}

/** A new walk from `focus`: nothing expanded, no path searched yet. */
export function startWalk(state: ExplorerState, focus: string | undefined) {
  state.focus = focus;
  state.ledger = new ExpansionLedger(new Set(focus ? [focus] : []));
  state.pathKey = "";
}
