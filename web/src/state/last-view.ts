import { parseState, serializeState, type ViewState } from "./url-state.ts";

/**
 * The last view the planner worked in, kept in localStorage so the overview can offer "continue
 * where you left off". Only a parsed-and-serialised link is stored and read back, so a tampered
 * entry cannot become anything a pasted link could not.
 */
const KEY = "chain-atlas.last-view";

type Store = Pick<Storage, "getItem" | "setItem">;

export function rememberView(state: ViewState, store: Store | undefined): void {
  if (!store || state.view === "home") return;
  try {
    store.setItem(KEY, serializeState(state));
  } catch {
    // Storage full or disabled (private mode): the overview simply offers no "continue".
  }
}

export function lastView(store: Store | undefined): ViewState | undefined {
  try {
    const saved = store?.getItem(KEY);
    if (!saved) return undefined;
    const state = parseState(saved);
    return state.view === "home" ? undefined : state;
  } catch {
    return undefined;
  }
}

export const browserStore = (): Store | undefined => (typeof localStorage === "undefined" ? undefined : localStorage);
