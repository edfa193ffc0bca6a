import { STAGES as STAGE_ORDER } from "../../../model/domain.ts";
import { describeError } from "../api/errors.ts";
import type { DocumentRef, Gaps, Targets } from "../api/schemas.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { chainMapElements } from "../graph/chain-map-elements.ts";
import { GraphView } from "../graph/graph-view.ts";
import { bilingual, entityName } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { gapSegments } from "./targets.ts";

const TARGET_SEGMENTS = 3;
const TARGETS_EACH = 8;

/**
 * The printable gap report: chain diagram (drawn off screen and embedded as an image), summary,
 * findings, targets for the worst gaps, and every cited document with its date. Print CSS turns
 * it into a clean A4 PDF from the browser's print dialog.
 */
export function reportView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const page = h("article", { class: "report", "aria-busy": "true" }, loading(t("common.loading")));
  clear(root, page);
  let disposed = false;
  let imageUrl: string | undefined;

  const render = async (state: ViewState) => {
    const { chain, region } = state;
    if (!chain || !region) {
      clear(page, h("p", {}, t("map.pick")));
      return;
    }
    try {
      const [map, gaps, documents] = await Promise.all([
        context.api.map(chain, region, state.enclaves),
        context.api.gaps(chain, region, state.enclaves),
        context.api.documents().catch(() => ({ documents: [] as DocumentRef[] })),
      ]);
      const segments = gapSegments(gaps).slice(0, TARGET_SEGMENTS);
      const targetLists = await Promise.all(
        segments.map((segment) =>
          context.api
            .targets(chain, region, segment.id, TARGETS_EACH)
            .then((answer) => ({ segment, answer }))
            .catch(() => ({ segment, answer: undefined as Targets | undefined })),
        ),
      );
      if (disposed) return;

      // The diagram is drawn by an off-screen graph and embedded as a PNG, which prints reliably.
      const holder = h("div", { class: "offscreen-graph", "aria-hidden": "true" });
      document.body.append(holder);
      const graph = new GraphView(holder, { interactive: false, webgl: false });
      await graph.replace(chainMapElements(map.elements, { lang, t, aggregateAbove: 200, maxFirmsPerSegment: 9 }).elements, "preset");
      const png = await graph.png({ scale: 2, maxSide: 5000 });
      graph.destroy();
      holder.remove();
      if (disposed) return;
      imageUrl = URL.createObjectURL(png);

      const chainName = entityName({ ...map.chain, label: map.chain.name }, lang);
      const regionName = entityName({ ...map.region, label: map.region.name }, lang);
      const docs = new Map<string, DocumentRef>([...documents.documents, ...gaps.documents].map((doc) => [doc.id, doc]));
      clear(
        page,
        h(
          "div",
          { class: "report-actions no-print" },
          h("button", { type: "button", class: "primary", onclick: () => window.print() }, t("report.print")),
          h("button", { type: "button", onclick: () => context.navigate({ view: "map" }) }, t("report.back")),
        ),
        h("h1", {}, t("report.title", { chain: chainName, region: regionName })),
        h("p", { class: "muted" }, t("report.generated", { date: new Date().toISOString().slice(0, 10) })),
        summary(gaps),
        h(
          "section",
          { class: "report-diagram" },
          h("h2", {}, t("report.diagram")),
          h("img", { src: imageUrl, alt: `${regionName} ${chainName}`, id: "report-diagram" }),
        ),
        findingsTable(gaps),
        targetsSection(targetLists),
        sourcesTable(gaps, docs),
      );
      page.setAttribute("aria-busy", "false");
      page.dataset.ready = "true";
    } catch (error) {
      clear(
        page,
        errorBox(describeError(error, t), () => void render(state), t("common.retry")),
      );
    }
  };

  const summary = (gaps: Gaps) =>
    h(
      "section",
      { class: "report-summary" },
      h("h2", {}, t("report.summary")),
      h("p", {}, h("strong", {}, t("map.completeness", { n: Math.round(gaps.summary.completeness) }))),
      h(
        "ul",
        {},
        STAGE_ORDER.map((stage) => {
          const cov = gaps.summary.coverageByStage[stage];
          return cov ? h("li", {}, t("map.coverage", { stage: t(`stage.${stage}`), covered: cov.covered, segments: cov.segments })) : null;
        }),
      ),
      gaps.summary.formula ? h("p", { class: "hint" }, gaps.summary.formula) : null,
    );

  const findingsTable = (gaps: Gaps) => {
    const segmentName = (id?: string | null) => {
      const s = gaps.segments.find((x) => x.id === id);
      return s ? entityName({ ...s, label: s.name }, lang) : "";
    };
    return h(
      "section",
      { class: "report-findings" },
      h("h2", {}, t("report.findings")),
      gaps.findings.length === 0
        ? h("p", {}, t("map.noFindings"))
        : h(
            "table",
            {},
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                [t("report.colSeverity"), t("report.colKind"), t("report.colSegment"), t("report.colFinding")].map((c) => h("th", {}, c)),
              ),
            ),
            h(
              "tbody",
              {},
              gaps.findings.map((f) =>
                h(
                  "tr",
                  {},
                  h("td", {}, h("span", { class: `badge badge-${f.severity}` }, t(`severity.${f.severity}` as MessageKey))),
                  h("td", {}, t(`finding.${f.kind}` as MessageKey)),
                  h("td", {}, segmentName(f.segment)),
                  h("td", {}, bilingual(f.message, lang)),
                ),
              ),
            ),
          ),
    );
  };

  const targetsSection = (lists: { segment: ReturnType<typeof gapSegments>[number]; answer?: Targets }[]) =>
    h(
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
            : h(
                "table",
                {},
                h(
                  "thead",
                  {},
                  h(
                    "tr",
                    {},
                    [t("report.colRank"), t("report.colFirm"), t("report.colScore"), t("report.colReasons")].map((c) => h("th", {}, c)),
                  ),
                ),
                h(
                  "tbody",
                  {},
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
      ),
    );

  const sourcesTable = (gaps: Gaps, docs: Map<string, DocumentRef>) => {
    const cited = new Map<string, string[]>();
    for (const finding of gaps.findings)
      for (const source of finding.evidence.sources) cited.set(source.doc, [...(cited.get(source.doc) ?? []), source.quote]);
    for (const doc of gaps.documents) if (!cited.has(doc.id)) cited.set(doc.id, []);
    return h(
      "section",
      { class: "report-sources" },
      h("h2", {}, t("report.sources")),
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            [t("report.colDoc"), t("report.colOutlet"), t("report.colDate")].map((c) => h("th", {}, c)),
          ),
        ),
        h(
          "tbody",
          {},
          [...cited].map(([id, quotes]) => {
            const doc = docs.get(id);
            return h(
              "tr",
              {},
              h(
                "td",
                {},
                h("div", { class: "doc-title" }, doc?.title ?? id),
                [...new Set(quotes)].slice(0, 3).map((q) => h("q", { class: "quote" }, q)),
              ),
              h("td", {}, doc?.outlet ?? ""),
              h("td", { class: "nowrap" }, doc?.date ?? ""),
            );
          }),
        ),
      ),
    );
  };

  void render(context.state);
  let last = `${context.state.chain}|${context.state.region}|${context.state.enclaves}`;
  return {
    update: (next) => {
      const key = `${next.chain}|${next.region}|${next.enclaves}`;
      if (key !== last) {
        last = key;
        void render(next);
      }
    },
    destroy: () => {
      disposed = true;
      if (imageUrl) URL.revokeObjectURL(imageUrl);
    },
  };
}
