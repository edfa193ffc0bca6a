import type { Targets } from "../../../model/api/analysis.ts";
import type { DocumentRef } from "../../../model/api/explore.ts";
import { describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { packButton } from "../export/pack-button.ts";
import { entityName } from "../i18n/i18n.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { chainDiagramPng } from "./report/diagram.ts";
import { findingsSection } from "./report/findings-section.ts";
import { sourcesSection } from "./report/sources-section.ts";
import { summarySection } from "./report/summary-section.ts";
import { targetsSection } from "./report/targets-section.ts";
import { gapSegments } from "./targets/gap-segments.ts";

const TARGET_SEGMENTS = 3;
const TARGETS_EACH = 8;

/**
 * The printable gap report: chain diagram (drawn off screen and embedded as an image), summary,
 * findings, targets for the worst gaps, and every cited document with its date. Print CSS turns
 * it into a clean A4 PDF from the browser's print dialog. Each section is a component in ./report/.
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
      const png = await chainDiagramPng(map, t, lang);
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
          packButton(context),
        ),
        h("h1", {}, t("report.title", { chain: chainName, region: regionName })),
        h("p", { class: "muted" }, t("report.generated", { date: new Date().toISOString().slice(0, 10) })),
        summarySection(gaps, t),
        h(
          "section",
          { class: "report-diagram" },
          h("h2", {}, t("report.diagram")),
          h("img", { src: imageUrl, alt: `${regionName} ${chainName}`, id: "report-diagram" }),
        ),
        findingsSection(gaps, t, lang),
        targetsSection(targetLists, t, lang),
        sourcesSection(gaps, docs, t),
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
