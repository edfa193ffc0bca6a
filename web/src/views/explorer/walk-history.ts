import type { AppContext } from "../../app/context.ts";
import { type Expansion, expansionKey, type ViewState } from "../../state/url-state.ts";
import type { ExplorerState } from "./state.ts";
import { saveUndo } from "./undo-store.ts";

export interface WalkHistory {
  /** Navigates to a new step of the walk, keeping the current one for Undo. */
  go(patch: Partial<ViewState>): void;
  expand(expansion: Expansion): void;
  /** Collapses every expansion made from `id`, and those that hang off them. */
  collapse(id: string): void;
  undo(): void;
}

/** The walk's steps as URL changes, with an undo stack: back, undo and a pasted link replay alike. */
export function walkHistory(state: ExplorerState, context: AppContext): WalkHistory {
  const go = (patch: Partial<ViewState>) => {
    state.undoStack.push(state.url);
    saveUndo(state.undoStack);
    context.navigate(patch);
  };
  return {
    go,
    expand(expansion) {
      if (state.url.expanded.some((e) => expansionKey(e) === expansionKey(expansion))) return;
      go({ expanded: [...state.url.expanded, expansion], selected: expansion.id });
    },
    collapse(id) {
      const dry = state.ledger.clone();
      const gone = new Set<string>();
      for (const expansion of dry.expansionsOf(id)) for (const c of dry.collapse(expansion).collapsed) gone.add(expansionKey(c));
      go({ expanded: state.url.expanded.filter((e) => !gone.has(expansionKey(e))) });
    },
    undo() {
      const previous = state.undoStack.pop();
      saveUndo(state.undoStack);
      if (previous) context.navigate(previous);
      else context.notify(context.t("explore.undoNothing"), "info");
    },
  };
}
