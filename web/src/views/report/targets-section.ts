import type { GapReport, Targets } from "../../../../model/api/analysis.ts";
import { bilingual, entityName, type Translate } from "../../i18n/i18n.ts";
import type { Lang } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";
import { gapSegments } from "../targets/gap-segments.ts";
import { reportTable } from "./report-table.ts";

/**
 * The firms to recruit: one ranking over every gap segment (GET /targets without a segment, ranked
 * before the cut), as the PDF report lists it, each with the gaps it would close and why. When the
 * ranking cannot be read the section says so rather than showing an empty list as "no targets".
 */
export function targetsSection(gaps: GapReport, answer: Targets | "unavailable", t: Translate, lang: Lang): HTMLElement {
  const segmentName = new Map(gapSegments(gaps).map((s) => [s.id, entityName({ label: s.label, nameEn: s.labelEn }, lang)]));
  const targets = answer === "unavailable" ? [] : answer.targets;
  const empty =
    answer === "unavailable" ? "report.targetsUnavailable" : gapSegments(gaps).length === 0 ? "targets.noGaps" : "targets.noTargets";
  return h(
    "section",
    { class: "report-targets" },
    h("h2", {}, t("report.targets")),
    targets.length === 0
      ? h("p", { class: "muted" }, t(empty))
      : reportTable(
          [t("report.colRank"), t("report.colFirm"), t("report.colCloses"), t("report.colScore"), t("report.colReasons")],
          targets.map((target) =>
            h(
              "tr",
              {},
              h("td", {}, String(target.rank)),
              h("td", {}, entityName(target.firm, lang)),
              h("td", {}, target.gaps.map((id) => segmentName.get(id) ?? id).join(lang === "zh" ? "、" : ", ")),
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
  );
}
