import type { AppContext } from "../../app/context.ts";
import { entityName } from "../../i18n/i18n.ts";
import type { ViewState } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";
import { defaultChoice } from "../../ui/pickers.ts";

export interface LeaderStart {
  region: string;
  chain: string;
  regionName: string;
  chainName: string;
  leaders: { id: string; name: string }[];
}

/**
 * Where a walk starts when the link names no entity: the chain leaders (链主) of the region and
 * chain in the URL, or of the first pair the overview lists, so the explorer never opens empty.
 */
export async function findLeaderStart(context: AppContext, url: ViewState): Promise<LeaderStart | undefined> {
  const catalog = await context.catalog();
  const choice = url.chain && url.region ? { chain: url.chain, region: url.region } : defaultChoice(catalog, url.region);
  if (!choice.chain || !choice.region) return undefined;
  const gaps = await context.api.gaps(choice.chain, choice.region);
  const { lang } = context;
  return {
    region: choice.region,
    chain: choice.chain,
    regionName: entityName({ ...gaps.region, label: gaps.region.name }, lang),
    chainName: entityName({ ...gaps.chain, label: gaps.chain.name }, lang),
    leaders: gaps.leaders.map((l) => ({ id: l.id, name: entityName({ label: l.name, nameEn: l.nameEn }, lang) })),
  };
}

/** The leaders as buttons in the sidebar: each starts a walk from that leader. */
export function leaderChips(context: AppContext, start: LeaderStart, go: (id: string) => void): HTMLElement | null {
  if (start.leaders.length === 0) return null;
  const { t } = context;
  return h(
    "div",
    { class: "explore-leaders" },
    h("h2", {}, t("explore.leaders", { region: start.regionName, chain: start.chainName })),
    h(
      "div",
      { class: "chips" },
      start.leaders.map((leader) =>
        h("button", { type: "button", class: "chip", "data-leader": leader.id, onclick: () => go(leader.id) }, `★ ${leader.name}`),
      ),
    ),
  );
}
