import type { DocumentRef } from "../../../model/api/explore.ts";
import { REPORT_TARGETS } from "../../../model/report-outline.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { packButton } from "../export/pack-button.ts";
import { reportPdfButton } from "../export/report-pdf-button.ts";
import { entityName } from "../i18n/i18n.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, failureBox, h, loading } from "../ui/dom.ts";
import { coverSection } from "./report/cover-section.ts";
import { chainDiagram } from "./report/diagram.ts";
import { findingsSection } from "./report/findings-section.ts";
import { matchmakingSection } from "./report/matchmaking-section.ts";
import { sourcesSection } from "./report/sources-section.ts";
import { targetsSection } from "./report/targets-section.ts";

/**
 * The printable gap report. Page 1: title, date and source line, headline figures and the chain
 * map (drawn off screen and embedded as an image); then the findings by priority, the ranked
 * targets over every gap segment (as in the PDF), local matchmaking and every cited document. "下载 PDF"
 * downloads the server's PDF of these sections (server/pack/report-pdf.ts); print CSS still
 * prints the page itself. The page stands alone at
 * `/#/report?chain=…&region=…`: it sets `data-ready="true"` on `article.report` once drawn, so a
 * headless browser can wait for that and print it. Sections are in ./report/.
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
      // One ranking over every gap segment, the one the PDF report lists (model/report-outline.ts).
      const targets = await context.api.targets(chain, region, undefined, REPORT_TARGETS).catch((): "unavailable" => "unavailable");
      if (disposed) return;
      const drawn = await chainDiagram(map, t, lang);
      if (disposed) return;
      imageUrl = URL.createObjectURL(drawn.png);

      const chainName = entityName({ ...map.chain, label: map.chain.name }, lang);
      const regionName = entityName({ ...map.region, label: map.region.name }, lang);
      const docs = new Map<string, DocumentRef>([...documents.documents, ...gaps.documents].map((doc) => [doc.id, doc]));
      const diagram = h("img", {
        src: imageUrl,
        alt: `${regionName} ${chainName}${lang === "zh" ? "：" : ": "}${drawn.description}`,
        id: "report-diagram",
      });
      clear(
        page,
        h(
          "div",
          { class: "report-actions no-print" },
          h("p", { class: "hint" }, t("report.pdfHint")),
          reportPdfButton(context),
          h("button", { type: "button", id: "report-print", onclick: () => window.print() }, t("report.print")),
          h("button", { type: "button", onclick: () => context.navigate({ view: "map" }) }, t("report.back")),
          packButton(context),
        ),
        coverSection(gaps, t, {
          title: t("report.title", { chain: chainName, region: regionName }),
          generated: t("report.byline", { date: new Date().toISOString().slice(0, 10), sources: gaps.documents.length }),
          diagram,
        }),
        findingsSection(gaps, t, lang),
        targetsSection(gaps, targets, t, lang),
        matchmakingSection(targets, t, lang),
        sourcesSection(gaps, docs, t),
      );
      page.setAttribute("aria-busy", "false");
      page.dataset.ready = "true";
    } catch (error) {
      clear(
        page,
        failureBox(error, t, () => void render(state)),
      );
    }
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
