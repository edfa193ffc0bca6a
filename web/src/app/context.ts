import type { Chain, Region } from "../../../model/api/explore.ts";
import type { Api } from "../api/client.ts";
import type { Translate } from "../i18n/i18n.ts";
import type { Lang, ViewState } from "../state/url-state.ts";

/** What every view receives: the state, the translator, navigation, the API and the shared catalog. */
export interface AppContext {
  readonly state: ViewState;
  readonly lang: Lang;
  readonly t: Translate;
  readonly api: Api;
  navigate(patch: Partial<ViewState>, options?: { replace?: boolean }): void;
  /** Writes into the current history entry what the view already shows (viewport, layout): no redraw, no new entry. */
  remember(patch: Partial<ViewState>): void;
  notify(message: string, kind?: "error" | "info"): void;
  /** Regions and chains, fetched once per page. */
  catalog(): Promise<{ regions: Region[]; chains: Chain[] }>;
}

export interface ViewInstance {
  update(state: ViewState): void;
  destroy(): void;
}

export type ViewFactory = (root: HTMLElement, context: AppContext) => ViewInstance;
