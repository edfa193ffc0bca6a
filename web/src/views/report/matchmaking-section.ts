import type { Targets } from "../../../../model/api/analysis.ts";
import { matchmakingPairs } from "../../../../model/report-outline.ts";
import { bilingual, entityName, type Translate } from "../../i18n/i18n.ts";
import type { Lang } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";
import { reportTable } from "./report-table.ts";

/** Local supplier–buyer pairs to introduce (供需对接) from the ranked targets answer, best first, once each. */
export function matchmakingSection(answer: Targets | "unavailable", t: Translate, lang: Lang): HTMLElement {
  const ranked = answer === "unavailable" ? [] : matchmakingPairs([answer]);
  return h(
    "section",
    { class: "report-matchmaking" },
    h("h2", {}, t("targets.matchmaking")),
    ranked.length === 0
      ? h("p", { class: "muted" }, t("report.noMatchmaking"))
      : reportTable(
          [t("report.colSupplier"), t("report.colBuyer"), t("report.colReasons")],
          ranked.map((pair) =>
            h(
              "tr",
              {},
              h("td", {}, entityName(pair.supplier, lang)),
              h("td", {}, entityName(pair.buyer, lang)),
              h("td", {}, bilingual(pair.reason, lang)),
            ),
          ),
        ),
  );
}
