import type { GapReport as Gaps } from "../../../../model/api/analysis.ts";
import type { Chain, Region } from "../../../../model/api/explore.ts";
import { describeError } from "../../api/errors.ts";
import type { AppContext } from "../../app/context.ts";
import { bilingual, entityName } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { serializeState, type ViewState, withState } from "../../state/url-state.ts";
import { clear, h, loading } from "../../ui/dom.ts";

const TOP_ON_CARD = 3;

/** A link to a view of this region and chain, keeping the language and nothing else of the old view. */
export function pairLink(context: AppContext, region: string, chain: string, patch: Partial<ViewState>): string {
  return serializeState(
    withState(context.state, {
      chain,
      region,
      finding: undefined,
      selected: undefined,
      open: [],
      segment: undefined,
      target: undefined,
      ...patch,
    }),
  );
}

/**
 * One region × chain on the overview: its name linking to the map, then — once its gap report
 * arrives — completeness, the count of findings and the first few by the API's priority, each a
 * link to the map with that finding's evidence shown.
 */
export function pairCard(context: AppContext, region: Region, chain: Chain) {
  const { t, lang } = context;
  const chainName = entityName({ ...chain, label: chain.name }, lang);
  const body = h("div", { class: "pair-body" }, loading(t("common.loading")));
  const card = h(
    "article",
    { class: "pair-card", "data-region": region.id, "data-chain": chain.id, "aria-busy": "true" },
    h("h3", {}, h("a", { href: pairLink(context, region.id, chain.id, { view: "map" }) }, chainName)),
    body,
    h(
      "div",
      { class: "row" },
      h("a", { class: "button primary", href: pairLink(context, region.id, chain.id, { view: "map" }) }, t("home.openMap")),
      h("a", { class: "button", href: pairLink(context, region.id, chain.id, { view: "targets" }) }, t("home.openTargets")),
    ),
  );

  const show = (gaps: Gaps) => {
    const byId = new Map(gaps.findings.map((f) => [f.id, f]));
    const top = (gaps.top.length > 0 ? gaps.top : gaps.findings.map((f) => f.id))
      .map((id) => byId.get(id))
      .filter((f) => f !== undefined)
      .slice(0, TOP_ON_CARD);
    const percent = Math.max(0, Math.min(100, Math.round(gaps.summary.completeness)));
    clear(
      body,
      h(
        "div",
        { class: "pair-completeness" },
        h("span", { class: "bar", "aria-hidden": "true" }, h("span", { class: "bar-fill", style: `width:${percent}%` })),
        h("strong", {}, t("home.completeness", { n: percent })),
      ),
      h(
        "p",
        { class: "hint" },
        t("home.findings", { n: gaps.findings.length, high: gaps.findings.filter((f) => f.severity === "high").length }),
      ),
      top.length > 0
        ? h(
            "ol",
            { class: "pair-findings" },
            top.map((finding) =>
              h(
                "li",
                {},
                h("span", { class: `badge badge-${finding.severity}` }, t(`finding.${finding.kind}` as MessageKey)),
                h(
                  "a",
                  { href: pairLink(context, region.id, chain.id, { view: "map", finding: finding.id }) },
                  bilingual(finding.message, lang),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, t("map.noFindings")),
    );
    card.setAttribute("aria-busy", "false");
  };

  const fail = (error: unknown, retry: () => void) => {
    clear(
      body,
      h("p", { class: "muted" }, t("home.failed", { message: describeError(error, t) })),
      h("button", { type: "button", "data-action": "retry", onclick: retry }, t("common.retry")),
    );
    card.setAttribute("aria-busy", "false");
  };

  return { element: card, show, fail };
}
