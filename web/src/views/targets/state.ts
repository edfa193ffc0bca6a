import type { GapReport, Targets } from "../../../../model/api/analysis.ts";
import type { ViewState } from "../../state/url-state.ts";

/**
 * The targets view's state, in one place: the URL state, the answers on screen and the keys they
 * were asked for (`chain|region`, then `…|segment`), so an update asks only for what changed.
 */
export interface TargetsState {
  url: ViewState;
  gapsKey: string;
  targetsKey: string;
  gaps: GapReport | undefined;
  targets: Targets | undefined;
  disposed: boolean;
}

export function createTargetsState(url: ViewState): TargetsState {
  return { url, gapsKey: "", targetsKey: "", gaps: undefined, targets: undefined, disposed: false };
}
