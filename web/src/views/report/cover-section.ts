import type { GapReport as Gaps } from "../../../../model/api/analysis.ts";
import { STAGES } from "../../../../model/domain.ts";
import type { Translate } from "../../i18n/i18n.ts";
import { completenessExplanation } from "../../ui/completeness.ts";
import { h } from "../../ui/dom.ts";

/** The headline numbers a bureau quotes: completeness, coverage, the gaps by kind, the leaders. */
export function headlineFigures(gaps: Gaps): { key: string; value: string }[] {
  const count = (kind: string) => gaps.findings.filter((f) => f.kind === kind).length;
  const covered = Object.values(gaps.summary.coverageByStage).reduce((sum, c) => sum + c.covered, 0);
  const segments = Object.values(gaps.summary.coverageByStage).reduce((sum, c) => sum + c.segments, 0);
  const leaders = new Set(gaps.segments.flatMap((s) => s.leaders));
  return [
    { key: "report.figCompleteness", value: `${Math.round(gaps.summary.completeness)}%` },
    { key: "report.figCovered", value: `${covered}/${segments}` },
    { key: "report.figMissing", value: String(count("missing-segment")) },
    { key: "report.figThin", value: String(count("thin-segment")) },
    { key: "report.figBroken", value: String(count("broken-link")) },
    { key: "report.figLeaders", value: String(leaders.size) },
  ];
}

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
        h("div", { class: "figure" }, h("dt", {}, t(figure.key as Parameters<Translate>[0])), h("dd", {}, figure.value)),
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
