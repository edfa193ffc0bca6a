import type { GapReport as Gaps } from "../../../../model/api/analysis.ts";
import { STAGES } from "../../../../model/domain.ts";
import { headlineFigures } from "../../../../model/report-outline.ts";
import type { Translate } from "../../i18n/i18n.ts";
import { completenessExplanation } from "../../ui/completeness.ts";
import { h } from "../../ui/dom.ts";

/**
 * Page 1 of the report: title, date and source line, the headline figures, coverage by stage and
 * the chain map itself, sized (print.css) so all of it fits one A4 page.
 */
export function coverSection(
  gaps: Gaps,
  t: Translate,
  parts: { title: string; generated: string; diagram: HTMLImageElement },
): HTMLElement {
  return h(
    "section",
    { class: "report-cover" },
    h("h1", {}, parts.title),
    h("p", { class: "muted report-byline" }, parts.generated),
    h(
      "dl",
      { class: "figures" },
      headlineFigures(gaps).map((figure) =>
        h("div", { class: "figure" }, h("dt", {}, t(`report.fig${figure.id}`)), h("dd", {}, figure.value)),
      ),
    ),
    h(
      "p",
      { class: "coverage-line" },
      STAGES.map((stage) => {
        const cov = gaps.summary.coverageByStage[stage];
        return cov ? t("map.coverage", { stage: t(`stage.${stage}`), covered: cov.covered, segments: cov.segments }) : "";
      })
        .filter(Boolean)
        .join("；"),
    ),
    h("figure", { class: "report-diagram" }, parts.diagram, h("figcaption", { class: "hint" }, t("report.diagramCaption"))),
    h("details", { class: "formula" }, h("summary", {}, t("completeness.how")), completenessExplanation(gaps.summary, t)),
  );
}
