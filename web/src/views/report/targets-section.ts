import type { Targets } from "../../../../model/api/analysis.ts";
import { bilingual, entityName, type Translate } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import type { Lang } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";
import type { GapSegment } from "../targets/gap-segments.ts";
import { reportTable } from "./report-table.ts";

export type TargetList = { segment: GapSegment; answer?: Targets };

/** For each of the worst gaps, the ranked firms to recruit and why. */
export function targetsSection(lists: TargetList[], t: Translate, lang: Lang): HTMLElement {
  return h(
    "section",
    { class: "report-targets" },
    h("h2", {}, t("report.targets")),
    lists.length === 0 ? h("p", {}, t("targets.noGaps")) : null,
    lists.map(({ segment, answer }) =>
      h(
        "div",
        { class: "target-block" },
        h(
          "h3",
          {},
          `${entityName({ label: segment.label, nameEn: segment.labelEn }, lang)}（${t(`finding.${segment.kind}` as MessageKey)}）`,
        ),
        !answer || answer.targets.length === 0
          ? h("p", { class: "muted" }, t("targets.noTargets"))
          : reportTable(
              [t("report.colRank"), t("report.colFirm"), t("report.colScore"), t("report.colReasons")],
              answer.targets.map((target, i) =>
                h(
                  "tr",
                  {},
                  h("td", {}, String(i + 1)),
                  h("td", {}, entityName(target.firm, lang)),
                  h("td", {}, target.score.toFixed(1)),
                  h(
                    "td",
                    {},
                    h(
                      "ul",
                      {},
                      target.reasons.map((r) => h("li", {}, bilingual(r.message, lang))),
                    ),
                  ),
                ),
              ),
            ),
      ),
    ),
  );
}
