import { parseState, serializeState, type ViewState } from "../../state/url-state.ts";

const KEY = "chain-atlas.explorer-undo";
/** Enough steps back for a working session; an older step is rarely wanted and the list stays small. */
export const MAX_UNDO = 50;

type Store = Pick<Storage, "getItem" | "setItem"> | undefined;

function storage(): Store {
  return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
}

/**
 * The explorer's Undo steps, kept in this tab's session as links, so a reload (or a crash of the
 * tab's page) does not lose them. Links are re-read through `parseState`, which drops anything
 * malformed, as for a pasted link.
 */
export function loadUndo(store: Store = storage()): ViewState[] {
  try {
    const saved = JSON.parse(store?.getItem(KEY) ?? "[]");
    return Array.isArray(saved) ? saved.filter((link): link is string => typeof link === "string").map(parseState) : [];
  } catch {
    return [];
  }
}

export function saveUndo(stack: ViewState[], store: Store = storage()): void {
  try {
    store?.setItem(KEY, JSON.stringify(stack.slice(-MAX_UNDO).map(serializeState)));
  } catch {
    // A full or disabled storage costs only the undo steps after a reload.
  }
}
